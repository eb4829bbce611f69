"""The fixed splits of the benchmarks: what may be trained on, tuned on, and reported.

Written down once, here, and used by both the training command and ``medcite eval``, so
no figure can be reported on questions a weight or threshold was chosen on:

* **BioASQ** (golden batches 7B–11B): ``report`` is every question of 11B (2023), on which
  nothing is chosen; ``dev`` is one fifth of the 7B–10B questions, picked by a hash of the
  question id (stable, whatever order the files are read in); ``train`` is the rest of
  7B–10B. The sentence-relevance model is fitted on ``train``, its calibration, thresholds
  and every other choice made on ``dev``. No 11B question repeats an earlier one (checked
  when the split was made: no body occurs in both).
* **PubMedQA** (PQA-L): ``report`` is the official 500-question test split; ``dev`` one
  fifth of the other 500 by the same hash; ``train`` the rest.

``all`` takes every question, for figures comparable with earlier releases.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

DEV_SHARE = 5
"""One question in ``DEV_SHARE`` of the trainable ones goes to ``dev``."""

BIOASQ_REPORT_EDITION = 11
"""The BioASQ edition (11B, 2023) held out for reporting."""


class Split(StrEnum):
    """A part of a benchmark's questions."""

    TRAIN = "train"
    DEV = "dev"
    REPORT = "report"
    ALL = "all"


def in_dev(question_id: str) -> bool:
    """Whether a trainable question belongs to ``dev`` (a stable hash of its id)."""
    digest = hashlib.sha256(question_id.encode("utf-8")).digest()
    return digest[0] % DEV_SHARE == 0


def bioasq_split(question_id: str, edition: int) -> Split:
    """The split of a BioASQ question from its id and its edition (7 for 7B, …)."""
    if edition >= BIOASQ_REPORT_EDITION:
        return Split.REPORT
    return Split.DEV if in_dev(question_id) else Split.TRAIN


def pubmedqa_split(pmid: str, official_test: bool) -> Split:
    """The split of a PubMedQA question: the official test split is ``report``."""
    if official_test:
        return Split.REPORT
    return Split.DEV if in_dev(pmid) else Split.TRAIN


def selects(wanted: Split, split: Split) -> bool:
    """Whether a question of ``split`` is taken when ``wanted`` is asked for."""
    return wanted is Split.ALL or wanted is split
