"""The names the mention finder looks for: the knowledge base's, plus adjectives and cities.

Built once per knowledge base and reused for every article of a batch. Names
are keyed by their normalised words, so "Shanghai Cooperation Organization" in
the text finds the canonical "Shanghai Cooperation Organisation". Acronyms
match only in capitals ("UN", not "un"); two-letter state codes and COW
abbreviations are left out, because in running text "IN" or "TO" is a word.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from multilateral.model.names import KnownNames, normalize
from multilateral.reference.bundle import data_dir
from multilateral.reference.cities import cities

# Short state names that are written as such in news text.
_STATE_CODES = {"US", "USA", "UK", "UAE", "PRC", "DPRK", "ROK", "DRC", "ROC"}
_RANK = {"canonical": 0, "acronym": 1, "official": 2, "alias": 3, "former": 4, "adjective": 5,
         "city": 6}
# Short names that today's news uses for a current state, where the knowledge base also
# knows a historic state by the same name (COW's Korea of 1887-1905).
_CURRENT_NAMES = {"Korea": "KOR"}
_SPLIT_WORDS = (("cooperation", "co operation"), ("coordination", "co ordination"))


@dataclass(frozen=True)
class Entry:
    type: str  # organization | state | place
    id: str
    name: str  # canonical name
    kind: str  # the kind of name matched: canonical, acronym, adjective, city...
    surface: str  # the name as stored, for the case check of acronyms


@dataclass
class Gazetteer:
    # first normalised word -> [(words, entry)], longest first
    by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # organization id -> parent id
    bodies: dict[tuple[str, str], str] = field(default_factory=dict)  # (parent, kind) -> id
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, id) -> name
    ended: dict[str, int] = field(default_factory=dict)  # organization id -> year dissolved

    def name_of(self, entity_type: str, entity_id: str) -> str:
        return self.names.get((entity_type, entity_id), entity_id)


def build(known: KnownNames) -> Gazetteer:
    entries: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    gazetteer = Gazetteer()
    canonical: dict[tuple[str, str], str] = {}
    alive: dict[str, bool] = {}
    for org in known.organizations:
        canonical[("organization", org.id)] = org.name
        alive[org.id] = org.dissolved is None
        if org.dissolved and org.dissolved[:4].isdigit():
            gazetteer.ended[org.id] = int(org.dissolved[:4])
        if org.parent_id:
            gazetteer.parents[org.id] = org.parent_id
            gazetteer.bodies.setdefault((org.parent_id, org.kind), org.id)
    for entity in known.canonical:
        canonical[(entity.entity_type, entity.entity_id)] = entity.name
    gazetteer.names = canonical
    for name_row in known.names:
        if name_row.entity_type == "state" and name_row.kind == "acronym" \
                and name_row.name not in _STATE_CODES:
            continue
        if name_row.kind == "acronym" and len(name_row.name) < 2:
            continue
        name = canonical.get((name_row.entity_type, name_row.entity_id), name_row.name)
        _add(entries, Entry(name_row.entity_type, name_row.entity_id, name, name_row.kind,
                            name_row.name))
        # UN bodies go by their names without "United Nations" too ("the Office on Drugs
        # and Crime", "the Economic and Social Commission for Asia and the Pacific")
        if name_row.entity_type == "organization" and name_row.kind == "canonical" \
                and gazetteer.parents.get(name_row.entity_id) == "UN" \
                and name_row.name.startswith("United Nations ") \
                and len(name_row.name.split()) >= 5:
            _add(entries, Entry("organization", name_row.entity_id, name, "alias",
                                name_row.name.removeprefix("United Nations ")))
    for name, state_id in _CURRENT_NAMES.items():
        if ("state", state_id) in canonical:
            _add(entries, Entry("state", state_id, canonical[("state", state_id)], "canonical",
                                name))
    for iso3, adjectives in _demonyms():
        if ("state", iso3) in canonical:
            for adjective in adjectives:
                _add(entries, Entry("state", iso3, canonical[("state", iso3)], "adjective",
                                    adjective))
    for city in known.cities or _cities():
        _add(entries, Entry("place", f"geonames:{city[0]}", city[1], "city", city[1]))
    for words, found in entries.items():
        best = min(found, key=lambda e: (e.id not in _CURRENT_NAMES.values(),
                                         _RANK.get(e.kind, 9), not alive.get(e.id, True),
                                         e.type != "organization", len(e.id), e.id))
        gazetteer.by_first.setdefault(words[0], []).append((words, best))
    for options in gazetteer.by_first.values():
        options.sort(key=lambda item: -len(item[0]))
    return gazetteer


# "Russia's" is Russia and a possessive; "d'Ivoire" is one word. Names and text are cut
# into words the same way, so that "People's Republic of China" matches itself.
WORD = re.compile(r"[^\W_]+(?:['’](?!s\b)[^\W_]+)*")


def words_of(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for match in WORD.finditer(text):
        words.extend(normalize(match.group()).split())
    return tuple(words)


def _add(entries: dict[tuple[str, ...], list[Entry]], entry: Entry) -> None:
    words = words_of(entry.surface)
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while words and words[-1] == "the":  # crosswalk aliases such as "Russian Federation (the)"
        words = words[:-1]
    if words:
        entries[words].append(entry)
        # "Co-operation" is two words to the scanner, "Cooperation" one: file both
        joined = " ".join(words)
        for one, two in _SPLIT_WORDS:
            if one in words or two in joined:
                variant = tuple(joined.replace(two, one).split()) if two in joined else tuple(
                    joined.replace(one, two).split())
                entries[variant].append(entry)


@lru_cache(maxsize=1)
def _demonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    with (data_dir() / "hand" / "demonyms.csv").open(encoding="utf-8") as handle:
        return tuple((row["iso3"], tuple(row["adjectives"].split("|")))
                     for row in csv.DictReader(handle))


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[str, str], ...]:
    """For a database made before `init` kept the cities: read them from the package."""
    return tuple(cities())
