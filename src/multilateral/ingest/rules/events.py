"""Event facts: summits, meetings, conferences, sessions, with organizers, place and dates."""

from __future__ import annotations

import re

from multilateral.ingest.dates import DateMention
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields
from multilateral.model.facts import Event, EventKind, Modality

_KINDS: list[tuple[EventKind, re.Pattern[str]]] = [
    # "the Forty-Second Regular Meeting of the Conference of Heads of Government": the
    # conference is the body; its meeting is the event, and a meeting of heads is a summit
    ("summit", re.compile(r"\b(?:meeting|session)s? of (?:the )?(?:Conference|Assembly|Council|"
                          r"summit) of (?:the )?Heads of (?:State|Government)\b", re.I)),
    ("high_level_event", re.compile(r"\bhigh[- ]level (?:special )?(?:event|meeting|dialogue)\b",
                                    re.I)),
    ("summit", re.compile(r"\bsummits?\b|\bCouncil of (?:the )?Heads of State\b", re.I)),
    ("conference", re.compile(r"\bconferences?\b", re.I)),
    ("session", re.compile(r"\bsessions?\b|\bplenary\b", re.I)),
    ("meeting", re.compile(r"\b(?:ministerial(?: meeting| council)?|meetings?|talks|forum|"
                           r"Council of (?:the )?(?:Foreign )?Ministers)\b", re.I)),
]
_HAPPENED = re.compile(
    r"\b(?:held|hosted|host|hosts|hosting|organi[sz](?:ed|es|ing)|convened|convenes|"
    r"took place|takes place|take place|taking place|met|meet|opened|opens|attended|chaired|"
    r"gathered|scheduled|due to|take part|takes part|took part|"
    r"concluded|ended|closed|wrapped up|will be held|is to be held|began|kicked off|"
    r"on the sidelines of|at the|during the)\b", re.I)
_ORGANIZED = re.compile(r"\b(?:organi[sz]ed|hosted|convened|co-organi[sz]ed)\s+(?:by|with)\b|"
                        r"\b(?:organi[sz]ed|hosted|convened)\b", re.I)
_CHAIRED = re.compile(r"\b(?:chaired by|under the chairmanship of|presided over by)\s+", re.I)
_ORDINAL = re.compile(r"(?:\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
                      r"seventh|eighth|ninth|tenth|[A-Z][\w\-]*)\s+)*$")


_SUMMIT_LIKE = re.compile(r"\b(?:summits?|heads? of (?:state|government)|leaders'? (?:meeting|"
                          r"summit)|Supreme [\w ]*Council|Collective Security Council|CHOGM|"
                          r"Council of Heads|European Council|AU Assembly|Assembly of the "
                          r"African Union)\b", re.I)
_MINISTERIAL = re.compile(r"\b(?:ministerial|(?:foreign )?ministers|Committee of Ministers|"
                          r"Ministerial Council)\b", re.I)
_LEADERS_MET = re.compile(r"\b(?P<who>leaders|heads of state|ministers)\s+(?:first\s+|last\s+|"
                          r"are due to\s+|will\s+|are to\s+)?(?:met|meet|gathered|convened)\b",
                          re.I)


# "African leaders, who convened in Addis Ababa for the 28th AU ordinary session": a
# session leaders come to is a summit
_LEADERS_CAME = re.compile(r"\b(?:leaders|heads of state|presidents)\b,?\s+(?:who\s+)?(?:have\s+)?"
                           r"(?:met|convened|gathered|arrived)\b[^.;]{0,80}$", re.I)


def _referred_event(ctx: Context, match: re.Match[str]) -> EventKind | None:
    """"arrived in Ashgabat for the session": a bare "the session" is the event the article
    has just reported, whatever it was called there."""
    if not re.search(r"\bthe\s+$", ctx.text[max(0, match.start() - 4):match.start()]) or \
            match.group().lower() not in ("session", "meeting", "conference"):
        return None
    earlier = next((f for f in reversed(ctx.article.facts) if isinstance(f, Event)), None)
    return earlier.kind if earlier is not None else None


def _kind(ctx: Context, kind: EventKind, match: re.Match[str]) -> EventKind:
    """Heads of state meeting is a summit whatever the text calls it; ministers meeting is a
    meeting; the rest as the word says."""
    window = ctx.text[max(0, match.start() - 100):match.end() + 60]
    if kind in ("session", "meeting") and (_SUMMIT_LIKE.search(window) or _LEADERS_CAME.search(
            ctx.text, 0, match.start())):
        return "summit"
    earlier = _referred_event(ctx, match)
    if earlier is not None:
        return earlier
    if kind == "session" and _MINISTERIAL.search(window):
        return "meeting"
    if kind in ("session", "meeting") and re.search(r"\b(?:of the|the) Council\b|\bthe next "
                                                     r"(?:meeting|session)\b", ctx.text):
        # "the next session of the Council": the council the article is about
        head = ctx.article.text[:400]
        if _SUMMIT_LIKE.search(head):
            return "summit"
        if _MINISTERIAL.search(head):
            return "meeting"
    return kind


