"""Stage 5b: one fact per thing stated, however often the article states it.

Two facts are the same when the keys the evaluation matches on agree (FACTS.md's
scoring table) and their dates do not disagree; the first statement keeps the
evidence, a later one may fill in what the first left empty (a summit's place).
"""

from __future__ import annotations

from typing import Any

from multilateral.model.facts import Fact


def key(fact: Fact) -> tuple[Any, ...]:
    get = fact.get
    if fact.type == "membership":
        return (get("org_id") or get("org"), get("state_id") or get("state"), get("status"),
                get("change"))
    if fact.type == "agreement":
        parties = get("party_ids") or []
        names = get("parties") or []
        return (get("kind"), frozenset(p or n for p, n in zip(parties, names, strict=False)),
                get("date"))
    if fact.type == "resolution":
        return (get("body_id") or get("body"), get("number"), get("subject_id") or get("subject"))
    if fact.type == "event":
        return (get("kind"), get("date") or get("place"))
    if fact.type == "chairmanship":
        return (get("org_id") or get("org"), get("state_id") or get("state"), get("start"))
    return (get("org_id") or get("org"),)


def merge(facts: list[Fact]) -> list[Fact]:
    kept: dict[tuple[Any, ...], Fact] = {}
    order: list[tuple[Any, ...]] = []
    for fact in facts:
        k = (fact.type, fact.modality, *key(fact))
        first = kept.get(k)
        if first is None:
            kept[k] = fact
            order.append(k)
            continue
        for field, value in fact.fields.items():
            if first.fields.get(field) in (None, [], "") and value not in (None, [], ""):
                first.fields[field] = value
        first.confidence = max(first.confidence, fact.confidence)
    return [kept[k] for k in order]
