"""Partial dates: "2005", "2005-06" or "2005-06-15", kept at the precision a source gives.

A partial date names a period (a year, a month or a day). Its `lo` and `hi` are
the first and last day of that period; the store keeps both so that "as of"
questions can be answered in SQL without guessing a day the source never gave.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from multilateral.errors import InvalidDate

_SHAPE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", re.ASCII)  # no "٢٠١٩"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InvalidDate(str(self), "a day needs a month")
        if not 1 <= self.year <= 9999:
            raise InvalidDate(str(self), "year out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidDate(str(self), f"month {self.month} is not between 1 and 12")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidDate(
                    str(self), f"day {self.day} is not in {calendar.month_name[self.month]} "
                    f"{self.year} (1-{last})"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; anything else raises InvalidDate."""
        return _parse(text.strip())

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _SHAPE.match(text)
        if not match:
            if any(ch.isdigit() and not ch.isascii() for ch in text):
                raise InvalidDate(text, "write the digits as 0-9")
            raise InvalidDate(text, "expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        try:
            return cls(int(year), int(month) if month else None, int(day) if day else None)
        except InvalidDate as exc:
            raise InvalidDate(text, exc.reason) from None

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @cached_property
    def lo(self) -> dt.date:
        """The first day the date can stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @cached_property
    def hi(self) -> dt.date:
        """The last day the date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def refines(self, other: PartialDate) -> bool:
        """True when both can name the same day ("2005" and "2005-06-15")."""
        return self.lo <= other.hi and other.lo <= self.hi

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out


@lru_cache(maxsize=8192)
def _parse(text: str) -> PartialDate:
    # Dates repeat a lot (every COW spell starts on a year): parse each text once.
    return PartialDate._parse(text)


def parse_optional(text: str | None) -> PartialDate | None:
    if text is None or not text.strip():
        return None
    return PartialDate.parse(text)


def at_precision(text: str, precision: str) -> PartialDate:
    """Cut an ISO date to the precision a source declares ("2022-09-14", "month")."""
    full = PartialDate.parse(text)
    if precision == Precision.YEAR.value:
        return PartialDate(full.year)
    if precision == Precision.MONTH.value:
        return PartialDate(full.year, full.month)
    return full


class Truth(StrEnum):
    """Whether a dated fact holds in a period. `maybe` when the dates are too coarse to say."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


@dataclass(frozen=True)
class Span:
    """A status held from `start` (inclusive) until `end` (exclusive, None while it holds).

    `known_until` is the last day a source observed an open span (the end of its
    coverage): past it, the span may have ended without the source saying so.
    `observed` is a day a source saw the status hold without giving its start: it
    speaks for that day only.
    """

    start: PartialDate | None
    end: PartialDate | None = None
    known_until: dt.date | None = None
    observed: PartialDate | None = None

    def holds(self, when: PartialDate) -> Truth:
        """Does the span hold throughout `when` (YES), at some point of it (MAYBE), or not (NO)?"""
        if self.start is None and self.observed is not None:
            if self.observed.lo <= when.lo and when.hi <= self.observed.hi:
                return Truth.YES
            return Truth.MAYBE if self.observed.refines(when) else Truth.NO
        if self.start is None:
            # Decided but not yet in effect (no end): it holds on no day yet. A spell whose
            # start no source gives, only its end: it may hold on any day before that end.
            if self.end is None or self.end.hi <= when.lo:
                return Truth.NO
            return Truth.MAYBE
        if self.start.lo > when.hi:
            return Truth.NO
        if self.end is not None and self.end.hi <= when.lo:
            return Truth.NO
        certain = self.start.hi <= when.lo
        if self.end is not None:
            certain = certain and when.hi < self.end.lo
        elif self.known_until is not None:
            certain = certain and when.hi <= self.known_until
        return Truth.YES if certain else Truth.MAYBE


DateLike = str | PartialDate | dt.date | None


def as_partial(value: DateLike, default: dt.date | None = None) -> PartialDate:
    """A date as the questions take it: text, a day, a PartialDate, or None for `default`
    (today when no default is given)."""
    if value is None:
        return PartialDate.of(default or dt.date.today())
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    return PartialDate.parse(value)
