"""Stage 2: the organizations, states and places an article names, linked where we can.

A scan over words looks up the longest known name starting at each word (a
dictionary walk, not a regular expression per name, so a thousand names cost
what ten do). An organization the knowledge base lacks is still recognised by
its shape ("the Organization of Turkic States") and kept as an unlinked mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from multilateral.ingest.gazetteer import WORD, Entry, Gazetteer
from multilateral.model.names import normalize

_WORD = WORD
_GAP = re.compile(r"^[ \t,\-–'’&/]*$")
_MAX_WORDS = 14
# Cities are common words too ("Of", "Mission"): a city counts only where a place is expected.
_PLACE_CUE = re.compile(r"(?:\b(?:in|at|to|from|near|of)|[(,])\s*(?:the\s+)?$")
_ORG_HEAD = (r"Organi[sz]ation|Union|Council|Community|Association|Alliance|Forum|Bank|Fund|"
             r"Agency|Commission|Conference|League|Secretariat|Programme|Program|Office|"
             r"Institute|Court|Parliament|Assembly|Group|Pact|Treaty Organi[sz]ation|Bloc")
_CAP = r"[A-Z][\w'’\-]*"
# a body named for its topics lists them: "the Organ on Politics, Defence and Security
# Cooperation", "the Committee on Economic, Social and Cultural Rights"
_TOPICS = rf"(?:,[ \t]+{_CAP})+,?[ \t]+and[ \t]+{_CAP}"
_UNKNOWN_ORG = re.compile(
    rf"\b(?:{_CAP}[ \t]+(?:and[ \t]+)?){{0,5}}(?:{_ORG_HEAD}|Organ)\b"
    rf"(?:[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?{_CAP}|on[ \t]+(?:the[ \t]+)?{_CAP}(?:{_TOPICS})?)"
    rf"(?:[ \t]+(?:and[ \t]+)?{_CAP}){{0,4}}){{0,2}}")
_ORDINAL_BEFORE = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|(?:[A-Z][a-z]+-)?(?:[Ff]irst|[Ss]econd|"
                             r"[Tt]hird|[A-Za-z]+th))[ \t]+$")
_STATUS_WORDS = re.compile(r"\s+(?:Member|Observer|Dialogue|Partner|Candidate|Associate|"
                           r"Founding)\b", re.I)
_LEAD_WORDS = re.compile(r"(?:(?:The|A|An|This|That|Its|Their|Our|In|On|At|For|Both|Each|"
                         r"Under|With)[ \t]+)+")
_NOT_ORG_START = {"The", "A", "An", "This", "That", "Its", "Their", "Our", "His", "Her", "In",
                  "On", "At", "For", "Both", "Each", "Member", "Observer", "Under", "With"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str  # organization | state | place
    id: str | None  # None: recognised by shape, not in the knowledge base
    name: str  # canonical name, or the words of the text when unlinked
    kind: str  # which kind of name matched (canonical, acronym, adjective, city, shape)

    @property
    def linked(self) -> bool:
        return self.id is not None


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    words = [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text)]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        hit = _longest(text, words, i, gazetteer)
        if hit is None:
            i += 1
            continue
        length, entry = hit
        start, end = words[i][0], words[i + length - 1][1]
        found.append(Mention(start, end, entry.type, entry.id, entry.name, entry.kind))
        i += length
    # "NEW YORK (AP) –": the wire's credit; "AP" is then the agency all through the article
    agencies = {m.group("agency") for m in _AGENCY.finditer(text)}
    found = [m for m in found if not (m.type == "organization" and m.kind == "acronym"
                                      and text[m.start:m.end] in agencies)]
    regions: dict[str, bool] = {}  # each short name looked up once per article
    found = [m for m in found if not _in_dateline(text, m) and not _region_named(text, m,
                                                                                  regions)]
    found.extend(_unknown_organizations(text, found))
    return sorted(found, key=lambda m: m.start)


_AGENCY = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z .'’,\-]{1,40}\((?P<agency>[A-Z][A-Za-z]{1,9})"
                     r"\)[ \t]*[–—\-]")
# "GENEVA, Switzerland – Timor-Leste became ...": the state of a dateline says where the news
# was written, not who did anything
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z .'’\-]{1,30},[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[–—\-]")


def _in_dateline(text: str, mention: Mention) -> bool:
    return mention.type == "state" and _DATELINE_AFTER.match(text, mention.end) is not None \
        and _DATELINE_BEFORE.search(text[max(0, mention.start - 40):mention.start]) is not None


def _region_named(text: str, mention: Mention, seen: dict[str, bool]) -> bool:
    """"Micronesian states", "Micronesian countries": several states of a region, so the
    article's "Micronesia" (a short name the state shares) is the region."""
    if mention.type != "state" or mention.kind != "alias":
        return False
    name = text[mention.start:mention.end]
    if name not in seen:
        seen[name] = _region_words(text, name)
    return seen[name]