# "at their summit", "during a summit", "at Friday's meeting", "in a formal meeting": the
# words before the event's name that set it in time or place.
_SET_IN = re.compile(r"\b(?:at|during|in|to|for)\s+(?:a|an|the|its|their|this|[A-Z]\w+['’]s)"
                     r"\s+(?:[\w-]+\s+){0,4}$", re.I)
# "73 summits have been held": a count of events, not one
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                      r"hundreds|several|many|numerous)\s+(?:[\w-]+\s+){0,2}$", re.I)
_NEXT = re.compile(r"\b(?:next|upcoming|forthcoming)\s+(?:[\w-]+\s+){0,3}$", re.I)
# ", held in Bishkek on 13 June": an event the sentence names in passing, with its own place
_HELD_AFTER = re.compile(r"^(?:\s+of\s+(?:the\s+)?[\w ]{0,60}?)?,?\s+(?:which was\s+)?held\s+"
                         r"(?:in|on|at)\b")
# "a meeting of the Council ... will be held in Moscow": the verb may come long after the name
_WILL_BE_HELD = re.compile(r"[^;]*?\b(?:will|shall|is to|are to|(?:is|are) (?:due|scheduled|set|"
                           r"expected) to)\s+(?:\w+\s+)?(?:be\s+)?(?:held|hosted|take place|"
                           r"convene|open)\b", re.I)
_DEFERRED = re.compile(r"\b(?:defer(?:s|red|ring)?|postpon(?:e|es|ed|ing)|cancel(?:s|led|ed|ling)?|"
                       r"call(?:ed|ing)? off)\s+(?:the\s+)?(?:hosting\s+of\s+)?(?:the\s+)?"
                       r"(?:[\w()-]+\s+){0,8}$", re.I)
_MOVED_TO = re.compile(r"(?:\s+[\w()-]+){0,5}?\s+(?:to|until|till)\s+(?:the\s+year\s+|"
                       r"next\s+)?", re.I)
_RECALLED = re.compile(r"\b(?:recall(?:s|ed|ing)?|referr(?:ed|ing) to|recalls|previous|earlier|"
                       r"following)\b", re.I)
# "ahead of the Arab League Summit": the summit is still to come
_AHEAD = re.compile(r"\b(?:ahead of|in the run-up to|in preparation for|to prepare for)\s+"
                    r"(?:[\w'’-]+\s+){0,6}$", re.I)
# the event's own phrase up to its place: "Summit in", "meeting of ... from A and B in"
_OWN_PLACE = re.compile(r"(?:\s+of\s+[^;:()]{0,90}?)?,?\s+(?:(?:which was|was|is|will be)\s+)?"
                        r"(?:held\s+)?(?:in|at)\s+(?:the\s+)?")
_LATER_CLAUSE = re.compile(r"[;]|,\s*(?:where|while|whereas|but)\b", re.I)
_DURING = re.compile(r"\b(?:during|at)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}$", re.I)


def extract(ctx: Context) -> None:
    leaders = _LEADERS_MET.search(ctx.text)
    for kind, pattern in _KINDS:
        match = pattern.search(ctx.text)
        if match is not None and _counted(ctx, match):
            continue  # "73 summits have been held (51 meetings of the Council ...)"
        if match is None:
            if kind != "meeting" or leaders is None:
                continue
            match = leaders
            kind = "summit" if leaders.group("who").lower() != "ministers" else "meeting"
        kind = _kind(ctx, kind, match)
        lead = ctx.text[max(0, match.start() - 60):match.start()]
        dated = [d for d in ctx.dated()]
        if not (_HAPPENED.search(ctx.text) or _SET_IN.search(lead) or _NEXT.search(lead)):
            # "the 75th session adopted ... during its 58th meeting": the later one is set
            _named_in_passing(ctx, match.end(), _date(ctx, dated, ctx.sentence.start
                                                      + match.start()))
            return
        place = _place(ctx, match)
        if not dated and place is None:
            return
        at = ctx.sentence.start + match.start()
        date = _date(ctx, dated, at)
        if date is None and place is None:
            return  # the sentence's dates are all another thing's
        organizers = _organizers(ctx)
        modality = ctx.modality(at, at + len(match.group()))
        deferred = _DEFERRED.search(lead)
        if deferred is not None:
            # "deferring the hosting of the 2019 summit": the 2019 one will not be held
            own = [d for d in dated if ctx.sentence.start + match.start() - len(lead)
                   + deferred.start() <= d.start < at]
            date = own[-1] if own else date
            modality = "negated"
        if modality == "asserted" and (_NEXT.search(lead) or _AHEAD.search(lead) or
                                       _WILL_BE_HELD.match(
                ctx.text, match.end()) or _after_the_article(ctx, date)):
            modality = "planned"  # "the next session", "... will be held in Moscow"
        elif modality == "asserted" and _RECALLED.search(lead) and \
                _HELD_AFTER.match(ctx.text[match.end():]):
            modality = "reported"  # "recalling the 12th meeting, held in Astana in 2019"
        ctx.emit(Event(
            kind=kind, name=_name(ctx, match), **date_fields(date),
            end_date=str(date.end_date) if date and date.end_date else None,
            place=place.name if place else None, place_id=place.id if place else None,
            organizers=[m.name for m in organizers], organizer_ids=[m.id for m in organizers],
            chair=_chair(ctx), evidence=ctx.evidence, confidence=0.65, modality=modality))
        moved_to = _MOVED_TO.match(ctx.text, match.end()) if deferred else None
        later = [d for d in dated if moved_to and d.start >= ctx.sentence.start + match.end()]
        if later:
            # "... to the year 2022": the one it is moved to is planned
            ctx.emit(Event(
                kind=kind, name=_name(ctx, match), **date_fields(later[0]),
                organizers=[m.name for m in organizers],
                organizer_ids=[m.id for m in organizers], evidence=ctx.evidence,
                confidence=0.6, modality="planned"))
        _named_in_passing(ctx, match.end(), date)
        return


def _after_the_article(ctx: Context, date: DateMention | None) -> bool:
    """An event dated after the article's own day has not been held yet."""
    published = ctx.article.published
    if date is None or date.date is None or published is None:
        return False
    written = str(date.date)
    return written > str(published)[:len(written)]


def _counted(ctx: Context, match: re.Match[str]) -> bool:
    return match.group().lower().endswith("s") and _COUNTED.search(
        ctx.text[max(0, match.start() - 30):match.start()]) is not None


def _named_in_passing(ctx: Context, after: int, main_date: DateMention | None) -> None:
    """Further events the sentence names after its first: "the 19th meeting, held in
    Bishkek on 13 and 14 June 2019" (an earlier event, `reported`), "during its 58th
    meeting" (the date the sentence gives)."""
    found = sorted((m.start(), m, kind) for kind, pattern in _KINDS
                   for m in pattern.finditer(ctx.text, after))
    last_end = after
    for _, match, kind in found:
        if match.start() < last_end:
            continue
        rest = ctx.text[match.end():]
        held = _HELD_AFTER.match(rest)
        during = _DURING.search(ctx.text[max(0, match.start() - 40):match.start()])
        if held is None and during is None:
            continue
        at = ctx.sentence.start + match.start()
        last_end = match.end()
        if held is not None:
            stop = re.search(r"[;)]|,\s*(?:and\s+)?(?:the|its|which|while)\b|\.\s",
                             rest[held.end():])
            stretch_end = at + len(match.group()) + held.end() + (
                stop.start() if stop else len(rest) - held.end())
            places = [p for p in ctx.places() if at < p.start < stretch_end]
            dates = [d for d in ctx.dated() if at < d.start < stretch_end]
            date = dates[0] if dates else None
            place = places[0] if places else None
            modality: Modality = "planned" if re.search(
                r"\b(?:to be|will be)\s+held\b", rest[:held.end()]) else "reported"
            last_end = stretch_end - ctx.sentence.start
        else:
            date, place, modality = main_date, None, ctx.modality(at, at + len(match.group()))
        if date is None and place is None:
            continue
        ctx.emit(Event(
            kind=_kind(ctx, kind, match), name=_name(ctx, match), **date_fields(date),
            end_date=str(date.end_date) if date and date.end_date else None,
            place=place.name if place else None, place_id=place.id if place else None,
            evidence=ctx.evidence, confidence=0.6, modality=modality))


