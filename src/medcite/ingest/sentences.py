"""Rule-based sentence splitting for biomedical abstracts.

Every statement of an answer is a sentence of a cited record, so sentences must be
whole: a wrong split quotes a fragment ("Smith et al."), which is worse than quoting
two sentences as one. The rules therefore split only where a sentence clearly ends and
keep text joined when in doubt. They are the usual punkt-style heuristics (Kiss &
Strunk 2006, abbreviations and initials) with the biomedical exceptions that rule-based
splitters such as pysbd (scispaCy's choice) carry, reduced to one regular expression
and a few checks so that splitting keeps up with ingest (>50,000 abstracts/s measured).

A candidate boundary is a terminator (``.``, ``?``, ``!``), any closing quotes or
brackets after it, then whitespace, or a section label in capitals glued on without
it (".RESULTS: ", as some sources flatten a structured abstract). ``?`` and ``!``
always end a sentence; ``.`` ends one only when the next character is not lower case
and the word before it is not an abbreviation, a single initial, or a list number. A
blank line always ends a sentence.
Decimals ("0.05", "P = .03") never qualify because no whitespace follows their period.
"""

from __future__ import annotations

import re

from medcite.records import Record, Section, SectionPart, Sentence, SentenceSpan

_CLOSERS = "\"'’”)]}»"
_OPENERS = "([{\"'“‘«"

_GLUED_LABEL = r"[A-Z][A-Z&/,\- ]{2,58}[A-Z]:\s"
"""A section label in capitals with its colon ("INTERPRETATION: "), as abstracts flattened
into one paragraph write it, sometimes with no space after the sentence before it."""
_CANDIDATE = re.compile(rf"[.?!](?P<close>[{re.escape(_CLOSERS)}]*)(?:\s+|(?={_GLUED_LABEL}))")
_GLUED_AFTER = re.compile(r"[a-z\d%)\]]")
"""What a sentence glued to the next one's label ends with before its period: a word, a
figure or a bracket ("… related to study medication.INTERPRETATION: Our study …"), not
the initial of a dotted acronym ("U.S.FDA: …")."""
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# A word written in lower case with capitals inside ("mRNA", "qSOFA", "lncRNAs", "pH")
# may start a sentence, unlike an ordinary lower-case word.
_MIXED_CASE_WORD = re.compile(r"[^\W\d_]+[A-Z]")

# Abbreviations that (almost) never end a sentence in abstracts, lower-cased and without
# their final period. "etc." is left out on purpose: it often does end one, and so are
# units ("30 min.", "5 yrs."). Written in capitals they are acronyms instead ("MS.",
# "DR.", "NO." for nitric oxide), which end sentences like any other word.
_ABBREVIATIONS = frozenset(
    {
        "al", "approx", "ca", "cf", "dr", "eq", "eqs", "fig", "figs", "incl", "mr", "mrs",
        "no", "nos", "pp", "prof", "ref", "refs", "resp", "sp", "spp", "ssp", "st", "subsp",
        "viz", "vol", "vs",
    }
)  # fmt: skip

# "no." abbreviates "number" only before a figure ("No. 5"); before a word it is the word.
_ABBREVIATIONS_BEFORE_DIGITS_ONLY = frozenset({"no", "nos"})

# Words after which a single capital letter is a person's initial ("by J. Smith").
_BEFORE_INITIALS = frozenset(
    {"by", "of", "and", "with", "from", "to", "dr.", "prof.", "mr.", "mrs."}
)

_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order.

    Spans exclude surrounding whitespace and together cover every non-whitespace
    character, so ``text[start:end]`` is a sentence exactly as published.
    """
    spans: list[tuple[int, int]] = []
    if "\n" not in text:  # the common case: an abstract section is one paragraph
        _split_paragraph(spans, text, 0, len(text))
        return tuple(spans)
    start = 0
    for blank_line in _PARAGRAPH_BREAK.finditer(text):
        _split_paragraph(spans, text, start, blank_line.start())
        start = blank_line.end()
    _split_paragraph(spans, text, start, len(text))
    return tuple(spans)


def record_sentences(record: Record) -> tuple[Sentence, ...]:
    """Every sentence of every section of ``record``, numbered in reading order.

    ``index`` runs across sections so it identifies a sentence within the record;
    ``start``/``end`` locate it inside its own section's text. The rows of a full text's
    tables are not sentences and are left out.
    """
    sentences: list[Sentence] = []
    for section_index, section in enumerate(record.sections):
        if section.part is SectionPart.TABLE:
            continue
        for start, end in split_sentences(section.text):
            sentences.append(
                section_sentence(record.id, section_index, section, len(sentences), start, end)
            )
    return tuple(sentences)


def record_sentence_spans(record: Record) -> tuple[SentenceSpan, ...]:
    """The ``(section_index, start, end)`` of each of ``record_sentences(record)``.

    What ingestion stores of a record's sentences: without building a ``Sentence``
    (its text, headings and page) per span only to keep three numbers of it, which
    cost a third of splitting an abstract.
    """
    return tuple(
        (section_index, start, end)
        for section_index, section in enumerate(record.sections)
        if section.part is not SectionPart.TABLE
        for start, end in split_sentences(section.text)
    )


def section_sentence(
    record_id: str, section_index: int, section: Section, index: int, start: int, end: int
) -> Sentence:
    """The sentence ``section.text[start:end]``, with its section's headings and its page."""
    return Sentence(
        record_id=record_id,
        section_index=section_index,
        index=index,
        start=start,
        end=end,
        text=section.text[start:end],
        section_label=section.label,
        section_path=section.path,
        page=section.page_at(start) if section.page_starts else None,
    )


