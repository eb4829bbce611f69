"""How easy a sentence is to read, for choosing plain sentences for patients and carers.

The Flesch Reading Ease score (Flesch R. "A new readability yardstick". J Appl Psychol
1948;32:221-33), the measure health-literacy guidance most often cites:

    206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)

Higher is easier: 60–70 is plain English, under 30 is graduate-level text, and
abstracts often score below 0. Syllables are counted with the usual heuristic
(vowel groups, less a silent final "e", plus vowel pairs read apart), since no
pronouncing dictionary may be downloaded at run time; it counts 141 of the 149 words
of ``tests/data/evidence/syllables.tsv`` exactly. ``textstat`` was not used: its current
releases fetch the CMU dictionary through NLTK on first use.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s+[A-Z(\"']|\s*$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"[^aeiouy]e$")
_SOUNDED_LE = re.compile(r"[^aeiouy]le$")
_SILENT_SUFFIX = re.compile(r"(?:[^aeiouysxzcgh]es|[^aeiouytd]ed)$")
_SPLIT_VOWELS = re.compile(
    r"ia(?!l$)|(?<![ct])ial$|(?<![ts])io|ua|uo|iu(?!m)|ie(?=t)|(?<![ct])ie(?=n[tc])"
    r"|[aeiouy]ing$|ea$|(?:thm|ism)$"
)
"""Vowel pairs read as two syllables ("tri-al", "di-et", "go-ing"), and "-ism"/"-thm"."""


def syllables(word: str) -> int:
    """Syllables in one English word, by vowel groups (at least one per word)."""
    word = "".join(char for char in word.casefold() if "a" <= char <= "z")
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word[1:] if word[0] == "y" else word))
    silent_e = _SILENT_E.search(word) and not _SOUNDED_LE.search(word)
    if silent_e or _SILENT_SUFFIX.search(word):
        count -= 1
    count += len(_SPLIT_VOWELS.findall(word))
    return max(1, count)


def readability(text: str) -> float:
    """Flesch Reading Ease of a sentence or passage; 0.0 for text with no words.

    Numbers count as one-syllable words, as most implementations of the formula do.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    total_syllables = sum(syllables(word) for word in words)
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (total_syllables / len(words))
