"""Metadata a text article writes in its first lines: title, dateline, byline.

The publication date is taken only from lines that present one ("Published 12
June 2023", "JAKARTA, 5 September 2023 (Wire) -", a date on a line of its own),
never from the first date of the story, which is usually the date of an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from multilateral.ingest.dates import find_dates

_HEAD_LINES = 8
_META_LINE = re.compile(r"\b(?:published|posted|issued|date|updated|press release|dated)\b",
                        re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]{2,40}(?:\([A-Za-z ]+\))?,\s")
_BYLINE = re.compile(r"^\s*By\s+(?P<who>[A-Z][\w.'\- ]{2,60}?)\s*(?:[,|]|$)")


@dataclass
class TextMetadata:
    title: str | None
    published: str | None
    author: str | None


def from_text(text: str) -> TextMetadata:
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)][:_HEAD_LINES]
    title = None
    for _, line in lines:
        stripped = line.strip()
        if stripped and len(stripped) <= 200 and not stripped.endswith((".", ":")) \
                and not _DATELINE.match(stripped) and not _META_LINE.search(stripped):
            title = stripped
            break
    published = None
    author = None
    for _, line in lines:
        if author is None:
            byline = _BYLINE.match(line)
            if byline:
                author = byline["who"].strip()
        if published is not None:
            continue
        is_meta = (_META_LINE.search(line) is not None or _DATELINE.match(line) is not None
                   or len(line) <= 60)
        if not is_meta:
            continue
        for mention in find_dates(line, None):
            if mention.date is not None and mention.date.day is not None:
                published = str(mention.date)
                break
    return TextMetadata(title, published, author)
