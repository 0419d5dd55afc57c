"""Which organization a membership fact is in: the nearest one the sentence names, a body's
organization, the treaty a state joined, or the article's own; and the ones a date rules out."""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context

_REFERS = re.compile(r"\b(?:the (?:bloc|organi[sz]ation|group|grouping|alliance|union|body|"
                     r"association|community|club|forum)|its|membership|members? (?:states?|"
                     r"countries))\b", re.I)

# "joined the Treaty": a party to an instrument, not a member of the article's organization
_INSTRUMENT_JOINED = re.compile(r"\s+the\s+(?P<word>Treaty|Convention|Agreement|Protocol|Pact|"
                                r"Charter|Accord)\b")

_INSTRUMENT_LOOKBACK = 3000

_NOT_NAME_START = {"The", "A", "An", "In", "On", "Under", "By", "This", "That", "Its", "Their"}

def containers_of(ctx: Context, members: list[Mention]) -> list[Mention]:
    member_spans = {(m.start, m.end) for m in members}
    options = []
    for mention in ctx.orgs():
        if (mention.start, mention.end) in member_spans or not (mention.linked or
                                                                 mention.kind == "shape"):
            continue
        if re.match(r"['’]s (?:predecessor|successor|forerunner)",
                    ctx.between(mention.end, mention.end + 20)):
            continue  # "the OAU, the AU's predecessor": the AU is not where Morocco was
        options.append(_one_word_alias(ctx, ctx.parent_of_shape(ctx.organization_of(mention))))
    return options

def _one_word_alias(ctx: Context, mention: Mention) -> Mention:
    """"the Commonwealth" in an article about the Commonwealth of Independent States is that
    organization: a one-word name means the article's organization when its name has it."""
    surface = ctx.between(mention.start, mention.end)
    if " " in surface or mention.kind != "alias":
        return mention
    topic = ctx.topic_org()
    if topic is not None and topic.id != mention.id and re.search(
            rf"\b{re.escape(surface)}\b", topic.name):
        return Mention(mention.start, mention.end, "organization", topic.id, topic.name,
                       "reference")
    return mention

def container(ctx: Context, containers: list[Mention], word: str, start: int, end: int,
              member: Mention, *, implied: bool) -> Mention | None:
    """The organization a trigger at `start`-`end` speaks of: the nearest one named (a known one
    before one only recognised by its shape), else the article's, where the sentence implies
    membership (`implied`)."""
    instrument = _INSTRUMENT_JOINED.match(ctx.article.text, end, ctx.sentence.end)
    if instrument is not None and word == "joined":
        return _instrument_named(ctx, instrument.group("word"))
    if not containers:
        if _REFERS.search(ctx.text) or implied:
            return ctx.topic_org()
        return None
    anchor = start

    def distance(mention: Mention) -> tuple[bool, int]:
        # a known organization before one we only recognise by its shape
        return (not mention.linked,
                min(abs(mention.start - anchor), abs(mention.start - member.start)))
    return min(containers, key=distance)

def _instrument_named(ctx: Context, word: str) -> Mention | None:
    """"joined the Treaty": the treaty the article named last ("the Collective Security
    Treaty was signed ..."), unlinked and in the text's words; looked for in a bounded
    stretch before the sentence, so that reading stays linear."""
    lo = max(0, ctx.sentence.start - _INSTRUMENT_LOOKBACK)
    pattern = re.compile(rf"\b(?:[A-Z][\w\-]*\s+){{1,6}}{word}\b")
    for name in reversed(list(pattern.finditer(ctx.article.text, lo, ctx.sentence.start))):
        words = name.group().split()
        while words and words[0] in _NOT_NAME_START:
            words = words[1:]
        if len(words) >= 2:  # "The Treaty also provides ...": the same treaty, unnamed
            return Mention(name.start(), name.end(), "organization", None, " ".join(words),
                           "shape")
    return None

def existing_on(ctx: Context, org: Mention, date: object) -> Mention:
    """An acronym of an organization dissolved before the fact's date (or the article's,
    for an undated fact) names another body: "the EEC" in a 2015 text about the Eurasian
    union is not the European Economic Community of 1957-1992. It stays, unlinked, in the
    text's words; "joined the EEC in 1973" keeps its link."""
    ended = ctx.article.gazetteer.ended.get(org.id or "")
    if ended is None or org.kind != "acronym":
        return org
    year = str(date)[:4] if date else (str(ctx.article.published.year)
                                       if ctx.article.published else "")
    if not year.isdigit() or int(year) <= ended:
        return org
    return Mention(org.start, org.end, "organization", None, ctx.between(org.start, org.end),
                   "shape")
