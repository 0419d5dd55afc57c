"""Metadata a text article writes in its first lines: title, dateline, byline.

The publication date is taken only from lines that present one ("Published 12
June 2023", "JAKARTA, 5 September 2023 (Wire) -", a date on a line of its own),
never from the first date of the story, which is usually the date of an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from multilateral.errors import InvalidDate
from multilateral.ingest.dates import find_dates
from multilateral.model.dates import PartialDate

_HEAD_LINES = 8
# The word that presents a date opens its line ("Published 12 June 2023", "Last updated:
# ..."): in a sentence ("the Treaty dated 29 May 2014") it presents another date.
_META_LINE = re.compile(r"^\W{0,3}(?:(?:last|first|originally|news|release)\s+)?"
                        r"(?:published|posted|issued|date|updated|press release|dated)\b",
                        re.IGNORECASE)
# A weather or clock widget in the page's head ("25.2 C", "10:42"): the date beside it is
# the reader's day, not the article's.
_WIDGET = re.compile(r"^\s*(?:-?\d{1,2}(?:\.\d)?\s*°?\s*[CF]|\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)\s*$",
                     re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .'/\-]{2,40}(?:\([A-Za-z ]+\))?,\s")
# "22/10/2004" alone on a line, as UN press releases print it: day first unless the
# second number cannot be a month.
_NUMERIC_LINE = re.compile(r"^\s*(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\s*$")
# "adopted today, 25 February 2022": the text names its own day.
_TODAY = re.compile(r"\btoday\s*[,(]\s*(?:the\s+)?$", re.IGNORECASE)
# What may stand before a dateline's date on its line: a place and a comma ("Addis Ababa,
# Sep 11", "MEXICO CITY, Nov 21 -").
_DATELINE_PLACE = re.compile(r"^\W*(?!(?:In|On|At|By|From|Since|As|After|Before|During|Until|"
                             r"The|Last|This|Next)\b)"
                             r"(?:[A-Z][\w.'\-]*\s+){0,3}[A-Z][\w.'\-]*\s*,\s*$")
# "(CARICOM Secretariat, Georgetown, Guyana – Wednesday, 7 July 2021) – The ...": a press
# release's source and date in parentheses opening its first line.
_SOURCE_DATE = re.compile(r"^\s*\((?P<inner>[^()]{3,160})\)")
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
    for number, (_, line) in enumerate(lines):
        if author is None:
            byline = _BYLINE.match(line)
            if byline:
                author = byline["who"].strip()
        if published is None and not _beside_widget(lines, number):
            published = _line_date(line)
    return TextMetadata(title, published, author)


def own_date_spans(text: str) -> list[tuple[int, int]]:
    """Where the head of the text presents the article's own date (a "Published" line, a
    dateline, a date on a line of its own): the day the article was written, which is no
    act's date, so the rules do not read those characters as one."""
    spans: list[tuple[int, int]] = []
    for offset, line in [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)
                         ][:_HEAD_LINES]:
        presented = _META_LINE.search(line)
        after = 0  # the end of the head date read last on this line
        for mention in find_dates(line, None):
            if mention.date is None and mention.partial is None:
                continue
            lead = line[after:mention.start]
            source = _SOURCE_DATE.match(line)
            if (presented and mention.start <= presented.end() + 12) or \
                    (source is not None and mention.end <= source.end()) or \
                    _DATELINE_PLACE.match(lead) or not line.replace(
                        line[mention.start:mention.end], "").strip(" \t,.:-–—|"):
                spans.append((offset + mention.start, offset + mention.end))
                after = mention.end
            else:
                break  # the story has begun: its dates are the story's
    return spans


def _beside_widget(lines: list[tuple[int, str]], number: int) -> bool:
    return any(_WIDGET.match(line) for _, line in lines[max(0, number - 2):number + 3])


def _line_date(line: str) -> str | None:
    numeric = _NUMERIC_LINE.match(line)
    if numeric:
        first, second = int(numeric["a"]), int(numeric["b"])
        day, month = (second, first) if second > 12 else (first, second)
        try:
            return str(PartialDate(int(numeric["year"]), month, day))
        except InvalidDate:
            return None
    presented = _META_LINE.search(line) or _DATELINE.match(line)
    source = _SOURCE_DATE.match(line)
    for mention in find_dates(line, None):
        if mention.date is None or mention.date.day is None:
            continue
        # the date the dateline or the "Published" word presents, not one later in the story
        if len(line) <= 60 or (presented and mention.start <= presented.end() + 12) or \
                _TODAY.search(line[max(0, mention.start - 12):mention.start]) or \
                _DATELINE_PLACE.match(line[:mention.start]) or \
                (source is not None and mention.end <= source.end()):
            return str(mention.date)
    return None
