"""The ``understand`` stage: concepts in questions and records, through the vocabularies.

A dictionary matcher over every name of every loaded concept (``lexicon``,
``matcher``), abbreviations defined in text (``abbreviations``) or chosen by context
(``senses``), and from those the reading of a question — concepts with roles, kinds,
facets (``question``) — and of a retrieved record's topics (``topics``).
"""

from medcite.understand.abbreviations import Definition, find_definitions
from medcite.understand.definitions import abbreviation_definitions
from medcite.understand.lexicon import LEXICON_FORMAT, Lexicon, build_lexicon
from medcite.understand.matcher import concepts_of_phrase, count_concepts, find_mentions
from medcite.understand.question import (
    ConceptSource,
    Knowledge,
    SenseSource,
    build_facets,
    understand_question,
)
from medcite.understand.roles import GENERIC_CONCEPTS, is_within
from medcite.understand.senses import CooccurrenceCounts, corpus_context_fit
from medcite.understand.topics import question_lexicon, record_topics
from medcite.words import term_key, tokenize

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
    "find_definitions",
    "find_mentions",
    "is_within",
    "question_lexicon",
    "record_topics",
    "term_key",
    "tokenize",
    "understand_question",
]
