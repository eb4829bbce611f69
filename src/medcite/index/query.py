"""Search text is text, never query syntax.

A user's question may hold anything: "HbA1c: 7% (or less)?", "NOT resolved", "C++",
"α-synuclein", a stray quote. Passing it to tantivy's query parser would make
``AND``/``NOT``/``-``/``:``/``^``/``~`` act as operators, and escaping the parser's
grammar correctly for every version is a game we would lose sooner or later. So the
parser is not used at all: the text is analysed here with the same analyzer as the
indexed fields (tantivy's ``en_stem``), and the query is built from tantivy ``Query``
objects, in which a token can only ever be a term.

Balanced double quotes ("spinal cord compression", also typographic “…”) make a phrase;
every other token is a term. Terms and phrases are OR-ed together, each on every field
with that field's boost, so BM25 ranks records matching more of them, and more
important fields, first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial

import tantivy

_QUOTED = re.compile(r'["“”„]([^"“”„]*)["“”„]')

# tantivy's built-in "en_stem" analyzer, rebuilt so query text is analysed exactly as
# the indexed fields were (tantivy ``TokenizerManager::default``).
_LONGEST_TOKEN_BYTES = 40


@dataclass(frozen=True, slots=True)
class QueryTerms:
    """Search text analysed into stemmed terms and phrases of positioned terms."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[tuple[int, str], ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the text held nothing searchable (empty, only punctuation)."""
        return not self.terms and not self.phrases


def analyze_query_text(text: str) -> QueryTerms:
    """Split ``text`` into phrases (balanced quotes) and terms, analysed as the index is.

    A quoted part of one token is just a term; an unbalanced quote is ignored.
    """
    terms: list[str] = []
    phrases: list[tuple[tuple[int, str], ...]] = []
    for quoted in _QUOTED.findall(text):
        words = _positioned_tokens(quoted)
        if len(words) > 1:
            phrases.append(words)
        elif words:
            terms.append(words[0][1])
    terms.extend(_analyzer().analyze(_QUOTED.sub(" ", text)))
    return QueryTerms(terms=tuple(dict.fromkeys(terms)), phrases=tuple(dict.fromkeys(phrases)))


TIE_BREAKER = 0.1
"""Share of the other fields' scores added to a term's best field (Lucene's dis_max)."""


def build_query(
    query_terms: QueryTerms, schema: tantivy.Schema, field_boosts: Mapping[str, float]
) -> tantivy.Query:
    """One tantivy query: each term or phrase scored on its best field, OR-ed together.

    Per term, fields are combined by disjunction-max rather than summed: a common term
    that appears in title, abstract, MeSH and keywords alike must not outweigh a rare,
    decisive term found only in the title and abstract ("COVID-19" vs "remdesivir").
    """

    def best_field(make: Callable[[str], tantivy.Query]) -> tantivy.Query:
        per_field = [
            tantivy.Query.boost_query(make(field_name), boost)
            for field_name, boost in field_boosts.items()
        ]
        return tantivy.Query.disjunction_max_query(per_field, TIE_BREAKER)

    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
    for term in query_terms.terms:
        query = best_field(partial(_term_query, schema, term))
        clauses.append((tantivy.Occur.Should, query))
    for phrase in query_terms.phrases:
        query = best_field(partial(_phrase_query, schema, list(phrase)))
        clauses.append((tantivy.Occur.Should, query))
    return tantivy.Query.boolean_query(clauses)


def _term_query(schema: tantivy.Schema, term: str, field_name: str) -> tantivy.Query:
    return tantivy.Query.term_query(schema, field_name, term)


def _phrase_query(
    schema: tantivy.Schema, words: list[str | tuple[int, str]], field_name: str
) -> tantivy.Query:
    return tantivy.Query.phrase_query(schema, field_name, words)


def _positioned_tokens(text: str) -> tuple[tuple[int, str], ...]:
    """Tokens of a phrase with positions counted from its first token.

    Positions keep the gaps left by dropped (over-long) tokens, as the index does.
    """
    tokens = _analyzer().pre_tokenize(text).tokens
    if not tokens:
        return ()
    first = tokens[0].position
    return tuple((token.position - first, token.text) for token in tokens)


@cache
def _analyzer() -> tantivy.TextAnalyzer:
    """The ``en_stem`` analyzer, built on first use (no work at import time)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(_LONGEST_TOKEN_BYTES))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )
