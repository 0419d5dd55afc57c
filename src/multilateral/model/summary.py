"""A fact read from an article, said in one short line (feeds and lists show it)."""

from __future__ import annotations

from typing import Any


def fact_line(fact: dict[str, Any]) -> str:
    """For example "India joined Shanghai Cooperation Organisation as member (2017)"; the
    date only when the fact has one."""
    kind = fact.get("type")
    at = f" at {fact['place']}" if fact.get("place") else ""
    if kind == "membership":
        line = f"{fact.get('state')} {fact.get('change')} {fact.get('org')} as " \
               f"{fact.get('status') or 'member'}"
    elif kind == "agreement":
        line = f"{fact.get('kind')}: " + " / ".join(fact.get("parties") or []) + at
    elif kind == "resolution":
        line = f"{fact.get('body')} resolution {fact.get('number') or ''}".rstrip()
    elif kind == "event":
        line = f"{fact.get('kind')}: {fact.get('name')}{at}"
    elif kind == "chairmanship":
        line = f"{fact.get('state')} chairs {fact.get('org')}"
    else:
        line = f"{fact.get('org')} founded{at}"
    when = fact.get("date") or fact.get("start")
    return f"{line} ({when})" if when else line
