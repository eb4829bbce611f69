"""What ingestion derives from a record before storing it, run in the reader processes.

A module-level function, so worker processes import it by name. It lives in the engine
because it joins ingestion's own work (sentence splitting, and a guideline's
recommendations recognised on the sentences) with a stage ``ingest`` may not import:
the abbreviations a record defines (``understand``).

Grading (``evidence.grade_record``) is not done here: it costs more than parsing a
record (see bench/ingest_throughput.py's notes), and ``ask`` grades only the twenty
records it reads, caching the grades.
"""

from __future__ import annotations

from medcite import ingest
from medcite.records import PreparedRecord, Record
from medcite.safe_text import clean_struct
from medcite.understand import abbreviation_definitions


def prepare_record(record: Record) -> PreparedRecord:
    """The record, its text cleaned (NFC, no lone surrogates or control characters:
    ``safe_text``), with its sentence spans, the abbreviations it defines and, for a
    guideline text, the recommendations its sentences state."""
    record = clean_struct(record)
    spans = ingest.record_sentence_spans(record)
    return PreparedRecord(
        ingest.with_recommendations(record, spans), spans, abbreviation_definitions(record)
    )
