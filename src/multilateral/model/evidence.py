"""The text around a fact's evidence, so that a reviewer judges each fact where it stands."""

from __future__ import annotations

from typing import Any

CONTEXT = 240  # characters shown each side of the evidence


def in_context(text: str, evidence: Any, chars: int = CONTEXT) -> dict[str, str] | None:
    """{before, evidence, after} for an evidence span ({start, end} offsets into `text`), or
    None when the span does not fit the text."""
    if not isinstance(evidence, dict):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    return {"before": text[max(0, start - chars):start], "evidence": text[start:end],
            "after": text[end:end + chars]}
