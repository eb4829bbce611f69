"""How the store keeps records small: their JSON compressed with zstd and a trained dictionary.

A PubMed record is ~2.5 kB of JSON, and most of it is what every record repeats: field
names, publication types, MeSH headings, journal names. Compressed alone with zstd
(level 3) a record takes ~1 kB; with a dictionary trained on records of the same kind,
~0.5 kB (measured on the demo baseline, 3,000 held-out records). So the store trains its
own dictionary once it holds ``TRAIN_AFTER`` records (zstd's dictionary builder on the
first of them, in sequence order, which makes it the same for the same input), and
compresses every later record with it. Earlier rows keep the codec they were written
with: each row names its codec, so rows of every kind are read side by side.

Decompressing a record costs ~3 µs, far below what decoding its JSON costs, so ``show``
and ``ask`` do not get slower. The JSON itself is unchanged, so an export is byte for
byte what it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import zstandard

PLAIN_JSON = 0
"""Rows written before compression (store schema 2 and earlier): JSON as is."""
ZSTD = 1
"""zstd without a dictionary: the first records of a store, before it trains one."""
FIRST_DICTIONARY = 2
"""Codec numbers from here on name a trained dictionary (the ``dictionaries`` table)."""

LEVEL = 3
TRAIN_AFTER = 4000
"""Records compressed without a dictionary before one is trained from them."""
DICTIONARY_BYTES = 112 * 1024
"""zstd's default dictionary size; 4,000 samples are ~90 times as much, as zstd advises."""


class DocumentCodec:
    """Compresses record JSON with the newest dictionary; reads any codec the store holds."""

    def __init__(self, dictionaries: Mapping[int, bytes]) -> None:
        self._compressors: dict[int, zstandard.ZstdCompressor] = {
            ZSTD: zstandard.ZstdCompressor(level=LEVEL)
        }
        self._decompressors: dict[int, zstandard.ZstdDecompressor] = {
            ZSTD: zstandard.ZstdDecompressor()
        }
        self.current = ZSTD
        for codec, data in sorted(dictionaries.items()):
            self.add_dictionary(codec, data)

    def add_dictionary(self, codec: int, data: bytes) -> None:
        """Use ``data`` (a zstd dictionary) as codec ``codec``, the current one from now on."""
        dictionary = zstandard.ZstdCompressionDict(data)
        self._compressors[codec] = zstandard.ZstdCompressor(level=LEVEL, dict_data=dictionary)
        self._decompressors[codec] = zstandard.ZstdDecompressor(dict_data=dictionary)
        self.current = max(self.current, codec)

    @property
    def has_dictionary(self) -> bool:
        """Whether a trained dictionary is in use."""
        return self.current >= FIRST_DICTIONARY

    def encode(self, document: bytes) -> bytes:
        """``document`` compressed with the current codec."""
        return self._compressors[self.current].compress(document)

    def decode(self, codec: int, stored: bytes) -> bytes:
        """The JSON of a stored row written with ``codec``; KeyError for an unknown codec."""
        if codec == PLAIN_JSON:
            return stored
        return self._decompressors[codec].decompress(stored)


def train_dictionary(samples: Sequence[bytes]) -> bytes:
    """A zstd dictionary trained on ``samples`` (deterministic for the same samples)."""
    return zstandard.train_dictionary(DICTIONARY_BYTES, list(samples), level=LEVEL).as_bytes()
