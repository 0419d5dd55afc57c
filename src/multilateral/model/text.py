"""Text safe to store and to print: no control characters a crafted article could use."""

from __future__ import annotations

import re

# C0 and C1 control characters but tab and newline, and the bidirectional overrides and
# isolates: a crafted article could otherwise rewrite a reviewer's terminal (ESC), ring it
# (BEL) or show text in another order than it is stored (U+202E).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """The text without control characters (tab and newline stay)."""
    return _CONTROLS.sub("", text)
