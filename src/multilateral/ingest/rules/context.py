"""What every rule sees of a sentence: its text, mentions and dates, and the article around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from multilateral.ingest.dates import DateMention
from multilateral.ingest.gazetteer import Gazetteer, words_of
from multilateral.ingest.mentions import Mention
from multilateral.ingest.sentences import Sentence
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Evidence, Fact, Modality

_PLANNED = re.compile(
    r"\b(?:will|shall|would|is to|are to|set to|expected to|due to|scheduled to|plans? to|"
    r"planning to|intends? to|intending to|going to|poised to|aims? to|hopes? to|seeks? to|"
    r"upcoming|forthcoming|next year|next month|is to be|are to be|"
    # "announced that it is withdrawing": the exit is under way, not done
    r"(?:is|are) (?:now |formally )?(?:withdrawing|leaving|quitting|exiting|pulling out))\b",
    re.IGNORECASE)
_KEEP_BODY_OF = {"UN"}
_CLAUSE = re.compile(r"[,;:(]|\b(?:while|whereas|but|and|although|after|because)\b")
# Words any body's name may carry; the rest of its name says whose body it is.
_BODY_WORDS = re.compile(r"(?i:the|of|for|on|and|supreme|high|joint|permanent|standing|"
                         r"executive|general|central|interstate|intergovernmental|"
                         r"council|commission|committee|assembly|secretariat|parliament|"
                         r"court|bank|fund|office|agency|conference|forum|group|"
                         r"heads|state|states|government|ministers|foreign|affairs|"
                         r"secretary|deputy|president|chair|chairperson|director)")
_NEGATED = re.compile(
    r"\b(?:not|never|no longer|declined|refused|rejected|turned down|failed to|denied|"
    r"did not|has not|have not|had not|didn't|hasn't|haven't|won't|cannot|"
    r"no (?:plans?|intention|desire|wish) (?:to|of))\b", re.IGNORECASE)


@dataclass
class Article:
    text: str
    published: PartialDate | None
    gazetteer: Gazetteer
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # read so far, for "the same status"
    shape_parents: dict[str, Mention | None] = field(default_factory=dict)
    named_orgs: list[tuple[int, Mention, set[str]]] | None = None


@dataclass
class Context:
    article: Article
    sentence: Sentence
    mentions: list[Mention]
    dates: list[DateMention]
    facts: list[Fact] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.sentence.text

    def rel(self, offset: int) -> int:
        """An article offset as an offset into the sentence."""
        return offset - self.sentence.start

    def orgs(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "organization"]

    def states(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "state" and m.kind != "adjective"]

    def topic_org(self) -> Mention | None:
        """The organization "the bloc" or "the organization" refers to: the last one named
        before this sentence (the article's subject, in the usual news paragraph)."""
        orgs = [self.organization_of(m) for m in self.article.mentions
                if m.type == "organization" and m.linked]
        if not orgs:
            return None
        weight: dict[str | None, int] = {}
        for org in orgs:
            weight[org.id] = weight.get(org.id, 0) + 1
        recent = {m.id for m in orgs if self.sentence.start - 400 <= m.end <= self.sentence.start}
        pool = [m for m in orgs if m.end <= self.sentence.start] or orgs
        # the organization the article is about: named most often, a little ahead if named
        # lately
        return max(reversed(pool), key=lambda m: weight[m.id] + (1 if m.id in recent else 0))

    def org_named_with(self, after: re.Pattern[str],
                       before: re.Pattern[str] | None = None) -> Mention | None:
        """The organization the article names most often right before `after` (or right
        after `before`): "the G20 presidency", "the BRICS summit"."""
        text = self.article.text
        counts: dict[str, tuple[int, Mention]] = {}
        for mention in self.article.mentions:
            if mention.type != "organization" or not mention.linked:
                continue
            if after.match(text, mention.end) or (before is not None and before.search(
                    text[max(0, mention.start - 24):mention.start])):
                org = self.organization_of(mention)
                key = org.id or org.name
                counts[key] = (counts.get(key, (0, org))[0] + 1, org)
        if not counts:
            return None
        return max(counts.values(), key=lambda count: count[0])[1]

    def organization_of(self, mention: Mention) -> Mention:
        """A body stands for its organization ("the SCO Council of Heads of State admitted
        Belarus"), except the UN's organs: observer status is held in the General Assembly."""
        parents = self.article.gazetteer.parents
        if mention.id in parents and parents[mention.id] not in _KEEP_BODY_OF:
            parent = parents[mention.id]
            return Mention(mention.start, mention.end, "organization", parent,
                           self.article.gazetteer.name_of("organization", parent), "body")
        return mention

    def parent_of_shape(self, mention: Mention) -> Mention:
        """A body the knowledge base lacks stands for the organization the article names whose
        name carries its distinctive words ("the Collective Security Council" for the
        Collective Security Treaty Organization, "the European Council" for the European
        Union); the mention itself when none does."""
        if mention.linked or mention.kind != "shape":
            return mention
        cache = self.article.shape_parents
        if mention.name not in cache:
            cache[mention.name] = self._named_parent(mention.name)
        parent = cache[mention.name]
        if parent is None:
            return mention
        return Mention(mention.start, mention.end, "organization", parent.id, parent.name,
                       "body")

    def _named_parent(self, name: str) -> Mention | None:
        every = re.findall(r"[A-Za-z][\w\-]*", name)
        for n in range(len(every) - 1, 0, -1):
            # "the AU Peace and Security Council": a known name at its head is its parent
            known = self._known_org(every[:n])
            if known is not None:
                return known
        words = [w for w in every if not _BODY_WORDS.fullmatch(w)]
        if not words:
            return None
        pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b")
        # by its name or by the words the article names it with ("OECD Council")
        fitting = [(count, org) for count, org, surfaces in self._named_orgs()
                   if pattern.search(org.name) or any(pattern.fullmatch(w) for w in surfaces)]
        if fitting:
            return max(fitting, key=lambda item: item[0])[1]
        # "the Council of the OECD": the rest of the name is a known organization's name
        return self._known_org(words)

    def _known_org(self, words: list[str]) -> Mention | None:
        key = words_of(" ".join(words))
        for known, entry in self.article.gazetteer.by_first.get(key[0], []) if key else []:
            if known == key and entry.type == "organization":
                org = Mention(0, 0, "organization", entry.id, entry.name, entry.kind)
                return self.organization_of(org)
        return None

    def _named_orgs(self) -> list[tuple[int, Mention, set[str]]]:
        """Each organization the article links, how often, and the words it is named with:
        gathered once per article, so that each new body name costs only the few of them."""
        if self.article.named_orgs is None:
            named: dict[str, tuple[int, Mention, set[str]]] = {}
            for other in self.article.mentions:
                if other.type != "organization" or not other.linked:
                    continue
                org = self.organization_of(other)
                if org.id is None:
                    continue
                count, first, surfaces = named.get(org.id, (0, org, set()))
                surfaces.add(self.article.text[other.start:other.end])
                named[org.id] = (count + 1, first, surfaces)
            self.article.named_orgs = list(named.values())
        return self.article.named_orgs

    def places(self) -> list[Mention]:
        return [m for m in self.mentions if m.type == "place"]

    def dated(self) -> list[DateMention]:
        return [d for d in self.dates if d.date is not None or d.partial is not None]

    def between(self, start: int, end: int) -> str:
        """Article text between two article offsets."""
        return self.article.text[start:end]

    def modality(self, start: int | None = None, end: int | None = None, *,
                 clause: bool = False) -> Modality:
        """Planned or negated when the words around the trigger say so, else asserted.
        With `clause`, only the words of the trigger's own clause count."""
        lo = self.sentence.start if start is None else max(self.sentence.start, start - 70)
        hi = self.sentence.end if end is None else min(self.sentence.end, end + 25)
        if clause and start is not None and end is not None:
            head = self.article.text[lo:start]
            cut = max((m.end() for m in _CLAUSE.finditer(head)), default=0)
            lo += cut
            tail = _CLAUSE.search(self.article.text[end:hi])
            if tail:
                hi = end + tail.start()
        window = self.article.text[lo:hi]
        if _NEGATED.search(window):
            return "negated"
        if _PLANNED.search(window):
            return "planned"
        return "asserted"

    @property
    def evidence(self) -> Evidence:
        """A rule's evidence: the sentence that states the fact."""
        return Evidence(self.sentence.start, self.sentence.end, self.sentence.text)

    def emit(self, fact: Fact) -> None:
        self.facts.append(fact)


def entity_fields(prefix: str, mention: Mention | None) -> dict[str, Any]:
    """`org`/`org_id` (and `org_mention` when the knowledge base lacks it) for a mention, as
    keyword arguments of a fact."""
    if mention is None:
        return {prefix: None, f"{prefix}_id": None}
    out: dict[str, Any] = {prefix: mention.name, f"{prefix}_id": mention.id}
    if mention.id is None:
        out[f"{prefix}_mention"] = mention.name
    return out


def date_fields(mention: DateMention | None, key: str = "date") -> dict[str, Any]:
    if mention is None:
        return {key: None}
    out: dict[str, Any] = {key: mention.text_date}
    if mention.date is not None:
        out[f"{key}_basis" if key != "date" else "date_basis"] = mention.basis
    if mention.partial is not None:
        out[f"{key}_partial" if key != "date" else "date_partial"] = mention.partial
    return out
