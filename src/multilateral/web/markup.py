"""The article's text cut at the edges of each fact's evidence and each checked claim, so
that the template can mark the spans (escaped, as all text) without ever treating the
text as markup."""

from __future__ import annotations

from typing import Any


def _spans(item: dict[str, Any], text: str) -> list[tuple[int, int]]:
    # A candidate's spans are its fact's evidence and every other span stating it (`also`);
    # a checked claim carries its own.
    fact = item.get("fact", {})
    wheres = [fact["evidence"], *(fact.get("also") or [])] if fact.get("evidence") else [item]
    found = []
    for where in wheres:
        start, end = where.get("start"), where.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            found.append((start, end))
    return found


def highlight(text: str, facts: list[dict[str, Any]],
              claims: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Segments of `text` in order, each with the facts (candidates) whose evidence covers
    it and the checked claims that cover it; spans may overlap, and ones outside the text
    are ignored."""
    spans = []
    for kind, items in (("facts", facts), ("claims", claims or [])):
        for item in items:
            spans += [(start, end, kind, item) for start, end in _spans(item, text)]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    segments = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [(kind, item) for start, end, kind, item in spans if start <= lo and hi <= end]
        segments.append({"text": text[lo:hi],
                         "facts": [item for kind, item in covering if kind == "facts"],
                         "claims": [item for kind, item in covering if kind == "claims"],
                         # claims ending here: their verdicts are shown right after them
                         "verdicts": [item for start, end, kind, item in spans
                                      if kind == "claims" and end == hi]})
    return segments