def _split_paragraph(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append the sentence spans of ``text[start:end]``, a paragraph, to ``spans``."""
    for candidate in _CANDIDATE.finditer(text, start, end):
        if (
            candidate.end() < end
            and _is_boundary(text, candidate)
            and not _inside_brackets(text, start, candidate)
        ):
            _append_trimmed(spans, text, start, candidate.end("close"))
            start = candidate.end()
    _append_trimmed(spans, text, start, end)


_BRACKET_REACH = 80
"""How far past a period a closing bracket may lie for the period to count as inside it."""


def _inside_brackets(text: str, start: int, candidate: re.Match[str]) -> bool:
    """Whether a period sits inside brackets that open in this sentence and close soon after.

    Full texts put references and details in brackets ("(StataCorp. 2005, College Station,
    TX)", "[GenBank accession no. EF432310]"); a period in there does not end the sentence.
    An opener never closed, or closed only far away, does not hold the sentence together.
    """
    period = candidate.start()
    if text[period] != "." or candidate["close"]:
        return False
    before = text[start:period]
    opened = [b for o, c in ("()", "[]") for b in o if before.count(o) > before.count(c)]
    if not opened:
        return False
    after = text[candidate.end() : candidate.end() + _BRACKET_REACH]
    closer = {"(": ")", "[": "]"}[opened[0]]
    return closer in after and opened[0] not in after[: after.index(closer)]


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without its edge whitespace, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _is_boundary(text: str, candidate: re.Match[str]) -> bool:
    """Whether a candidate (not at the end of its paragraph) ends a sentence."""
    period = candidate.start()
    if candidate.end() == candidate.end("close"):  # no space: a label glued on (_GLUED_LABEL)
        glued = period > 0 and _GLUED_AFTER.match(text, period - 1) is not None
        return glued and not _ends_a_non_terminal_word(text, period, "")
    if text[period] != ".":
        return True  # "?" and "!" always end a sentence
    following = text[candidate.end()]
    if following.islower():
        if not _MIXED_CASE_WORD.match(text, candidate.end()):
            return False
    elif following in ",;:":
        return False
    if candidate["close"]:
        return True  # "… effective.) The" or '… "stop." The': the bracket closes it
    return not _ends_a_non_terminal_word(text, period, following)


def _ends_a_non_terminal_word(text: str, period: int, following: str) -> bool:
    """Whether the word just before ``period`` marks it as no sentence end
    (``_is_non_terminal_word``)."""
    window = text[max(0, period - 40) : period].rsplit(None, 1)
    word = window[-1] if window else ""
    return _is_non_terminal_word(text, period - len(word), word, following)


def _is_non_terminal_word(text: str, word_start: int, word: str, following: str) -> bool:
    """Whether the word before a period marks it as an abbreviation, initial or list number."""
    bare = word.lstrip(_OPENERS)
    key = bare.lower()
    if key in _ABBREVIATIONS and not (len(bare) > 1 and bare.isupper()):
        return following.isdigit() or key not in _ABBREVIATIONS_BEFORE_DIGITS_ONLY
    if _DOTTED_ACRONYM.fullmatch(key):
        return True  # "e.g.", "i.e.", "U.S."
    if len(key) == 1 and key.isalpha() and word[-1].isupper():
        return _is_initial(text, word_start, word)
    if key.isdigit() and len(key) <= 2 and key == word:
        return _starts_list_item(_previous_word(text, word_start))
    return False


def _starts_list_item(previous: str) -> bool:
    """Whether a short number with a period after ``previous`` numbers a list item.

    "Aims: 1. To assess" and "two aims. 1. To assess" are list items; "Fig. 2. The"
    and "was 41. The" end sentences.
    """
    if previous[-1:] in ("", ":", ";"):
        return True
    return previous.endswith(".") and previous[:-1].lstrip(_OPENERS).lower() not in _ABBREVIATIONS


def _is_initial(text: str, word_start: int, word: str) -> bool:
    """A lone capital is an initial at a sentence start, after an opener, an initial or "by".

    After a lower-case word it usually ends a sentence instead ("of vitamin D. We").
    """
    if word != word.lstrip(_OPENERS):
        return True
    previous = _previous_word(text, word_start)
    return not previous or previous[-1] in ".?!" or previous.lower() in _BEFORE_INITIALS


def _previous_word(text: str, word_start: int) -> str:
    """The whitespace-delimited word before position ``word_start`` ("" at the start)."""
    window = text[max(0, word_start - 40) : word_start].split()
    return window[-1] if window else ""
