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

The names are listed once, in ``__init__.pyi``, and each is imported from its module when
first used (lazy_loader, SPEC 1), so a command that answers nothing starts without them.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
