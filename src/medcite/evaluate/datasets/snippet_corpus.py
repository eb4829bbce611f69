"""Rebuild the text of BioASQ documents from the gold snippets that quote them.

BioASQ gives no abstracts, only the excerpts experts marked: a snippet is a verbatim
piece of a title or an abstract with its character offsets there. Gathered over all
questions, the snippets of one PMID cover much of its abstract, so the document is
rebuilt from them: the title snippets make the title, and the abstract snippets,
laid out by their offsets, make the abstract.

The offsets cannot be trusted blindly: snippets of different years were taken from
different versions of an abstract, and about 40% of the pairs that overlap by offset
disagree on the overlapping text. So offsets only order the snippets and say where
one may overlap the previous one; the text decides. A snippet is joined to the run
before it when its beginning repeats that run's end (the repeated part is written
once), or when its offsets say it follows directly; otherwise it starts a new run.
Each run of contiguous text becomes one section, so no sentence is made across a gap.
A snippet already contained in the text adds nothing.

Every snippet's text ends up verbatim in its document, so each gold snippet is then
located by searching its text — in the rebuilt document's own coordinates, the ones
retrieved sentences are measured in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medcite.evaluate.cases import TITLE, TextSpan

MIN_OVERLAP = 8
"""Fewest characters a snippet must share with the end of the run before it to be merged."""


@dataclass(frozen=True, slots=True)
class RawSnippet:
    """A gold snippet as BioASQ gives it: document, section, offsets, text."""

    pmid: str
    in_title: bool
    begin: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RebuiltDocument:
    """A document rebuilt from its snippets: a title and runs of contiguous abstract text."""

    pmid: str
    title: str
    sections: tuple[str, ...]


def rebuild_documents(snippets: Iterable[RawSnippet]) -> dict[str, RebuiltDocument]:
    """Every PMID's document rebuilt from all of its snippets, keyed by PMID."""
    by_pmid: dict[str, list[RawSnippet]] = {}
    for snippet in snippets:
        if snippet.text.strip():
            by_pmid.setdefault(snippet.pmid, []).append(snippet)
    return {pmid: _rebuild(pmid, found) for pmid, found in by_pmid.items()}


def locate(document: RebuiltDocument, record_id: str, snippet: RawSnippet) -> TextSpan | None:
    """Where ``snippet``'s text lies in ``document``; None when it is not there."""
    text = snippet.text.strip()
    if snippet.in_title:
        start = document.title.find(text)
        return TextSpan(record_id, TITLE, start, start + len(text)) if start >= 0 else None
    for part, section in enumerate(document.sections):
        start = section.find(text)
        if start >= 0:
            return TextSpan(record_id, part, start, start + len(text))
    return None


def _rebuild(pmid: str, snippets: list[RawSnippet]) -> RebuiltDocument:
    titles = sorted({s.text.strip() for s in snippets if s.in_title}, key=lambda t: (-len(t), t))
    # Versions of a title that differ (markup, a changed word) are all kept, longest first.
    title = " ".join(t for t in titles if not any(t in other and t != other for other in titles))
    in_abstract = sorted(
        {(s.begin, -s.end, s.text.strip()) for s in snippets if not s.in_title},
    )
    runs: list[_Run] = []
    for begin, negative_end, text in in_abstract:
        _place(runs, begin, -negative_end, text)
    return RebuiltDocument(pmid, title, _drop_contained(runs))


def _drop_contained(runs: list[_Run]) -> tuple[str, ...]:
    """The runs' texts in order, less those repeated inside another run.

    A later, longer snippet may have swallowed an earlier run while extending another.
    """
    texts = [run.text for run in runs]
    kept: list[str] = []
    for text in texts:
        if text in kept or any(text in other and len(other) > len(text) for other in texts):
            continue
        kept.append(text)
    return tuple(kept)


@dataclass(slots=True)
class _Run:
    """Contiguous text being rebuilt, and the original offset its end is believed to be at."""

    text: str
    end: int


def _place(runs: list[_Run], begin: int, end: int, text: str) -> None:
    """Add one abstract snippet to the runs (see the module docstring)."""
    if any(text in run.text for run in runs):
        return
    last = runs[-1] if runs else None
    if last is not None and begin < last.end:
        if last.text in text:
            last.text, last.end = text, max(last.end, end)
            return
        shared = _overlap(last.text, text)
        if shared >= MIN_OVERLAP:
            last.text += text[shared:]
            last.end = max(last.end, end)
            return
    elif last is not None and begin <= last.end + 1:
        last.text += text if text[:1].isspace() else " " + text
        last.end = end
        return
    runs.append(_Run(text, end))


def _overlap(before: str, after: str) -> int:
    """Length of the longest end of ``before`` that ``after`` begins with (0 below the minimum)."""
    if len(after) < MIN_OVERLAP:
        return 0
    probe = after[:MIN_OVERLAP]
    lowest = max(0, len(before) - len(after))
    best = 0
    position = before.find(probe, lowest)
    while position >= 0:
        length = len(before) - position
        if after.startswith(before[position:]):
            best = length
            break  # the first match from the left is the longest overlap
        position = before.find(probe, position + 1)
    return best
