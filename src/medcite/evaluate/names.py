"""The benchmarks ``medcite eval`` runs, by name (light: the CLI's help lists them)."""

from __future__ import annotations

from enum import StrEnum


class Dataset(StrEnum):
    """The benchmarks ``medcite eval`` runs."""

    SCIFACT = "scifact"
    BIOASQ = "bioasq"
    BIOASQ_SUMMARY = "bioasq-summary"
    BIOASQ_ABSTENTION = "bioasq-abstention"
    PUBMEDQA = "pubmedqa"
    NCBI_DISEASE = "ncbi-disease"
    LIVEQA = "liveqa"
    MEDIQA_QA = "mediqa-qa"
    MEDIQA_PAGES = "mediqa-pages"
