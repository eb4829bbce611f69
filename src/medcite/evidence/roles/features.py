"""What the role model sees of a sentence: its words, how it opens, and where it stands.

The features of the classic sentence-classification setups for abstracts (Hirohata et
al., "Identifying sections in scientific abstracts using conditional random fields",
IJCNLP 2008; Dernoncourt & Lee, "PubMed 200k RCT", IJCNLP 2017): the sentence's words
and word pairs, its first words ("We aimed", "In conclusion"), its relative position in
the abstract, and its length. The model and its training share this one definition, so
the model is trained on exactly what it will see.

Words are lower-cased and every number becomes "0": "12.5%" and "3%" say the same
about a sentence's role. Features are plain strings; the model keeps a weight row for
each one it learnt.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

POSITION_BINS = 10
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,·]\d+)*|[%=<>±≤≥]")
_LENGTH_BINS = ((8, "short"), (20, "medium"), (40, "long"))


def words(text: str) -> list[str]:
    """The tokens of a sentence as features see them: lower case, numbers as "0"."""
    return ["0" if token[0].isdigit() else token for token in _TOKEN.findall(text.lower())]


def sentence_features(tokens: Sequence[str], index: int, count: int) -> list[str]:
    """The features of the ``index``-th of ``count`` sentences, given its ``tokens``.

    ``index`` and ``count`` run over every sentence of the abstract, so a sentence's
    position is where a reader meets it.
    """
    features = ["bias"]
    features += [f"w={token}" for token in dict.fromkeys(tokens)]
    features += [f"b={a}_{b}" for a, b in dict.fromkeys(itertools.pairwise(tokens))]
    if tokens:
        features.append(f"f={tokens[0]}")
        if len(tokens) > 1:
            features.append(f"f2={tokens[0]}_{tokens[1]}")
    relative = index / (count - 1) if count > 1 else 0.0
    features.append(f"p={min(POSITION_BINS - 1, int(relative * POSITION_BINS))}")
    if index == 0:
        features.append("first")
    if index == count - 1:
        features.append("last")
    length = next((name for limit, name in _LENGTH_BINS if len(tokens) <= limit), "longest")
    features.append(f"len={length}")
    return features


def position_features(index: int, count: int) -> list[str]:
    """Only the position features: the baseline that knows nothing but where a sentence is."""
    relative = index / (count - 1) if count > 1 else 0.0
    features = ["bias", f"p={min(POSITION_BINS - 1, int(relative * POSITION_BINS))}"]
    if index == 0:
        features.append("first")
    if index == count - 1:
        features.append("last")
    return features
