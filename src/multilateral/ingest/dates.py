"""Stage 3: the dates an article writes, at the precision it writes them.

The shapes diplomatic text uses are matched directly ("19 November 2019",
"November 19th, 2019", "June 2011", "2019-2020", "2017"); a general date parser
is about 200 times slower and returns loose spans. Relative dates ("yesterday",
"last Tuesday", "next year") are resolved against the article's publication date
and say so; without one they stay unresolved. A day and month without a year keep
their partial form and never borrow a year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from multilateral.errors import InvalidDate
from multilateral.model.dates import PartialDate

_MONTHS = {name: i for i, names in enumerate([
    (), ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec")]) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("days", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–—]|to|and)\s*"
                        rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("range", re.compile(
        r"\b(?P<year>1[89]\d\d|20\d\d)\s*[-–—/]\s*(?P<to>1[89]\d\d|20\d\d|\d\d)\b")),
    ("my", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,.]?\s*\d)")),
    ("year", re.compile(r"(?<![\d/.,-])\b(?P<year>1[89]\d\d|20\d\d)\b(?![/.,]?\d)")),
    # "in mid-2004", "early-2010": the year, at the year's precision
    ("year", re.compile(r"\b(?:mid|early|late)-(?P<year>1[89]\d\d|20\d\d)\b(?![/.,]?\d)", re.I)),
    ("relative_month", re.compile(rf"\b(?P<which>last|this|next)\s+{_MONTH}(?!\s+\d)")),
    ("relative_month", re.compile(rf"\b{_MONTH}\s+(?P<which2>last|this|next)\s+year\b")),
    ("weekdays", re.compile(
        r"\bfrom (?P<first>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (?:to|until|"
        r"through) (?P<last>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(
        r"\b(?P<rel>yesterday|today|tomorrow|this (?:morning|afternoon|evening)|tonight|"
        r"(?:last|this|next) (?:year|month|week)(?:['’]s)?|"
        r"(?:(?:on|last|this|next) )"
        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
        re.IGNORECASE)),
    ("bare_month", re.compile(rf"\b(?:in|since|until|from|by)\s+{_MONTH}"
                              r"(?!\s*\d|\s+of\b|\s+(?:last|this|next)\s+year)")),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: PartialDate | None
    basis: str  # text | relative
    partial: str | None = None  # "06-14" for a day and month without a year
    end_date: PartialDate | None = None  # the second year of "2019-2020"

    @property
    def text_date(self) -> str | None:
        return None if self.date is None else str(self.date)


_FUTURE = re.compile(r"\b(?:will|shall|plans?|next|scheduled|due|is to|are to|expected|"
                     r"upcoming)\b", re.I)


def find_dates(text: str, published: PartialDate | None) -> list[DateMention]:
    """Every date mention, longest shape first, never two over the same characters."""
    taken = _Taken()
    found: list[DateMention] = []
    for shape, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            if shape == "bare_month":
                future = bool(_FUTURE.search(text[max(0, start - 100):start]))
                mention = _bare_month(match, published, future)
            else:
                mention = _read(shape, match, published)
            if mention is not None:
                taken.add(start, end)
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


class _Taken:
    """Spans already read as dates, disjoint and kept in order, so that a new match is
    checked against its two neighbours only (linear in the text, not in its dates squared)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.starts, start)
        before = at > 0 and self.ends[at - 1] > start
        after = at < len(self.starts) and self.starts[at] < end
        return before or after

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def _read(shape: str, match: re.Match[str], published: PartialDate | None) -> DateMention | None:
    start, end = match.span()
    groups = match.groupdict()
    try:
        if shape == "iso":
            return DateMention(start, end, PartialDate(int(groups["year"]), int(groups["m"]),
                                                       int(groups["d"])), "text")
        if shape == "days":
            year, month = int(groups["year"]), _MONTHS[groups["month"]]
            return DateMention(start, end, PartialDate(year, month, int(groups["day"])), "text",
                               end_date=PartialDate(year, month, int(groups["day2"])))
        if shape in ("dmy", "mdy"):
            return DateMention(start, end, PartialDate(
                int(groups["year"]), _MONTHS[groups["month"]], int(groups["day"])), "text")
        if shape == "my":
            return DateMention(start, end, PartialDate(int(groups["year"]),
                                                       _MONTHS[groups["month"]]), "text")
        if shape in ("dm", "md"):
            month, day = _MONTHS[groups["month"]], int(groups["day"])
            PartialDate(2000, month, day)  # 29 February is a valid partial date
            return DateMention(start, end, None, "text", partial=f"{month:02d}-{day:02d}")
        if shape == "range":
            first, second = int(groups["year"]), groups["to"]
            last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
            if not first < last <= first + 10:
                return None  # "1996-48" or a score, not a span of years
            return DateMention(start, end, PartialDate(first), "text",
                               end_date=PartialDate(last))
        if shape == "weekdays":
            opening = _relative(start, end, "on " + groups["first"].lower(), published)
            if opening is None or opening.date is None:
                return DateMention(start, end, None, "relative")
            span = (_WEEKDAYS.index(groups["last"].lower())
                    - _WEEKDAYS.index(groups["first"].lower())) % 7
            return DateMention(start, end, opening.date, "relative", end_date=PartialDate.of(
                opening.date.lo + dt.timedelta(days=span)))
        if shape == "relative_month":
            return _relative_month(start, end, groups, published)
        if shape == "year":
            return DateMention(start, end, PartialDate(int(groups["year"])), "text")
        return _relative(start, end, groups["rel"].lower(), published)
    except InvalidDate:
        return None  # "31 June 2011": not a date, so not a fact's date either
    except OverflowError:
        return None  # "yesterday" in a text dated 1 January of year 1: no day to name


