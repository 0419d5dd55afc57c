"""Data extension for the reconciliation service (Reconciliation API 0.2): the properties an
organization or a state offers, and their values for reconciled ids, each on a date (the
`on` setting; today when empty). Values come from the knowledge base's judged answers:
only what it holds as certain is given as a value; an uncertain or disputed status is
given as such, never resolved by guess."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from multilateral.errors import InvalidInput, MultilateralError, OutOfExistence, UnknownEntity
from multilateral.kb import KnowledgeBase
from multilateral.model.membership import Ref, Standing
from multilateral.model.status import label

TYPES = {"organization": "International organization", "state": "State"}
MAX_IDS = 200


@dataclass(frozen=True)
class Property:
    id: str
    name: str
    of: str  # the type of entity that has it
    value_type: str | None = None  # the type of entity its values are, if entities

    def meta(self) -> dict[str, Any]:
        found: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.value_type:
            found["type"] = {"id": self.value_type, "name": TYPES[self.value_type]}
        return found


PROPERTIES = [
    Property("members", "Members on the date", "organization", "state"),
    Property("member_count", "Number of members on the date", "organization"),
    Property("organizations", "Member of, on the date", "state", "organization"),
    Property("status", "Status in an organization on the date (setting: organization)",
             "state"),
    Property("wikidata", "Wikidata id", "organization"),
    Property("wikidata", "Wikidata id", "state"),
]

SETTINGS = [
    {"name": "on", "label": "On date", "type": "text", "default": "",
     "help_text": "YYYY, YYYY-MM or YYYY-MM-DD; empty for today."},
    {"name": "organization", "label": "Organization (for status)", "type": "text",
     "default": "", "help_text": "The organization whose status `status` gives: an id, an "
                                 "acronym or a name (SCO, ASEAN)."},
]


def propose(kb: KnowledgeBase, entity_type: str, limit: int | None = None) -> dict[str, Any]:
    """The properties of a type. The Wikidata id is offered only for a type the knowledge
    base holds such ids for (states, from the OWID crosswalk; organizations, from the pages
    hand/wikidata_orgs.csv lists)."""
    if entity_type not in TYPES:
        raise InvalidInput(f"Unknown type '{entity_type}': the types are "
                           f"{', '.join(TYPES)}.")
    held = bool(kb.wikidata_ids(entity_type))
    found = [p.meta() for p in PROPERTIES
             if p.of == entity_type and (p.id != "wikidata" or held)]
    answer: dict[str, Any] = {"type": entity_type, "properties": found[:limit]}
    if limit is not None:
        answer["limit"] = limit
    if not held:
        answer["note"] = f"The knowledge base holds no Wikidata ids for {entity_type}s yet."
    return answer


def extend(kb: KnowledgeBase, query: Any) -> dict[str, Any]:
    """The values of `query["properties"]` for each id of `query["ids"]`."""
    ids, wanted = _parse(query)
    kinds = {entity_id: entity(kb, entity_id) for entity_id in ids}
    meta = []
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {entity_id: {} for entity_id in ids}
    for pid, settings in wanted:
        known = [p for p in PROPERTIES if p.id == pid]
        if not known:
            raise InvalidInput(f"Unknown property '{pid}': the properties are "
                               f"{', '.join(sorted({p.id for p in PROPERTIES}))}.")
        meta.append(known[0].meta())
        values = _values(kb, pid, settings, kinds)
        for entity_id in ids:
            rows[entity_id][pid] = values.get(entity_id, [])
    return {"meta": meta, "rows": rows}


def _parse(query: Any) -> tuple[list[str], list[tuple[str, dict[str, Any]]]]:
    shape = ('`extend` must be a JSON object of {"ids": ["SCO", ...], "properties": '
             '[{"id": "members", "settings": {"on": "2019"}}, ...]}.')
    if not isinstance(query, dict) or not isinstance(query.get("ids"), list) \
            or not isinstance(query.get("properties"), list):
        raise InvalidInput(shape)
    ids = query["ids"]
    if not all(isinstance(i, str) for i in ids):
        raise InvalidInput(shape)
    if len(ids) > MAX_IDS:
        raise InvalidInput(f"At most {MAX_IDS} ids per request.")
    wanted = []
    for item in query["properties"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) \
                or not isinstance(item.get("settings") or {}, dict):
            raise InvalidInput(shape)
        wanted.append((item["id"], item.get("settings") or {}))
    return ids, wanted


def entity(kb: KnowledgeBase, entity_id: str) -> Ref | None:
    """Our id as an organization's or a state's (ids are the service's own, not names)."""
    for lookup in (kb.organization, kb.state):
        try:
            found = lookup(entity_id)
        except MultilateralError:
            continue
        if found.id.lower() == entity_id.strip().lower():
            return found
    return None


def unknown(entity_id: str) -> UnknownEntity:
    return UnknownEntity("organization or state", entity_id, [])


SUGGESTIONS = 10


def suggest(kb: KnowledgeBase, prefix: str, cursor: int = 0) -> dict[str, Any]:
    """The entity suggest service: organizations and states with a name (or acronym, or
    id) containing `prefix`, shortest first; `cursor` skips that many. A Wikidata id finds
    the state that carries it."""
    text = prefix.strip()
    if not text:
        return {"result": []}
    found: list[tuple[Ref, str]] = []
    for kind in TYPES:
        found += kb.find(text, kind, cursor + SUGGESTIONS)
        if re.match(r"^Q[1-9][0-9]*$", text, re.IGNORECASE):
            hit = kb.by_wikidata(kind, text)
            found += [(hit, text.upper())] if hit else []
    found.sort(key=lambda pair: (len(pair[1]), pair[0].id))
    seen: set[str] = set()
    result = []
    for ref, matched in found:
        if ref.id in seen:
            continue
        seen.add(ref.id)
        item: dict[str, Any] = {"id": ref.id, "name": ref.name,
                                "notable": [{"id": ref.type, "name": TYPES[ref.type]}]}
        if matched != ref.name:
            item["description"] = f"{TYPES[ref.type]}; matched '{matched}'"
        result.append(item)
    return {"result": result[cursor:cursor + SUGGESTIONS]}


Values = dict[str, list[dict[str, Any]]]


def _values(kb: KnowledgeBase, pid: str, settings: dict[str, Any],
            kinds: dict[str, Ref | None]) -> Values:
    on = str(settings.get("on") or "").strip() or None
    of = {p.of for p in PROPERTIES if p.id == pid}
    entities = [ref for ref in kinds.values() if ref is not None and ref.type in of]
    if pid == "wikidata":
        found: Values = {}
        for kind in ("organization", "state"):
            ids = [ref.id for ref in entities if ref.type == kind]
            for entity_id, qid in kb.wikidata_ids(kind, ids).items():
                found[entity_id] = [{"str": qid}]
        return found
    if pid == "status":
        org = str(settings.get("organization") or "").strip()
        if not org:
            raise InvalidInput("The property `status` needs the setting `organization` "
                               '(an id, an acronym or a name): {"id": "status", "settings": '
                               '{"organization": "SCO"}}.')
        org_ref = kb.organization(org)
        return _each(entities, lambda ref: _status(kb, ref, org_ref, on))
    if pid == "members":
        return _each(entities, lambda ref: [
            {"id": st.subject.id, "name": st.subject.name}
            for st in kb.members(ref.id, on).certain if st.has("member")])
    if pid == "member_count":
        return _each(entities, lambda ref: [
            {"int": sum(1 for st in kb.members(ref.id, on).certain if st.has("member"))}])
    return _each(entities, lambda ref: [  # organizations
        {"id": st.subject.id, "name": st.subject.name}
        for st in kb.memberships(ref.id, on).certain if st.has("member")])


def _each(entities: list[Ref], values: Callable[[Ref], list[dict[str, Any]]]) -> Values:
    """Values per entity; an organization asked about a date it did not exist on has none
    (a bad date is refused for the whole request)."""
    found: Values = {}
    for ref in entities:
        try:
            found[ref.id] = values(ref)
        except (OutOfExistence, UnknownEntity):
            found[ref.id] = []
    return found


def _status(kb: KnowledgeBase, state: Ref, org: Ref, on: str | None) -> list[dict[str, Any]]:
    held = kb.memberships(state.id, on)
    for standings, say in ((held.certain, _certain), (held.uncertain, _uncertain),
                           (held.conflicts, _disputed)):
        for standing in standings:
            if standing.subject.id == org.id:
                return [{"str": say(standing)}]
    return []  # no claim holds on the date: nothing to say, rather than "not a member"


def _certain(standing: Standing) -> str:
    status = label(standing.status)
    return f"{status}, suspended" if standing.suspended else status


def _uncertain(standing: Standing) -> str:
    possible = " or ".join(label(p) for p in standing.possible)
    return f"uncertain: {possible or label(standing.shown_status)}"


def _disputed(standing: Standing) -> str:
    possible = " or ".join(label(p) for p in standing.possible)
    return f"disputed: {possible or 'the sources disagree'}"
