"""A fact read from an article, said in one short line (feeds and lists show it)."""

from __future__ import annotations

from typing import Any


def fact_summary(fact: dict[str, Any]) -> str:
    """A fact (its FACTS.md document) in one line: who did what to which organization."""
    kind = fact.get("type")
    at = f" at {fact['place']}" if fact.get("place") else ""
    if kind == "membership":
        return f"{fact.get('state')} {fact.get('change')} {fact.get('org')} as " \
               f"{fact.get('status') or 'member'}"
    if kind == "agreement":
        return f"{fact.get('kind')}: " + " / ".join(fact.get("parties") or []) + at
    if kind == "resolution":
        return f"{fact.get('body')} {fact.get('number') or ''} on {fact.get('subject')} " \
               f"({fact.get('effect')})"
    if kind == "event":
        return f"{fact.get('kind')}: {fact.get('name')}{at}"
    if kind == "chairmanship":
        return f"{fact.get('state')} chairs {fact.get('org')}"
    return f"{fact.get('org')} founded{at}"


def fact_line(fact: dict[str, Any]) -> str:
    """The summary with the fact's date where it has one, as feeds show it: "India joined
    Shanghai Cooperation Organisation as member (2017)"."""
    line = fact_summary(fact)
    when = fact.get("date") or fact.get("start")
    return f"{line} ({when})" if when else line
