"""The names ``medcite.understand`` exports, each imported from its module when first used."""

from .abbreviations import Definition, find_definitions
from .definitions import abbreviation_definitions
from .lexicon import LEXICON_FORMAT, Lexicon, build_lexicon
from .matcher import concepts_of_phrase, count_concepts, defined_short_forms, find_mentions
from .question import (
    ConceptSource,
    Knowledge,
    SenseSource,
    build_facets,
    understand_question,
)
from .roles import GENERIC_CONCEPTS, is_within
from .senses import CooccurrenceCounts, corpus_context_fit
from .topics import question_lexicon, record_topics

__all__ = [
    "GENERIC_CONCEPTS",
    "LEXICON_FORMAT",
    "ConceptSource",
    "CooccurrenceCounts",
    "Definition",
    "Knowledge",
    "Lexicon",
    "SenseSource",
    "abbreviation_definitions",
    "build_facets",
    "build_lexicon",
    "concepts_of_phrase",
    "corpus_context_fit",
    "count_concepts",
    "defined_short_forms",
    "find_definitions",
    "find_mentions",
    "is_within",
    "question_lexicon",
    "record_topics",
    "understand_question",
]