def _date(ctx: Context, dated: list[DateMention], at: int) -> DateMention | None:
    # The meeting's own date is the most precise one near it, not a founding year
    # the same sentence recalls ("the SCO, established in 2001, ...").
    usable = [d for d in dated if not re.search(
        r"\b(?:established|founded|created|since|in force)\s+(?:in\s+|on\s+)?$|"
        # "it has established the National Secretariat in February 2018": the body's date
        r"\b(?:established|founded|created|set up)\s+(?:the|a|an)\s+[^,.;]{0,50}?\b(?:in|on)\s+$",
        ctx.between(max(ctx.sentence.start, d.start - 70), d.start), re.I)]
    # "has declared that the 2022 summit ...": a date set before another event's word is
    # that event's
    usable = [d for d in usable if not _premodifies_other(ctx, d, at)]
    if not usable:
        return None
    # "On 19 November 2019, X organized ...": the date that opens the sentence is the event's
    opening = [d for d in usable if d.date is not None and d.date.day is not None
               and re.fullmatch(r"\W*(?:On|on)?\s*", ctx.between(ctx.sentence.start, d.start))]
    if opening:
        return opening[0]
    # asides in parentheses ("Chair for 2019-2020") date something else
    usable = [d for d in usable if _paren_depth(ctx, d.start) == _paren_depth(ctx, at)] or usable
    # the date in the event's own clause, nearest to it (after it first); then the most
    # precise one in the sentence
    clause = [d for d in usable if not re.search(r"[;]|,\s*(?:which|where|after|when)\b",
                                                 ctx.between(min(d.end, at), max(d.start, at)))]
    if clause:
        return min(clause, key=lambda d: (d.start < at, abs(d.start - at)))
    rank = {"day": 0, "month": 1, "year": 2}
    return min(usable, key=lambda d: (rank[d.date.precision.value] if d.date else 3,
                                      abs(d.start - at)))


_EVENT_WORD_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:summits?|meetings?|sessions?|"
                               r"conferences?)\b", re.I)


def _premodifies_other(ctx: Context, date: DateMention, at: int) -> bool:
    after = _EVENT_WORD_AFTER.match(ctx.article.text, date.end, ctx.sentence.end)
    return after is not None and date.end + len(after.group()) - 1 < at or (
        after is not None and date.start > at)


def _paren_depth(ctx: Context, offset: int) -> int:
    head = ctx.between(ctx.sentence.start, offset)
    return head.count("(") - head.count(")")


def _name(ctx: Context, match: re.Match[str]) -> str:
    head = _ORDINAL.search(ctx.text[:match.start()])
    start = head.start() if head else match.start()
    name = re.sub(r"^(?:The|A|An)\s+", "", ctx.text[start:match.end()].strip())
    return name or match.group()


def _place(ctx: Context, match: re.Match[str]) -> Mention | None:
    """The place of the event's own phrase ("the Arab League Summit in Saudi Arabia", "a
    meeting of ministers from four states in Jordan"), a state too; else the first venue
    the sentence names, but not one of a later clause ("..., where the bloc met China in
    Beijing") nor one before a far earlier trigger."""
    end = ctx.sentence.start + match.end()
    for mention in sorted(ctx.places() + ctx.states(), key=lambda m: m.start):
        if mention.start >= end and (mention.type == "state" or mention.kind != "city"
                                     or mention.id is not None) and \
                _OWN_PLACE.fullmatch(ctx.between(end, mention.start)) and not \
                re.match(r"['’]s?\s", ctx.between(mention.end, mention.end + 3)):
            # "in Fiji's capital, Suva": the state of a possessive is not the venue
            if mention.type == "state":
                return Mention(mention.start, mention.end, "place", None, mention.name,
                               "state")
            return mention
    venues = [p for p in ctx.places() if (p.kind != "city" or p.id is not None)
              and not (p.start > end and _LATER_CLAUSE.search(ctx.between(end, p.start)))]
    return venues[0] if venues else None


def _organizers(ctx: Context) -> list[Mention]:
    match = _ORGANIZED.search(ctx.text)
    if match is None:
        return []
    at = ctx.sentence.start + match.start()
    actors = sorted((m for m in ctx.orgs() + ctx.states() if m.kind != "adjective"),
                    key=lambda m: m.start)
    chosen: list[Mention] = []
    if match.group().lower().endswith("by"):
        chosen = [m for m in actors if m.start > at][:2]
    else:
        # the subjects before "organized", leaving out asides in parentheses and
        # "Permanent Mission to the UN"-style complements
        for mention in actors:
            if mention.start >= at:
                break
            before = ctx.between(ctx.sentence.start, mention.start)
            if before.count("(") > before.count(")") or re.search(
                    r"\b(?:to|of|at|in)\s+(?:the\s+)?$", before):
                continue
            chosen.append(mention)
        if match.group().lower().endswith("with"):
            chosen += [m for m in actors if m.start > at][:1]
    unique: dict[str, Mention] = {}
    for mention in chosen:
        unique.setdefault(mention.id or mention.name, mention)
    return list(unique.values())


def _chair(ctx: Context) -> str | None:
    match = _CHAIRED.search(ctx.text)
    if match is None:
        return None
    at = ctx.sentence.start + match.end()
    following = [m for m in ctx.mentions if m.type == "state" and m.start >= at]
    return following[0].name if following else None
