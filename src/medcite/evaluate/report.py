"""An evaluation's result: each system's metrics side by side, as JSON and as a terminal table.

The JSON is the contract later checks read: ``{"dataset": …, "systems": {"medcite":
{metric: value}, "bm25": {metric: value}}, …}``; the other keys (how many queries and
records, timings, notes) describe the run and may grow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from medcite.evaluate.systems import BM25, MEDCITE

_DIGITS = 4


@dataclass(frozen=True, slots=True)
class Report:
    """The figures of one evaluation run."""

    dataset: str
    systems: Mapping[str, Mapping[str, float]]
    queries: int
    corpus_records: int
    data: str
    seconds: Mapping[str, float] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    split: str = "report"
    """Which questions were asked (``medcite.evaluate.splits``)."""

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data; metric values rounded to four decimals."""
        return {
            "dataset": self.dataset,
            "split": self.split,
            "systems": {
                name: {metric: round(value, _DIGITS) for metric, value in metrics.items()}
                for name, metrics in self.systems.items()
            },
            "queries": self.queries,
            "corpus_records": self.corpus_records,
            "data": self.data,
            "seconds": {name: round(value, 2) for name, value in self.seconds.items()},
            "counts": dict(self.counts),
            "notes": list(self.notes),
        }


def report_view(report: Report) -> Group:
    """A table of every metric for medcite and BM25, with medcite's difference from BM25."""
    medcite = report.systems.get(MEDCITE, {})
    bm25 = report.systems.get(BM25, {})
    table = Table(
        title=f"{report.dataset} ({report.split} split): {report.queries} queries, "
        f"{report.corpus_records} records",
        title_justify="left",
    )
    table.add_column("metric")
    table.add_column(MEDCITE, justify="right")
    table.add_column(BM25, justify="right")
    table.add_column("difference", justify="right")
    for metric in dict.fromkeys([*medcite, *bm25]):
        ours, theirs = medcite.get(metric), bm25.get(metric)
        table.add_row(metric, _cell(ours), _cell(theirs), _difference(ours, theirs))
    lines: list[Table | Text] = [table]
    if report.seconds:
        timing = ", ".join(f"{name} {value:.1f} s" for name, value in report.seconds.items())
        lines.append(Text(f"time: {timing}", style="dim"))
    lines.extend(Text(note, style="dim") for note in report.notes)
    return Group(*lines)


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.{_DIGITS}f}"


def _difference(ours: float | None, theirs: float | None) -> Text:
    if ours is None or theirs is None:
        return Text("–")
    delta = ours - theirs
    style = "green" if delta > 0 else "red" if delta < 0 else ""
    return Text(f"{delta:+.{_DIGITS}f}", style=style)
