"""Rebuilding BioASQ documents from snippets whose offsets cannot all be trusted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from medcite.evaluate.cases import TITLE, TextSpan
from medcite.evaluate.datasets.snippet_corpus import (
    RawSnippet,
    RebuiltDocument,
    locate,
    rebuild_documents,
)

ABSTRACT = "Calcinosis was seen in 9 of 41 patients. It compressed the cord in two. CT found it."


def _snippet(begin: int, end: int, text: str | None = None, in_title: bool = False) -> RawSnippet:
    return RawSnippet("1", in_title, begin, end, ABSTRACT[begin:end] if text is None else text)


def _rebuilt(*snippets: RawSnippet) -> RebuiltDocument:
    return rebuild_documents(snippets)["1"]


def test_snippets_that_agree_where_they_overlap_make_one_run() -> None:
    document = _rebuilt(_snippet(0, 50), _snippet(41, 71))
    assert document.sections == (ABSTRACT[0:71],)


def test_a_snippet_inside_another_adds_nothing() -> None:
    document = _rebuilt(_snippet(0, 71), _snippet(41, 71), _snippet(0, 71))
    assert document.sections == (ABSTRACT[0:71],)


def test_snippets_that_follow_each_other_are_joined_and_gaps_start_a_new_section() -> None:
    document = _rebuilt(_snippet(0, 40), _snippet(41, 71), _snippet(72, 84))
    assert document.sections == (ABSTRACT[0:84],)
    apart = _rebuilt(_snippet(0, 40), _snippet(72, 84))
    assert apart.sections == (ABSTRACT[0:40], ABSTRACT[72:84])


def test_snippets_whose_overlap_disagrees_stay_apart() -> None:
    # Offsets say the second begins inside the first, but the text there differs (another
    # version of the abstract): both are kept whole, one section each.
    other = "Calcinosis was noted in 9 of 41 patients, compressing the cord."
    document = _rebuilt(_snippet(0, 40), _snippet(20, 84, other))
    assert document.sections == (ABSTRACT[0:40], other)


def test_title_versions_are_all_kept_and_located() -> None:
    title = "Spinal calcinosis in systemic sclerosis."
    marked = "Spinal <i>calcinosis</i> in systemic sclerosis."
    document = _rebuilt(
        _snippet(0, len(title), title, in_title=True),
        _snippet(0, len(marked), marked, in_title=True),
        _snippet(0, 7, "Spinal", in_title=True),
    )
    assert document.title == f"{marked} {title}"
    span = locate(document, "pmid:1", _snippet(0, len(title), title, in_title=True))
    assert span == TextSpan("pmid:1", TITLE, len(marked) + 1, len(marked) + 1 + len(title))


def test_gold_snippets_are_located_in_the_rebuilt_text_without_edge_spaces() -> None:
    document = _rebuilt(_snippet(0, 40), _snippet(72, 84))
    span = locate(document, "pmid:1", _snippet(72, 84, " CT found it. "))
    assert span == TextSpan("pmid:1", 1, 0, 12)
    assert locate(document, "pmid:1", _snippet(0, 5, "Absent")) is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(ABSTRACT) - 1), st.integers(1, 40), st.integers(-3, 3)),
        min_size=1,
        max_size=12,
    )
)
def test_every_snippet_can_be_found_in_its_rebuilt_document(
    cuts: list[tuple[int, int, int]],
) -> None:
    # Snippets of the abstract, some with offsets shifted as if from another version.
    snippets = [
        RawSnippet(
            "1", False, begin + shift, begin + length + shift, ABSTRACT[begin : begin + length]
        )
        for begin, length, shift in cuts
        if ABSTRACT[begin : begin + length].strip()
    ]
    documents = rebuild_documents(snippets)
    for snippet in snippets:
        span = locate(documents["1"], "pmid:1", snippet)
        assert span is not None
        text = documents["1"].sections[span.part][span.start : span.end]
        assert text == snippet.text.strip()