def _relative(start: int, end: int, phrase: str,
              published: PartialDate | None) -> DateMention | None:
    phrase = phrase.removesuffix("'s").removesuffix("’s")  # "this week's summit"
    if published is None or published.day is None:
        if published is not None and phrase.endswith("year"):
            offset = {"last": -1, "this": 0, "next": 1}[phrase.split()[0]]
            return DateMention(start, end, PartialDate(published.year + offset), "relative")
        return DateMention(start, end, None, "relative")
    day = published.lo
    if phrase in ("this morning", "this afternoon", "this evening", "tonight"):
        phrase = "today"
    if phrase in ("yesterday", "today", "tomorrow"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[phrase]
        return DateMention(start, end, PartialDate.of(day + dt.timedelta(days=shift)), "relative")
    which, unit = phrase.split()
    if unit == "week":
        # "this week's summit": the month, when the whole week lies in one
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(
            weeks={"last": -1, "this": 0, "next": 1}[which])
        sunday = monday + dt.timedelta(days=6)
        if (monday.year, monday.month) != (sunday.year, sunday.month):
            return DateMention(start, end, None, "relative")
        return DateMention(start, end, PartialDate(monday.year, monday.month), "relative")
    if unit == "year":
        year = day.year + {"last": -1, "this": 0, "next": 1}[which]
        return DateMention(start, end, PartialDate(year), "relative")
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + {"last": -1, "this": 0, "next": 1}[which]
        return DateMention(start, end, PartialDate(month_index // 12, month_index % 12 + 1),
                           "relative")
    weekday = _WEEKDAYS.index(unit)
    if which == "next":
        ahead = (weekday - day.weekday()) % 7 or 7
        return DateMention(start, end, PartialDate.of(day + dt.timedelta(days=ahead)), "relative")
    # "on Tuesday" in a news report is the most recent Tuesday up to the article's day;
    # "last Tuesday" is at least a day before it.
    back = (day.weekday() - weekday) % 7
    if which == "last" and back == 0:
        back = 7
    return DateMention(start, end, PartialDate.of(day - dt.timedelta(days=back)), "relative")


def _bare_month(match: re.Match[str], published: PartialDate | None,
                future: bool) -> DateMention | None:
    """"in July" in a dated article: the July before it, or after it when the sentence
    speaks of what will happen. Without a publication date it is no date at all."""
    start = match.start("month")
    end = match.end()
    if published is None or published.month is None:
        return None
    month = _MONTHS[match.group("month")]
    year = published.year
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return DateMention(start, end, PartialDate(year, month), "relative")


def _relative_month(start: int, end: int, groups: dict[str, str],
                    published: PartialDate | None) -> DateMention:
    """"last November" (the latest November before the article), "January last year"."""
    if published is None:
        return DateMention(start, end, None, "relative")
    month = _MONTHS[groups["month"]]
    if groups.get("which2") is not None:
        year = published.year + {"last": -1, "this": 0, "next": 1}[groups["which2"]]
        return DateMention(start, end, PartialDate(year, month), "relative")
    which = groups["which"]
    pub_month = published.month or 12
    if which == "last":
        year = published.year if month < pub_month else published.year - 1
    elif which == "next":
        year = published.year if month > pub_month else published.year + 1
    else:
        year = published.year
    return DateMention(start, end, PartialDate(year, month), "relative")
