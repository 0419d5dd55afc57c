"""The article's text cut at the edges of each fact's evidence, so that the template can
highlight the spans (escaped, as all text) without ever treating the text as markup."""

from __future__ import annotations

from typing import Any


def highlight(text: str, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Segments of `text` in order, each with the facts whose evidence covers it
    (evidence spans may overlap; ones outside the text are ignored)."""
    spans = []
    for fact in facts:
        evidence = fact.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append((start, end, fact))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [fact for start, end, fact in spans if start <= lo and hi <= end]
        segments.append({"text": text[lo:hi], "facts": covering})
    return segments
