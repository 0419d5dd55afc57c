"""Name normalisation shared by loading and lookup, so that both sides agree."""

from __future__ import annotations

import re
import unicodedata

_SPELLINGS = {
    "organisation": "organization",
    "organisations": "organizations",
    "programme": "program",
    "centre": "center",
    "&": "and",
}
_DROP = re.compile(r"[^\w\s&]")
_SPACE = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Case, accents, punctuation, a leading "the" and British spellings do not matter."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DROP.sub(" ", text.replace("'", ""))
    words = [_SPELLINGS.get(word, word) for word in _SPACE.split(text.replace("&", " & ")) if word]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)
