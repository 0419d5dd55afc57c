"""From what a user types (an id, an acronym, a name in any case) to one entity, or advice."""

from __future__ import annotations

import difflib

from sqlalchemy import Connection, func, select

from multilateral.errors import AmbiguousName, UnknownEntity
from multilateral.model.membership import Ref
from multilateral.model.names import normalize
from multilateral.store import schema as s

_TABLES = {"organization": s.organizations, "state": s.states, "place": s.places}
# When one name fits several entities, an entity's own name or acronym beats an alias.
_RANK = {"canonical": 0, "acronym": 1, "official": 2, "alias": 3, "former": 4}


def resolve(connection: Connection, entity_type: str, text: str) -> Ref:
    table = _TABLES[entity_type]
    wanted = text.strip()
    row = connection.execute(
        select(table.c.id, table.c.name).where(func.lower(table.c.id) == wanted.lower())
    ).first()
    if row is not None:
        return Ref(entity_type, row.id, row.name)
    norm = normalize(wanted)
    hits = connection.execute(
        select(s.names.c.entity_id, s.names.c.kind)
        .where(s.names.c.entity_type == entity_type, s.names.c.norm == norm)
    ).all()
    best: dict[str, int] = {}
    for hit in hits:
        best[hit.entity_id] = min(best.get(hit.entity_id, 9), _RANK.get(hit.kind, 5))
    if best:
        top = min(best.values())
        winners = sorted(entity for entity, rank in best.items() if rank == top)
        if len(winners) == 1:
            return ref(connection, entity_type, winners[0])
        raise AmbiguousName(entity_type, wanted, _labelled(connection, entity_type, winners))
    raise UnknownEntity(entity_type, wanted, suggest(connection, entity_type, norm))


def ref(connection: Connection, entity_type: str, entity_id: str) -> Ref:
    table = _TABLES[entity_type]
    name = connection.scalar(select(table.c.name).where(table.c.id == entity_id))
    return Ref(entity_type, entity_id, name or entity_id)


def suggest(connection: Connection, entity_type: str, norm: str,
            limit: int = 3) -> list[tuple[str, str]]:
    """Close names for a miss ("scoo" -> SCO), best first."""
    rows = connection.execute(
        select(s.names.c.norm, s.names.c.entity_id).where(s.names.c.entity_type == entity_type)
    ).all()
    by_norm: dict[str, set[str]] = {}
    for row in rows:
        by_norm.setdefault(row.norm, set()).add(row.entity_id)
    close = difflib.get_close_matches(norm, list(by_norm), n=limit * 3, cutoff=0.75)
    starts = [name for name in by_norm if len(norm) >= 3 and name.startswith(norm + " ")]
    ids: list[str] = []
    for name in close + sorted(starts, key=len):
        for entity in sorted(by_norm[name]):
            if entity not in ids:
                ids.append(entity)
    return _labelled(connection, entity_type, ids[:limit])


def _labelled(connection: Connection, entity_type: str, ids: list[str]) -> list[tuple[str, str]]:
    table = _TABLES[entity_type]
    rows = connection.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids))).all()
    names = {row.id: row.name for row in rows}
    return [(entity, names.get(entity, entity)) for entity in ids]


def find(connection: Connection, text: str, entity_type: str | None = None,
         limit: int = 20) -> list[tuple[Ref, str]]:
    """Entities with a name containing `text` (normalised), with the name that matched."""
    norm = normalize(text)
    condition = s.names.c.norm.contains(norm, autoescape=True)
    if entity_type:
        condition = condition & (s.names.c.entity_type == entity_type)
    rows = connection.execute(
        select(s.names.c.entity_type, s.names.c.entity_id, s.names.c.name)
        .where(condition).order_by(func.length(s.names.c.norm), s.names.c.entity_id)
    ).all()
    seen: dict[tuple[str, str], str] = {}
    for row in rows:
        seen.setdefault((row.entity_type, row.entity_id), row.name)
    found = []
    for (kind, entity_id), matched in list(seen.items())[:limit]:
        found.append((ref(connection, kind, entity_id), matched))
    return found


def match(connection: Connection, entity_type: str, text: str,
          limit: int = 5) -> list[tuple[Ref, int, bool]]:
    """Candidates for a name, best first, each with a score (0-100) and whether it is a
    sure match (the name resolves to exactly this entity)."""
    try:
        exact = resolve(connection, entity_type, text)
    except AmbiguousName as many:
        return [(ref(connection, entity_type, ident), 90, False)
                for ident, _ in many.candidates[:limit]]
    except UnknownEntity:
        pass
    else:
        return [(exact, 100, True)]
    norm = normalize(text)
    if not norm:
        return []
    rows = connection.execute(
        select(s.names.c.norm, s.names.c.entity_id).where(s.names.c.entity_type == entity_type)
    ).all()
    best: dict[str, float] = {}
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(norm)  # the matcher caches what it learns about its second sequence
    for row in rows:
        matcher.set_seq1(row.norm)
        contains = norm in row.norm.split() or (len(norm) >= 4 and norm in row.norm)
        if not contains and matcher.real_quick_ratio() < 0.5:
            continue
        ratio = matcher.ratio()
        if contains:
            ratio = max(ratio, 0.6)
        if ratio >= 0.5 and ratio > best.get(row.entity_id, 0):
            best[row.entity_id] = ratio
    ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
    return [(ref(connection, entity_type, ident), round(89 * ratio), False)
            for ident, ratio in ranked]
