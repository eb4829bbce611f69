"""The ``evidence`` stage: what a record's evidence is worth, and what its sentences report.

* ``grade_record(record) -> EvidenceGrade``: level, design, n, year and the signal that
  decided (publication types, MeSH design headings, or the text);
* ``find_numbers(sentence) -> tuple[ReportedNumber, ...]``: percentages, proportions,
  p-values, ratios with confidence intervals, means ± SD, each with its span;
* ``readability(text) -> float``: Flesch Reading Ease, for the patient audience;
* ``weigh_evidence(question, retrieved, …)``: the records graded and every sentence read
  (concepts, numbers, role) and scored by the learned, calibrated relevance model.
* ``sentence_roles(record, sentences) -> tuple[RoleEstimate, ...]``: what each sentence
  does (background … conclusions, or a funding, registration, conflict, ethics, data or
  copyright line), from labels, patterns or the shipped model (``evidence.roles``), and
  ``role_model_version()`` for an answer's provenance.

Pure functions over ``records`` types; the rules are data (ordered tables, dicts keyed
by enum) in the modules that use them.
"""

from medcite.evidence.features import FEATURES
from medcite.evidence.grade import LEVEL_OF_DESIGN, grade_record
from medcite.evidence.numbers import find_numbers
from medcite.evidence.ranking import best_sentences, rank_by_evidence
from medcite.evidence.readability import readability
from medcite.evidence.relevance import RelevanceModel, load_model, relevance_model, shipped_model
from medcite.evidence.roles import role_model_version, sentence_roles
from medcite.evidence.sample_size import sample_size
from medcite.evidence.weigh import ConceptSpotter, WordStatistics, read_evidence, weigh_evidence

__all__ = [
    "FEATURES",
    "LEVEL_OF_DESIGN",
    "ConceptSpotter",
    "RelevanceModel",
    "WordStatistics",
    "best_sentences",
    "find_numbers",
    "grade_record",
    "load_model",
    "rank_by_evidence",
    "read_evidence",
    "readability",
    "relevance_model",
    "role_model_version",
    "sample_size",
    "sentence_roles",
    "shipped_model",
    "weigh_evidence",
]
