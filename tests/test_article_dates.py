"""Dates as articles write them: exact shapes, ranges, relative days and months, partial days."""

from __future__ import annotations

import pytest

from multilateral.ingest import metadata
from multilateral.ingest.dates import find_dates
from multilateral.model.dates import PartialDate

WEDNESDAY = PartialDate(2023, 9, 6)


def first(text: str, published: PartialDate | None = WEDNESDAY) -> tuple[str | None, str]:
    mention = find_dates(text, published)[0]
    return (str(mention.date) if mention.date else mention.partial), mention.basis


@pytest.mark.parametrize(("text", "expected"), [
    ("On November 19th, 2019, the event", ("2019-11-19", "text")),
    ("signed on 14 June 2011 in Astana", ("2011-06-14", "text")),
    ("in June 2011", ("2011-06", "text")),
    ("established in 2001", ("2001", "text")),
    ("the 2023-06-12 release", ("2023-06-12", "text")),
    ("yesterday", ("2023-09-05", "relative")),
    ("on Tuesday", ("2023-09-05", "relative")),
    ("on Wednesday", ("2023-09-06", "relative")),
    ("last Wednesday", ("2023-08-30", "relative")),
    ("last year", ("2022", "relative")),
    ("last November", ("2022-11", "relative")),
    ("in January last year", ("2022-01", "relative")),
    ("this morning", ("2023-09-06", "relative")),
    ("at this week's summit", ("2023-09", "relative")),
    ("next week", ("2023-09", "relative")),
    ("last year's talks", ("2022", "relative")),
])
def test_shapes(text: str, expected: tuple[str, str]) -> None:
    assert first(text) == expected


def test_a_day_without_a_year_stays_partial() -> None:
    mention = find_dates("signed on 14 June in Astana", WEDNESDAY)[0]
    assert mention.date is None and mention.partial == "06-14"


def test_ranges_keep_both_ends() -> None:
    years = find_dates("Chair of the SCO for 2019-2020", None)[0]
    assert (str(years.date), str(years.end_date)) == ("2019", "2020")
    days = find_dates("met in Astana on 3 and 4 July 2024", None)[0]
    assert (str(days.date), str(days.end_date)) == ("2024-07-03", "2024-07-04")
    week = find_dates("is hosting the summit from Tuesday to Thursday", WEDNESDAY)[0]
    assert (str(week.date), str(week.end_date)) == ("2023-09-05", "2023-09-07")


def test_a_week_across_two_months_gives_no_month() -> None:
    # the week of Thursday 31 August 2023 runs from 28 August to 3 September
    mention = find_dates("at this week's talks", PartialDate(2023, 8, 31))[0]
    assert mention.date is None and mention.basis == "relative"


def test_relative_dates_without_a_publication_date_stay_unresolved() -> None:
    mention = find_dates("signed yesterday", None)[0]
    assert mention.date is None and mention.basis == "relative"


def test_impossible_dates_and_resolution_numbers_are_not_dates() -> None:
    # 31 June does not exist: no day is made of it (the month and year still count)
    found = find_dates("on 31 June 2011", None)
    assert found and all(m.date is None or m.date.day is None for m in found)
    assert [str(m.date) for m in find_dates("resolution 59/48 and A/RES/3208", None)] == []


@pytest.mark.parametrize(("head", "expected"), [
    # a two-city dateline
    ("Bloc takes the chair\nLISBON/GENEVA, 2 March 2025 - The forum opened its year.\n",
     "2025-03-02"),
    # a numeric date alone on a line, day first as UN releases print it
    ("Press note\n\nXX/1234\n\n14/05/2019\nRelease\n\nDelegates met.\n", "2019-05-14"),
    ("Press note\n\n05/14/2019\n\nDelegates met.\n", "2019-05-14"),
    # the text names its own day
    ("At a sitting held today, 3rd of April 2020, the council chose a new chair.\n",
     "2020-04-03"),
    # furniture: a weather widget's day, a date inside a sentence, a month and day only
    ("menu\n18.5 C\nSome Town\nMonday, March 3, 2025\nmenu\n\nThe forum met.\n", None),
    ("The bloc\n\nThe charter dated June 2, 2001 lets any state of the region apply to join.\n",
     None),
    ("News\nROME, Jun 4 - Agency. On May 30, 2024, the forum met in a long session.\n", None),
])
def test_the_articles_own_date_and_not_the_furniture(head: str, expected: str | None) -> None:
    assert metadata.from_text(head).published == expected


@pytest.mark.parametrize(("head", "expected"), [
    # a dateline whose place is not in capitals
    ("Breaking News\n\nOil bloc loses a member\n\nLuanda, December 21, 2023, The Daily: "
     "Angola said on Thursday it would leave OPEC, a blow to the group that met in 2022.",
     "2023-12-21"),
    # a press release's source and date in parentheses
    ("Heads of Government\n\n(Secretariat, Georgetown, Guyana – Wednesday, 7 July 2021) – "
     "The Conference of Heads of Government was held virtually on 5-6 July 2021, and more.",
     "2021-07-07"),
    # a sentence that opens with a preposition and a place is the story, not a dateline
    ("Summit news\n\nIn Geneva, 5 May 2024 was the day the assembly opened its long session "
     "on health, the delegates said at the end of a week of talks.", None),
])
def test_the_article_date_a_head_line_presents(head: str, expected: str | None) -> None:
    assert metadata.from_text(head).published == expected
    # and its characters are the article's date, lent to no fact
    spans = metadata.own_date_spans(head)
    assert bool(spans) == (expected is not None)
