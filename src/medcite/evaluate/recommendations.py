"""Recommendation recognition measured against hand labels of NGC guideline summaries.

The labels (``tests/data/ngc/labels_SEED.jsonl``, one file per seeded sample) mark, in the
"Major Recommendations" text of each labelled summary (``datasets.ngc``), every
recommendation statement by its character span and the grade the guideline gives it,
written as the grade's values (see
:func:`grade_values`). medcite reads the summary as it reads any guideline text — the
sentences of the record, then ``ingest.recommendations`` — and its recognised statements
are compared with the labels:

* a recognised statement is *correct* when one labelled statement overlaps it by at least
  half of the shorter of the two (sentence splits may differ a little from the labels);
* a labelled statement is *found* when some correct recognised statement overlaps it so;
* a correct statement has the *right grade* when its grade's values equal those of the
  labelled statement it overlaps most (no grade on both sides counts as equal).

Precision is correct / recognised, recall found / labelled, and grade accuracy right
grade / correct. Each label line carries the SHA-256 of the text it was made on, so a
change to the NGC reader that moves offsets fails loudly instead of scoring nonsense.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from medcite.errors import SourceError
from medcite.evaluate.datasets.ngc import GuidelineSummary
from medcite.ingest import record_sentences, with_recommendations

_GRADE_VALUE = re.compile(
    r"(?P<word>\b(?i:very[- ]low|high|moderate|low|strong|weak|conditional|discretionary|"
    r"insufficient|consensus|expert opinion|good practice point|GPP|best practice|"
    r"clinical principle|intermediate|fair|good|poor|limited)\b)"
    r"|(?P<roman>\b(?:IV|V|I{1,3})[ab]?(?:-[1-3])?\b)"
    r"|(?P<number>\b[1-4][A-C]?(?:\+\+|\+|-)?(?![\w+]))"
    r"|(?P<letter>\b[A-F](?:-(?:R|NR|LD|EO))?\b)"
)


_CODE = re.compile(r"[A-Za-z0-9+]+")

SAMPLE_DRAWS = (
    (14, 50), (1414, 12), (1415, 50), (1416, 50), (1417, 50), (1418, 50), (1419, 50), (1420, 50),
    (1421, 50), (1422, 50), (1423, 50), (1424, 50),
)  # fmt: skip
"""The seeded draws of summaries, ``(seed, size)``, in order, each from the ids the earlier
ones left: 14 (the issue's number, fixed before any summary was read), labelled and first
measured; 1414, the 12 the recogniser was first developed on; 1415 to 1423, each labelled,
measured once on the code of its day, then developed on; 1424, labelled after all of
that, the report sample. A change measured on 1424 needs the next draw to report on."""
REPORT_SEED = 1424


def labelled_sample(summary_ids: Iterable[str], seed: int = REPORT_SEED) -> list[str]:
    """The summaries of the draw with ``seed``, sorted, so anyone can redraw them from the
    archive: the draws of ``SAMPLE_DRAWS`` are made in order, each from the sorted ids that
    the earlier draws left."""
    remaining = sorted(summary_ids)
    for draw_seed, size in SAMPLE_DRAWS:
        drawn = random.Random(draw_seed).sample(remaining, size)
        if draw_seed == seed:
            return sorted(drawn)
        taken = set(drawn)
        remaining = [summary_id for summary_id in remaining if summary_id not in taken]
    raise ValueError(f"no labelled sample was drawn with seed {seed}")


def grade_values(grade: str) -> str:
    """The values a grade states, sorted, as one comparable string.

    "Class I, Level of Evidence: A" → "A I"; "strong recommendation, moderate-quality
    evidence" → "MODERATE STRONG"; "Grade 1A" → "1A"; "[B]" → "B"; "" → "". Words that
    only name the scheme ("class", "level of evidence", "grade", "recommendation") drop out;
    a grade with none of these values is its own code ("[CS]" → "CS").
    """
    values = {"-".join(match.group().upper().split()) for match in _GRADE_VALUE.finditer(grade)}
    if not values:  # a scheme's own code ("[CS]" for clinical standard): the code itself
        values = {word.upper() for word in _CODE.findall(grade)}
    return " ".join(sorted(values))


@dataclass(frozen=True, slots=True)
class Statement:
    """A recommendation statement: characters ``start:end`` of the recommendations text,
    and the values of its grade (:func:`grade_values`; "" when it has none)."""

    start: int
    end: int
    grade: str


@dataclass(frozen=True, slots=True)
class LabelledSummary:
    """The hand labels of one summary, and the digest of the text they were made on."""

    id: str
    text_sha256: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class RecognitionFigures:
    """Counts over the labelled summaries and the three figures made from them."""

    summaries: int
    labelled: int
    recognised: int
    correct: int
    found: int
    right_grade: int

    @property
    def precision(self) -> float:
        return self.correct / self.recognised if self.recognised else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 0.0

    @property
    def grade_accuracy(self) -> float:
        return self.right_grade / self.correct if self.correct else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "summaries": self.summaries,
            "labelled": self.labelled,
            "recognised": self.recognised,
            "correct": self.correct,
            "found": self.found,
            "right_grade": self.right_grade,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "grade_accuracy": round(self.grade_accuracy, 4),
        }


def read_labels(path: Path) -> tuple[LabelledSummary, ...]:
    """The labelled summaries of a JSON Lines file (``{"id", "text_sha256", "statements":
    [[start, end, grade values], …]}`` per line)."""
    labelled = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            statements = tuple(Statement(int(s), int(e), str(g)) for s, e, g in row["statements"])
            labelled.append(LabelledSummary(str(row["id"]), str(row["text_sha256"]), statements))
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(f"{path}, line {number}: not a label line: {exc}") from exc
    return tuple(labelled)


def text_digest(summary: GuidelineSummary) -> str:
    """The SHA-256 of a summary's recommendations text, as the labels record it."""
    return hashlib.sha256(summary.recommendations.encode("utf-8")).hexdigest()


def recognised_statements(summary: GuidelineSummary) -> tuple[Statement, ...]:
    """The recommendations medcite recognises in a summary, as spans of its text."""
    record = summary.record()
    spans = [(s.section_index, s.start, s.end) for s in record_sentences(record)]
    offsets = summary.section_offsets()
    return tuple(
        Statement(
            offsets[found.section_index] + found.start,
            offsets[found.section_index] + found.end,
            grade_values(found.grade),
        )
        for found in with_recommendations(record, spans).recommendations
    )


def measure(
    labels: Iterable[LabelledSummary], summaries: Mapping[str, GuidelineSummary]
) -> RecognitionFigures:
    """Compare what medcite recognises in each labelled summary with its labels."""
    totals = [0, 0, 0, 0, 0]
    count = 0
    for labelled in labels:
        summary = summaries.get(labelled.id)
        if summary is None:
            raise SourceError(f"labelled summary {labelled.id} is not among the NGC summaries")
        if text_digest(summary) != labelled.text_sha256:
            raise SourceError(
                f"{labelled.id}: its text is not the one labelled (the NGC reader changed?)"
            )
        counts = compare(labelled.statements, recognised_statements(summary))
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        count += 1
    return RecognitionFigures(count, *totals)


def compare(
    gold: Sequence[Statement], found: Sequence[Statement]
) -> tuple[int, int, int, int, int]:
    """``(labelled, recognised, correct, found, right grade)`` for one summary."""
    correct = right = 0
    matched: set[int] = set()
    for statement in found:
        overlaps = [(_overlap(statement, label), i) for i, label in enumerate(gold)]
        hits = [(size, i) for size, i in overlaps if _matches(size, statement, gold[i])]
        if not hits:
            continue
        correct += 1
        matched.update(i for _, i in hits)
        best = gold[max(hits)[1]]
        right += statement.grade == best.grade
    return len(gold), len(found), correct, len(matched), right


def _overlap(a: Statement, b: Statement) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _matches(size: int, a: Statement, b: Statement) -> bool:
    return size > 0 and 2 * size >= min(a.end - a.start, b.end - b.start)
