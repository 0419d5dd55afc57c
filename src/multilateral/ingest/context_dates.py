"""Stage 5a: the date a membership change or an event takes from the sentences around it,
when its own sentence gives none (`date_basis` `context`, or `article_date`).

Habits of news English, true of any wire or press release:

- The lead tells the news undated ("The Commonwealth has admitted Gabon"), and a sentence
  of the first paragraphs tells its day against the article's date ("Leaders accepted the
  applications ... yesterday", "The Council on Friday decided to suspend ..."). That day,
  found in a sentence that names the same organization, dates the lead's undated changes,
  and an undated change told with "also" a few sentences on ("The leaders also granted
  ...").
- A lead in the present perfect ("The African Union has suspended Sudan"), with no day
  told around it, reports what happened by the article's own date (`article_date`); so
  does the sentence a dateline opens ("BRUSSELS, 4 April 2023 - Finland became ..."), whose
  date is the article's, not read as the act's own.
- "This week's summit", "yesterday's meeting": a day or week said against the article's
  date and owned by a meeting word names the meeting the article reports; a summit of
  that kind the sentences around leave undated takes it.
- "Also" tells a second act of the same kind as the one just told ("Iran will join from
  2024. The UAE is also set to join."): it takes that act's date.

A change stated as current (`holds`), supposed, reported or negated, and an application
(mostly the news's past: "approved Sweden's application"), take nothing: their day is not
the news's day. A date carried never overrides one the fact's own sentence gives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from multilateral.ingest.dates import DateMention
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Event, Fact, Membership

# The lead: the sentence of the first fact and the few after it.
LEAD = 4
# How many sentences on an "also" still continues the news or the act just told.
ALSO_REACH = 3
_ALSO = re.compile(r"\balso\b", re.I)
# The facts a few sentences hold at most (a list of members): how far back "also" looks.
_LOOK_BACK = 200
# A change the sentence only supposes ("if Russia does not ..., it may decide") happened on
# no day.
_SUPPOSED = re.compile(r"\b(?:if|unless|may|might|could|would)\b", re.I)
_OWNED = re.compile(r"(?:['’]s)?\s+(?:[\w\-]+\s+){0,2}?(?P<word>summit|meeting|session|"
                    r"conference|talks)\b", re.I)
_KIND_WORDS = {"summit": ("summit",), "meeting": ("meeting", "talks"), "session": ("session",),
               "conference": ("conference",)}
# How far from the article's day "this week's summit" is still the summit it reports.
_NEAR_DAYS = 31
# How many sentences away "this week's summit" still names the summit an event reports.
OWNED_REACH = 2
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:[a-z]+(?:ed|en|t)|"
                              r"become|come|run|won|begun|held|made|set|put|done|gone)\b")


@dataclass(frozen=True)
class Told:
    """A sentence as this stage needs it: where it lies, its dates and the organizations it
    names (their knowledge-base ids, a body counted as its organization)."""

    start: int
    end: int
    text: str
    dates: list[DateMention]
    orgs: frozenset[str]


def carry(facts: list[Fact], sentences: list[Told], published: PartialDate | None,
          datelines: list[int] | None = None) -> None:
    """Date in place the undated membership changes the context dates, each statement
    apart (before merging: the news's statement is dated as the news);
    `datelines`: where the head presents the article's date (offsets)."""
    if not facts or not sentences:
        return
    index = _Index(sentences)
    first = index.of(facts[0])
    day_known = published is not None and published.day is not None
    dateline_at = {index.at(offset) for offset in datelines or []}
    for number, fact in enumerate(facts):
        if not _undated_change(fact):
            continue
        assert isinstance(fact, Membership)
        at = index.of(fact)
        also = bool(_ALSO.search(sentences[at].text))
        earlier = _same_act_before(facts, number, index, at) if also else None
        if earlier is not None:
            fact.date, fact.date_basis = earlier.date, "context"
            continue
        if fact.modality != "asserted" or fact.org_id is None or fact.change == "applied" or \
                _SUPPOSED.search(sentences[at].text):
            continue  # an application is mostly told as the past of the news ("approved
            # Sweden's application"), not as the news
        day = _news_day(sentences, first, fact.org_id)
        if day is None:
            if day_known and (at in dateline_at or (
                    at < first + LEAD and _PRESENT_PERFECT.search(sentences[at].text))):
                fact.date, fact.date_basis = str(published), "article_date"
            continue
        told_at, date = day
        if at < first + LEAD or (also and told_at <= at <= told_at + ALSO_REACH):
            fact.date, fact.date_basis = date, "context"


def date_events(facts: list[Fact], sentences: list[Told], published: PartialDate | None,
                datelines: list[int] | None = None) -> None:
    """Date in place the undated events the context dates: "this week's summit" near
    them, or the dateline of their sentence. After merging, so that an event told twice,
    once undated, is one event, dated once."""
    if not sentences or published is None:
        return
    index = _Index(sentences)
    dateline_at = {index.at(offset) for offset in datelines or []}
    for fact in facts:
        if not isinstance(fact, Event) or fact.date is not None or fact.date_partial is not None:
            continue
        owned = _owned_date(sentences, index.of(fact), fact.kind, published)
        if owned is not None:
            fact.date, fact.date_basis = owned, "context"
        elif published.day is not None and fact.modality == "asserted" and \
                index.of(fact) in dateline_at:
            fact.date, fact.date_basis = str(published), "article_date"


def _undated_change(fact: Fact) -> bool:
    return isinstance(fact, Membership) and fact.date is None and fact.date_partial is None \
        and fact.change != "holds" and fact.modality in ("asserted", "planned")


def _same_act_before(facts: list[Fact], number: int, index: _Index,
                     at: int) -> Membership | None:
    """The dated act of the same kind as facts[number] told last, a sentence or a few
    before (looking back no further than that, so that the stage stays linear)."""
    fact = facts[number]
    assert isinstance(fact, Membership)
    for other in reversed(facts[max(0, number - _LOOK_BACK):number]):
        if not isinstance(other, Membership) or index.of(other) >= at:
            continue
        if at - index.of(other) > ALSO_REACH:
            return None
        if (other.org_id or other.org, other.status, other.change, other.modality) == \
                (fact.org_id or fact.org, fact.status, fact.change, fact.modality):
            return other if other.date is not None else None
    return None


def _owned_date(sentences: list[Told], at: int, kind: str,
                published: PartialDate | None) -> str | None:
    """The date of "this week's summit" told a sentence or two from an undated summit."""
    if published is None:
        return None
    words = _KIND_WORDS.get(kind, ())
    for near in range(max(0, at - OWNED_REACH), min(len(sentences), at + OWNED_REACH + 1)):
        told = sentences[near]
        for date in told.dates:
            if date.basis != "relative" or date.date is None or \
                    abs((date.date.lo - published.lo).days) > _NEAR_DAYS:
                continue  # "last year's summit" is another summit
            # the possessive may be read with the date ("this week's") or after it
            # ("Friday's")
            said = told.text[date.start - told.start:date.end - told.start]
            owner = _OWNED.match(told.text, date.end - told.start)
            if owner and owner.group("word").lower() in words and (
                    said.endswith(("'s", "’s")) or owner.group().startswith(("'s", "’s"))):
                return str(date.date)
    return None


def _news_day(sentences: list[Told], first: int, org_id: str) -> tuple[int, str] | None:
    """The first day the lead tells against the article's date ("yesterday", "on Friday")
    in a sentence that names the organization."""
    for at in range(first, min(first + LEAD, len(sentences))):
        told = sentences[at]
        if org_id not in told.orgs:
            continue
        for date in told.dates:
            if date.basis == "relative" and date.date is not None and \
                    date.date.day is not None:
                return at, str(date.date)
    return None


class _Index:
    """The sentence a fact's evidence starts in."""

    def __init__(self, sentences: list[Told]) -> None:
        self.starts = [s.start for s in sentences]

    def of(self, fact: Fact) -> int:
        return self.at(fact.evidence.start)

    def at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)
