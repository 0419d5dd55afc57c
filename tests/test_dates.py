import datetime as dt

import pytest

from multilateral.errors import InvalidDate
from multilateral.model.dates import PartialDate, Precision, Span, Truth, at_precision


def test_parse_keeps_the_precision_the_text_gives() -> None:
    assert PartialDate.parse("2005").precision is Precision.YEAR
    assert PartialDate.parse("2005-06").precision is Precision.MONTH
    assert str(PartialDate.parse("2005-6-5")) == "2005-06-05"


def test_a_partial_date_stands_for_a_period() -> None:
    year = PartialDate.parse("2004")
    assert (year.lo, year.hi) == (dt.date(2004, 1, 1), dt.date(2004, 12, 31))
    feb = PartialDate.parse("2024-02")
    assert feb.hi == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text,reason", [
    ("2019-13-40", "month 13"),
    ("2019-02-30", "day 30"),
    ("19-11-2019", "expected YYYY"),
    ("yesterday", "expected YYYY"),
])
def test_impossible_dates_are_refused_with_the_input_named(text: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        PartialDate.parse(text)
    assert text in caught.value.message and reason in caught.value.message


def test_at_precision_cuts_to_what_the_source_declares() -> None:
    assert str(at_precision("2022-09-14", "month")) == "2022-09"
    assert str(at_precision("2005-01-01", "year")) == "2005"


def test_refines_means_both_can_name_the_same_day() -> None:
    assert PartialDate.parse("2005").refines(PartialDate.parse("2005-06-15"))
    assert not PartialDate.parse("1996").refines(PartialDate.parse("2001-06-15"))


def test_a_year_precise_start_gives_no_yes_or_no_inside_that_year() -> None:
    span = Span(PartialDate.parse("2005"))
    assert span.holds(PartialDate.parse("2005-03-01")) is Truth.MAYBE
    assert span.holds(PartialDate.parse("2004-12-31")) is Truth.NO
    assert span.holds(PartialDate.parse("2006-01-01")) is Truth.YES


def test_the_end_day_is_exclusive() -> None:
    span = Span(PartialDate.parse("2005"), PartialDate.parse("2017-06-09"))
    assert span.holds(PartialDate.parse("2017-06-08")) is Truth.YES
    assert span.holds(PartialDate.parse("2017-06-09")) is Truth.NO


def test_past_a_sources_coverage_an_open_span_is_uncertain() -> None:
    span = Span(PartialDate.parse("1996"), None, known_until=dt.date(2014, 12, 31))
    assert span.holds(PartialDate.parse("2014-06-01")) is Truth.YES
    assert span.holds(PartialDate.parse("2019-11-19")) is Truth.MAYBE


def test_a_decision_not_yet_in_effect_never_holds() -> None:
    assert Span(None).holds(PartialDate.parse("2026")) is Truth.NO
