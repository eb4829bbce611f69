"""Questions medcite will not answer, refused politely before any work is done.

Empty questions, questions over the length cap, and questions not written in English
(the vocabularies and the corpus are English; answering a Spanish question from
English abstracts would match by accident). A ``QuestionError`` says why and what to
do; shells show it as a refusal, never a traceback.
"""

from __future__ import annotations

import re

from medcite.errors import QuestionError
from medcite.safe_text import clean_text
from medcite.settings import AnswerSettings
from medcite.words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
OTHER_LANGUAGES_FUNCTION_WORDS = frozenset(
    """de la le les des du el los las del una uno en et est un une il che di per con
    der die das und ist nicht mit von zu den een het van och är och på ja ei ist""".split()
)
"""Frequent function words of the languages most often mistaken for English here
(Spanish, French, Italian, German, Dutch, Nordic); none is an English word."""


def check_question(question: str, settings: AnswerSettings) -> str:
    """The question cleaned (NFC, no lone surrogates or control characters: see
    ``medcite.safe_text``; look-alike letters of other scripts folded, ``fold_lookalikes``)
    and its whitespace normalised; QuestionError when medcite will not run it."""
    text = fold_lookalikes(" ".join(clean_text(question).split()))
    if not text:
        raise QuestionError("the question is empty; ask about a condition, test or treatment")
    if len(text) > settings.max_question_chars:
        raise QuestionError(
            f"the question is {len(text)} characters long; the limit is "
            f"{settings.max_question_chars}. Ask one focused question at a time."
        )
    if not looks_english(text):
        raise QuestionError(
            "medcite reads questions in English (its vocabularies and records are English); "
            "please ask the question in English."
        )
    return text


_LOOKALIKES = str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧАВЕКМНОРСТХаеорсух", "ABEZHIKMNOPTYXABEKMHOPCTXaeopcyx")
"""Greek capitals and Cyrillic letters drawn as Latin ones (Unicode's confusables)."""


def fold_lookalikes(text: str) -> str:
    """Words of Latin letters with a look-alike of another script in them, in Latin letters.

    A keyboard's other layout or a pasted PDF puts a Greek capital alpha in "Αre", which is
    then no English word but a name no vocabulary knows, and a facet no record meets
    (BioASQ dev). Words of Greek alone ("α" of "TNF-α") keep their letters.
    """

    def fold(word: re.Match[str]) -> str:
        written = word.group()
        folded = written.translate(_LOOKALIKES)
        mixed = not written.isascii() and any(char.isascii() for char in written)
        return folded if mixed and folded.isascii() else written

    return _WORD.sub(fold, text)


def looks_english(text: str) -> bool:
    """False for text that is clearly another language: mostly non-Latin letters, or several
    foreign function words and no English one. Short or term-only questions pass."""
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return True
    latin = sum(all(ord(c) < 0x250 for c in word) for word in words)
    if latin * 2 < len(words):
        return False
    english = sum(word in STOP_WORDS for word in words)
    foreign = sum(word in OTHER_LANGUAGES_FUNCTION_WORDS for word in words)
    return english > 0 or foreign < 2
