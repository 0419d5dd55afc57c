"""Stage 5b: one fact per thing stated, however often the article states it.

Two facts are the same when the keys the evaluation matches on agree (FACTS.md's
scoring table) and their dates do not disagree; the first statement's span stays the
fact's `evidence`, every later one joins `also`, and a later one may fill in what the
first left empty (a summit's place).
"""

from __future__ import annotations

from typing import Any

from multilateral.model.facts import (
    Agreement,
    Chairmanship,
    Event,
    Fact,
    Founding,
    Membership,
    Resolution,
)


def key(fact: Fact) -> tuple[Any, ...]:
    if isinstance(fact, Membership):
        return (fact.org_id or fact.org, fact.state_id or fact.state, fact.status, fact.change)
    if isinstance(fact, Agreement):
        # the same instrument named twice (a headline, then the story) is one fact; the
        # mention with a date fills the one without
        return (fact.kind, frozenset(p or n for p, n in zip(fact.party_ids, fact.parties,
                                                             strict=False)))
    if isinstance(fact, Resolution):
        return (fact.body_id or fact.body, fact.number, fact.subject_id or fact.subject)
    if isinstance(fact, Event):
        # "the summit in New Delhi" opened on Saturday and "ended on Sunday": one summit
        if fact.place:
            return (fact.kind, fact.place, str(fact.date or "")[:4])
        return (fact.kind, fact.date)
    if isinstance(fact, Chairmanship):
        return (fact.org_id or fact.org, fact.state_id or fact.state)
    assert isinstance(fact, Founding)
    return (fact.org_id or fact.org,)


def merge(facts: list[Fact]) -> list[Fact]:
    kept: dict[tuple[Any, ...], Fact] = {}
    order: list[tuple[Any, ...]] = []
    for fact in facts:
        k = (fact.type, _modality_key(fact), *key(fact))
        first = kept.get(k)
        if first is not None and first.when and fact.when and first.when != fact.when \
                and not isinstance(fact, Event) and not _same_change(first, fact):
            k = (*k, fact.when)  # two instruments, two terms: not one fact
            first = kept.get(k)
        if first is None:
            kept[k] = fact
            order.append(k)
            continue
        partial = getattr(first, "date_partial", None)
        first.fill(fact)
        if getattr(first, "date", None) and partial is None and hasattr(first, "date_partial"):
            first.date_partial = None  # a date known: another statement's day-month is not its
        first.add_evidence(fact)
        first.confidence = max(first.confidence, fact.confidence)
    return [kept[k] for k in order]


def _modality_key(fact: Fact) -> str:
    """A membership change first announced ("set to join"), then told as done ("have
    joined") or as not yet done ("has not yet responded to the invitation to join"), is one
    fact, as the real pages annotate it; the first statement's modality stands."""
    if isinstance(fact, Membership):
        return "any"
    return fact.modality


def _same_change(first: Fact, fact: Fact) -> bool:
    """The same state's same change in one organization, dated a year or less apart, is one
    change told twice (the later date is most often another act the sentence names: the
    protocol signed, the invitation); a rejoining comes years later."""
    if not isinstance(first, Membership) or not isinstance(fact, Membership):
        return False
    try:
        return abs(int(str(first.when)[:4]) - int(str(fact.when)[:4])) <= 1
    except ValueError:
        return False
