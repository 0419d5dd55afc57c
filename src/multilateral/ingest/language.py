"""Is the article in English? The rules read English only, so another language is refused.

A count of the commonest function words is enough to tell English from the
languages diplomatic pages come in; no model is needed.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "was", "for", "on", "with", "by", "its", "as"},
    "fr": {"le", "la", "les", "et", "des", "du", "est", "une", "pour", "dans", "sur", "avec"},
    "es": {"el", "la", "los", "las", "y", "del", "que", "en", "por", "con", "una", "para"},
    "de": {"der", "die", "das", "und", "den", "von", "mit", "ist", "ein", "eine", "für", "auf"},
    "pt": {"o", "os", "as", "e", "do", "da", "dos", "em", "para", "com", "uma", "não"},
}


def guess(text: str) -> str:
    """An ISO 639-1 code, or "und" when the text gives too little to tell."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < 8:
        return "und"
    scripts = _script(text[:5000])
    if scripts:
        return scripts
    scores = {lang: sum(1 for w in words if w in stop) / len(words)
              for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.04 else "und"


def _script(text: str) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    def share(lo: int, hi: int) -> float:
        return sum(1 for ch in letters if lo <= ord(ch) <= hi) / len(letters)
    for code, lo, hi in (("ru", 0x0400, 0x04FF), ("zh", 0x4E00, 0x9FFF), ("ar", 0x0600, 0x06FF)):
        if share(lo, hi) > 0.3:
            return code
    return None