def _region_words(text: str, name: str) -> bool:
    stem = re.escape(name[:-1] if name.endswith(("a", "e")) else name)
    return re.search(rf"\b{stem}(?:an|ian|n|ese)?\s+(?:states|countries|nations)\b",
                     text) is not None


def _longest(text: str, words: list[tuple[int, int, str]], i: int,
             gazetteer: Gazetteer) -> tuple[int, Entry] | None:
    options = gazetteer.by_first.get(words[i][2])
    if not options:
        return None
    for key, entry in options:
        n = len(key)
        if i + n > len(words) or n > _MAX_WORDS:
            continue
        if any(words[i + k][2] != key[k] for k in range(1, n)):
            continue
        if any(not _GAP.match(text[words[i + k][1]:words[i + k + 1][0]]) for k in range(n - 1)):
            continue
        surface = text[words[i][0]:words[i + n - 1][1]]
        if _acceptable(text, words[i][0], surface, entry):
            return n, entry
    return None


def _acceptable(text: str, start: int, surface: str, entry: Entry) -> bool:
    if entry.kind == "acronym" or entry.surface.isupper():
        # "UN" and "SCO-RATS" must be written in capitals; "Un" or "sco" are not them.
        return _letters(surface) == _letters(entry.surface) and surface[0].isupper()
    if not surface[0].isupper():
        return False
    if entry.kind == "city":
        return bool(_PLACE_CUE.search(text[max(0, start - 12):start]))
    return True


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    # Articles repeat their words: normalise each distinct word once.
    return normalize(word)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _unknown_organizations(text: str, known: list[Mention]) -> list[Mention]:
    """Organizations recognised by their shape. One that contains a known organization and
    says more ("the African Union Commission", "the Office of the United Nations High
    Commissioner for Refugees") is a body we lack: it replaces the shorter mention."""
    found = []
    # `known` is in text order and its mentions do not overlap, so their ends are in order
    # too: the ones a match overlaps are found by bisection, keeping the stage linear.
    ends = [m.end for m in known]
    replaced: set[int] = set()
    for match in _UNKNOWN_ORG.finditer(text):
        start, end = match.span()
        # a sentence's "The" or "In" is not part of the name ("The Organization of ...")
        lead = _LEAD_WORDS.match(match.group())
        if lead is not None:
            start += lead.end()
        words = text[start:end].split()
        if len(words) < 2 or words[0] in _NOT_ORG_START:
            continue
        if _ORDINAL_BEFORE.search(text[max(0, start - 20):start]):
            continue  # "the 13th Ministerial Conference": one meeting, not a body
        first = bisect_right(ends, start)
        last = first
        while last < len(known) and known[last].start < end:
            last += 1
        overlapping = known[first:last]
        if any(_STATUS_WORDS.match(text[m.end:end]) for m in overlapping):
            continue  # "ASEAN Member States" is ASEAN's members, not a body
        # a demonym inside the name's tail is part of it ("... of Ibero-American States")
        inner = [m for m in overlapping if not (m.kind == "adjective" and re.search(
            r"\b(?:of|for|on)\b", text[start:m.start]))]
        if any(m.type != "organization" or m.start < start or m.end > end
               or (m.start, m.end) == (start, end) for m in inner):
            continue
        # a body we lack extends a known name ("African Union Commission") or names it as
        # its parent ("Office of the United Nations High Commissioner"), or a known short
        # name is the tail of a longer one ("Collective Security Council" is not the UN's
        # Security Council); anything else in front of a known name is another word
        # ("Geneva The World Health Organization")
        if any(m.start != start and not re.search(r"\bof (?:the )?$", text[start:m.start])
               and not (m.kind == "alias" and m.end == end
                        and all(o.start == start for o in inner if o is not m))
               for m in inner):
            continue
        replaced.update(range(first, last))
        found.append(Mention(start, end, "organization", None, text[start:end], "shape"))
    # a match lies after every earlier one, so the mentions it replaces overlap no other
    known[:] = [m for i, m in enumerate(known) if i not in replaced]
    return found
