"""Evidence snippets: the sentences of the retrieved records that best match a question.

A first, placeholder ranking for ``Engine.snippets`` (BioASQ's snippet task in the
evaluation harness) until per-facet sentence selection replaces it: each sentence is
scored by the idf-weighted share of the question's terms it contains (the weights of
``medcite.words``), ties going to the better-ranked record and the earlier sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from medcite.records import RetrievedRecord, Sentence
from medcite.words import content_words, inverse_frequencies


def best_sentences(
    question: str, retrieved: Sequence[RetrievedRecord], limit: int
) -> tuple[Sentence, ...]:
    """The ``limit`` sentences of ``retrieved`` sharing the most question weight, best first.

    Sentences that share no term with the question are never returned.
    """
    question_terms = content_words(question)
    candidates = [
        (item.rank, sentence, frozenset(content_words(sentence.text)))
        for item in retrieved
        for sentence in item.sentences
    ]
    weights = inverse_frequencies(question_terms, (terms for _, _, terms in candidates))
    scored = []
    for rank, sentence, terms in candidates:
        score = sum(weight for term, weight in weights.items() if term in terms)
        if score > 0:
            scored.append((-score, rank, sentence.index, sentence))
    scored.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in scored[:limit])
