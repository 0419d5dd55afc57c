"""The date of a membership fact, from the dates of its sentence: the one in its verb's own
clause, a start the text gives ("since 2006", "from 2020"), or the article's date for a
status held now."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from multilateral.ingest.dates import DateMention
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields
from multilateral.ingest.sentences import closes_abbreviation

_CLAUSE_BREAK = re.compile(
    # "|" parts a title from the site's name ("Morocco Rejoins the AU | Archive 2005 -2017")
    r"[;.|]|\b(?:because|when|while|but|although|whereas)\b|"
    # "since" that opens a clause ("the first member since Romania joined in 2007"), not
    # one that gives a date ("since 2006", "since June")
    r"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bever )"  # "has since declined": an adverb
    r"\bsince\b(?!\s+(?:\d|then\b|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b))|"
    # "after" or "following" that opens another event ("suspended after the president
    # ordered a crackdown in March 2011"): its date is that event's, not the membership's
    r"\b(?:after|following)\b(?!\s+(?:\d|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b))", re.I)


def clause_break_between(ctx: Context, start: int, end: int) -> bool:
    """`clause_break` of the article's text between two offsets of the sentence: the
    sentence's breaks are found once, not once for each (member, date) pair asked."""
    lo, hi = ctx.sentence.start, ctx.sentence.end
    if not lo <= start <= end <= hi:
        return clause_break(ctx.between(start, end))
    breaks = _breaks(ctx.sentence.text)
    # Breaks do not overlap: the first one starting at or after `start` ends first.
    at = bisect.bisect_left(breaks, (start - lo, -1))
    return at < len(breaks) and breaks[at][1] <= end - lo


@functools.lru_cache(maxsize=64)
def _breaks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)
            if m.group() != "." or not closes_abbreviation(text, m.end())]


def clause_break(text: str) -> bool:
    """A clause ends in `text`: at a semicolon, a conjunction that opens another clause, or a
    full stop that closes no abbreviation ("Decision No. 8 ... dated May 14" goes on)."""
    return any(m.group() != "." or not closes_abbreviation(text, m.end())
               for m in _CLAUSE_BREAK.finditer(text))


@dataclass(frozen=True)
class Trigger:
    word: str
    start: int  # article offsets
    end: int


def member_date(ctx: Context, member: Mention, trigger: Trigger,
                triggers: list[Trigger]) -> DateMention | None:
    dated = [d for d in ctx.dated() if not _is_founding_year(ctx, d)]
    if trigger.word == "founders":
        dated = ctx.dated()
    if not dated:
        return None
    own = _trigger_own_date(ctx, member, trigger, triggers, dated)
    if own is not None:
        return own
    following = [d for d in dated if d.start >= member.end
                 and not clause_break_between(ctx, member.end, d.start)]
    if not following and trigger.end <= member.start:
        after_trigger = [d for d in dated if trigger.end <= d.start < member.start]
        if after_trigger:
            return after_trigger[0]
    if following:
        nearest = following[0]
        # a date belongs to the member before it unless another member sits in between
        if not any(m.type == "state" and member.end <= m.start < nearest.start and m != member
                   for m in ctx.mentions) or trigger.start > member.end:
            return nearest
    preceding = [d for d in dated if d.end <= member.start]
    if preceding:
        return preceding[-1]
    return following[0] if following else None


def _trigger_own_date(ctx: Context, member: Mention, trigger: Trigger,
                      triggers: list[Trigger], dated: list[DateMention]) -> DateMention | None:
    """When the verb follows its member, the date of the verb's own clause ("Timor-Leste
    gained independence in 2002 and applied for membership in 2011"; "Cambodia, this
    year's chair, was admitted in 1999"): a date between the member and the verb belongs to
    another verb or noun, unless it stands right before the verb ("on 1 July 2013 became")."""
    if trigger.start < member.end:
        return None
    if any(member.end <= d.start and d.end <= trigger.start
           and not ctx.between(d.end, trigger.start).strip(" ,") for d in dated):
        return None
    bound = min((t.start for t in triggers if t.start > trigger.end), default=ctx.sentence.end)
    for date in dated:
        if trigger.end <= date.start and date.end <= bound:
            return None if clause_break_between(ctx, trigger.end, date.start) else date
    return None


def _is_founding_year(ctx: Context, date: DateMention) -> bool:
    return bool(re.search(r"\b(?:established|founded|created|since)\s+(?:in\s+|on\s+)?$",
                          ctx.between(max(ctx.sentence.start, date.start - 20), date.start), re.I))


def since_date(ctx: Context, trigger: Trigger) -> DateMention | None:
    """"has held observer status since 1975": the status dates from then."""
    for date in ctx.dated():
        lead = ctx.between(max(ctx.sentence.start, date.start - 7), date.start)
        if re.search(r"\bsince\s+$", lead, re.I) and abs(date.start - trigger.end) < 80:
            return date
    return None


# "have observer status in the EAEU from 2020": a start the text gives, not a span
# ("suspended from 2008 to 2010" is two changes, read as such).
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_SPAN_END = re.compile(r"^\s*(?:to|until|till|through|[-–—])\s", re.I)


def holds_date(ctx: Context, trigger: Trigger) -> dict[str, Any]:
    """A status held is dated by the article, or by the start the text gives it."""
    for date in ctx.dated():
        if date.start >= trigger.end and _FROM.search(
                ctx.between(max(ctx.sentence.start, date.start - 10), date.start)) \
                and not _SPAN_END.match(ctx.between(date.end, ctx.sentence.end)) \
                and not clause_break_between(ctx, trigger.end, date.start):
            return date_fields(date)
    published = ctx.article.published
    if published is None:
        return {"date": None}
    return {"date": str(published), "date_basis": "article_date"}
