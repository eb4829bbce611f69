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
from itertools import pairwise

import tantivy

from medcite.records import ConceptClause, SearchPlan

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


MESH_IDS = "mesh_ids"
MAJOR_MESH_IDS = "major_mesh_ids"
PUBLICATION_TYPES = "publication_types"
"""Index fields of whole tokens (the schema in ``lexical.py`` declares them)."""

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


def build_plan_query(
    plan: SearchPlan, schema: tantivy.Schema, field_boosts: Mapping[str, float]
) -> tantivy.Query | None:
    """The query of a search plan: its words as :func:`build_query` reads them, OR-ed with
    one clause per concept (any of its names, or its MeSH ids); None if nothing to search.

    Each concept clause is a disjunction-max over its names, so a record naming a
    concept three ways counts it once, and a record indexed under the concept's MeSH
    heading matches whatever words it uses.
    """
    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
    words = analyze_query_text(plan.text)
    if not words.is_empty:
        clauses.append((tantivy.Occur.Should, build_query(words, schema, field_boosts)))
    if plan.proximity_weight > 0:
        clauses += [
            (tantivy.Occur.Should, tantivy.Query.boost_query(query, plan.proximity_weight))
            for query in _proximity_queries(plan.text, schema, field_boosts)
        ]
    for concept in plan.concepts:
        query = _concept_query(concept, plan, schema, field_boosts)
        if query is not None:
            clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, concept.weight)))
    if not clauses:
        return None
    query = tantivy.Query.boolean_query(clauses)
    if plan.publication_types:
        kinds = [
            (tantivy.Occur.Should, tantivy.Query.term_query(schema, PUBLICATION_TYPES, kind))
            for kind in plan.publication_types
        ]
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Must, tantivy.Query.boolean_query(kinds))]
        )
    return query


PROXIMITY_SLOP = 3
"""Neighbouring words count as together when at most this many positions apart."""


def _proximity_queries(
    text: str, schema: tantivy.Schema, field_boosts: Mapping[str, float]
) -> list[tantivy.Query]:
    """One query per pair of neighbouring words, matched close together on its best field.

    The sequential dependence model of Metzler & Croft (SIGIR 2005): a record where the
    question's words stand together ("spinal cord", "bone density") is likelier about
    what the question means than one where they are scattered.
    """
    words = analyze(text)
    queries = []
    for first, second in dict.fromkeys(pairwise(words)):
        if first == second:
            continue
        per_field = [
            tantivy.Query.boost_query(
                tantivy.Query.phrase_query(schema, field, [first, second], slop=PROXIMITY_SLOP),
                boost,
            )
            for field, boost in field_boosts.items()
        ]
        queries.append(tantivy.Query.disjunction_max_query(per_field, TIE_BREAKER))
    return queries


def analyze(text: str) -> list[str]:
    """The words of ``text`` as the index holds them (lower case, stemmed), in order."""
    return list(_analyzer().analyze(text))


def _concept_query(
    concept: ConceptClause,
    plan: SearchPlan,
    schema: tantivy.Schema,
    field_boosts: Mapping[str, float],
) -> tantivy.Query | None:
    alternatives: list[tantivy.Query] = []
    for name in concept.names:
        words = _positioned_tokens(name)
        if not words:
            continue
        if len(words) == 1:
            make: Callable[[str], tantivy.Query] = partial(_term_query, schema, words[0][1])
        else:
            make = partial(_phrase_query, schema, list(words))
        alternatives.append(
            tantivy.Query.disjunction_max_query(
                [tantivy.Query.boost_query(make(f), b) for f, b in field_boosts.items()],
                TIE_BREAKER,
            )
        )
    headings = [
        tantivy.Query.boost_query(tantivy.Query.term_query(schema, field, mesh_id), weight)
        for field, ids, weight in (
            (MESH_IDS, concept.mesh_ids, plan.mesh_weight),
            (MAJOR_MESH_IDS, concept.mesh_ids, plan.mesh_weight),
            (MESH_IDS, concept.narrower_ids, plan.narrower_weight),
        )
        for mesh_id in ids
    ]
    if headings:
        alternatives.append(
            tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in headings])
        )
    if not alternatives:
        return None
    return tantivy.Query.disjunction_max_query(alternatives, TIE_BREAKER)


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
