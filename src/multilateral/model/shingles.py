"""A story's fingerprints: the hash of its normalised words (exact copies) and a MinHash
signature over word shingles with its LSH band keys (near copies).

Normalising keeps the words alone, lower-cased: copies that differ only in whitespace,
case or punctuation have one text hash. A copy with another header or byline has other
words, so it is found by its signature: the share of equal MinHash values estimates the
Jaccard similarity of the two shingle sets, and stories that share a band's values are
the only ones compared (locality-sensitive hashing).

The figures below were chosen by `bench/copies.py` on 300 reprints of 30 stories and the
30 again over one site's boilerplate (README, "One story, many copies"): with 5-word
shingles a reprint stays at Jaccard 0.91 or more to another reprint, and 0.685 or more to
the story over boilerplate, while distinct stories sharing that boilerplate reach 0.196 at
most (3 words: 0.256). The threshold sits between, six standard errors of a 128-value
estimate from either side; 32 bands of 4 rows make a pair at 0.685 share a band with
probability 0.9997, and one at 0.196 with 0.05 (then rejected by the threshold).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a signature is first made: a question never needs it
    import numpy as np

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
BANDS = 32  # of ROWS values each: a pair at Jaccard s shares a band with 1-(1-s^4)^32
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.45  # the estimated Jaccard at or above which a band hit is a copy
# A text of fewer shingles has no signature: its copies are found by their words alone.
# In a few lines one changed number or date is much of the text (two bulletins a number
# apart are two bulletins), and a near match there says little.
MIN_SHINGLES = 20
SEED = 1  # fixed, as the scheme: signatures stored by one run are compared by the next
# How a value is made (migration 0011 recomputed the stored ones for it): a shingle's
# 32-bit BLAKE2b hash h, then for each permutation (a*h + b) mod 2^61-1, kept to 32 bits
# so that a value fits in 4 bytes. With a and h below 2^32 the product and sum stay
# below 2^64: numpy's unsigned arithmetic never overflows.
SCHEME = "blake2b32-affine61"
_PRIME = (1 << 61) - 1
_LOW32 = (1 << 32) - 1

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def text_hash(text: str) -> str:
    """The sha256 of the text's words, one space apart."""
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    found = words(text)
    if len(found) <= size:
        return {" ".join(found)} if found else set()
    return {" ".join(found[i:i + size]) for i in range(len(found) - size + 1)}


@dataclass(frozen=True)
class Signature:
    values: tuple[int, ...]

    @classmethod
    def of(cls, text: str, size: int = SHINGLE, permutations: int = PERMUTATIONS
           ) -> Signature | None:
        """The text's MinHash signature; None when it is too short to have one."""
        found = shingles(text, size)
        if len(found) < MIN_SHINGLES:
            return None
        import numpy as np
        hashes = np.fromiter(
            (int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=4).digest(),
                            "little") for shingle in found),
            dtype=np.uint64, count=len(found))
        a, b = _permutations(permutations)
        values = ((np.outer(hashes, a) + b) % _PRIME & _LOW32).min(axis=0)
        return cls(tuple(int(v) for v in values))

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(tuple(int.from_bytes(data[i:i + 4], "little")
                         for i in range(0, len(data), 4)))

    def to_bytes(self) -> bytes:
        return b"".join(v.to_bytes(4, "little") for v in self.values)

    def similarity(self, other: Signature) -> float:
        """The estimated Jaccard similarity of the two shingle sets."""
        if len(self.values) != len(other.values) or not self.values:
            return 0.0
        return sum(a == b for a, b in zip(self.values, other.values, strict=True)) / len(
            self.values)

    def band_keys(self, bands: int = BANDS) -> list[int]:
        """One signed 64-bit key per band (its number and its values hashed together)."""
        rows = len(self.values) // bands
        keys = []
        for band in range(bands):
            chunk = self.values[band * rows:(band + 1) * rows]
            digest = hashlib.blake2b(band.to_bytes(2, "little") + b"".join(
                v.to_bytes(4, "little") for v in chunk), digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys


@dataclass(frozen=True)
class Print:
    """A text's fingerprints, made once (by the reader, on a worker) and used for the
    lookup and the index."""

    text_hash: str
    signature: Signature | None

    @classmethod
    def of(cls, text: str) -> Print:
        return cls(text_hash(text), Signature.of(text))


@lru_cache(maxsize=4)
def _permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    """The `count` affine maps (a, b) of the scheme, drawn once from its seed."""
    import numpy as np
    generator = np.random.default_rng(SEED)
    a = generator.integers(1, 1 << 32, size=count, dtype=np.uint64)
    b = generator.integers(0, 1 << 32, size=count, dtype=np.uint64)
    return a, b
