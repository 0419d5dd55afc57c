"""The small pieces of HTML a page repeats for every row (a link to an entity, a row's
sources, its datasets, since when it holds), built in Python: as Jinja macros they were
most of the SCO page's render time. Every value is escaped, as the templates escape it.

Rows are the JSON twins' dicts; a field a row lacks prints as nothing, as in a template.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

_MISSING = ""


def _get(row: Any, name: str, default: Any = None) -> Any:
    if type(row) is dict or isinstance(row, Mapping):  # the first test is the quick one
        return row.get(name, default)
    return getattr(row, name, default)


def entity_link(entity: Any) -> Markup:
    kind, name = _get(entity, "type"), escape(_get(entity, "name", _MISSING))
    if kind == "organization":
        return Markup(f'<a href="/org/{escape(_get(entity, "id", _MISSING))}">{name}</a>')
    if kind == "state":
        return Markup(f'<a href="/state/{escape(_get(entity, "id", _MISSING))}">{name}</a>')
    return name


def sources(claims: Iterable[Any]) -> Markup:
    """Each claim's sources: a numbered link where the source has an address, else its id
    with the citation as a tooltip."""
    parts = []
    for claim in claims:
        for number, source in enumerate(_get(claim, "sources", ()) or (), start=1):
            ident = _get(source, "id", _MISSING)
            url = _get(source, "url")
            if url:
                title = escape(_get(source, "title") or ident)
                parts.append(f'<a href="{escape(url)}" rel="nofollow noopener" '
                             f'title="{title}">[{number}]</a> ')
            else:
                title = escape(_get(source, "citation") or _get(source, "title") or "")
                parts.append(f'<span title="{title}">{escape(ident)}</span> ')
    return Markup("".join(parts))


def _unique(values: Iterable[Any]) -> list[Any]:
    """In order, the first of each, strings compared without case (Jinja's `unique`)."""
    seen: set[Any] = set()
    found = []
    for value in values:
        key = value.lower() if isinstance(value, str) else value
        if key not in seen:
            seen.add(key)
            found.append(value)
    return found


def datasets(claims: Iterable[Any]) -> Markup:
    return Markup(", ").join(
        escape(name) for name in _unique(_get(c, "dataset", _MISSING) for c in claims))


def since(standing: Any) -> Markup:
    """Since when a standing holds; each source's start where they differ."""
    status = _get(standing, "status")
    starts = _unique(f"{start} ({_get(c, 'dataset', _MISSING)})"
                     for c in _get(standing, "claims", ()) or ()
                     if (start := _get(c, "start")) and _get(c, "status") == status)
    if len(starts) > 1:
        return Markup("; ").join(escape(start) for start in starts)
    return escape(_get(standing, "since") or "")


GLOBALS = {"entity_link": entity_link, "sources": sources, "datasets": datasets,
           "since": since}
