"""Membership facts: who joined, left, holds, was granted or applied for which status.

One sentence may name a whole list ("eight Member States - India, China, ...");
each named member becomes its own fact. One sentence may also say two things
("With the accession of Belarus, the SCO now comprises ten members: ..."): each
member takes the trigger nearest before it (or, failing one, after it). The
change follows one rule (gold/README.md): becoming a member is `joined`, any
other status conferred is `granted`, a status stated as current is `holds`.
"""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, entity_fields
from multilateral.ingest.rules.membership_dates import (
    Trigger,
    clause_break_between,
    holds_date,
    member_date,
    since_date,
)
from multilateral.ingest.rules.membership_members import (
    OWN_VERB_AFTER,
    list_head,
    list_tail_end,
    members_of,
)
from multilateral.ingest.rules.membership_orgs import container, containers_of, existing_on
from multilateral.model.facts import Change, Membership
from multilateral.model.status import Status

_STATUS = re.compile(
    r"\b(?P<s>full[- ]fledged members?|full members?|full membership|members?hip|members?|"
    r"member (?:states?|countr(?:y|ies)|nations?)|observers?(?: status| states?| countr(?:y|ies))?|"
    r"dialogue partners?(?:hip)?(?: status)?|sectoral dialogue partners?|"
    r"partner (?:countr(?:y|ies)|states?)|partners?(?= status)|associate members?(?:hip)?|"
    r"candidates?(?: status| countr(?:y|ies))?|candidacy|suspended|suspension)\b",
    re.IGNORECASE)
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("lifted", re.compile(r"\b(?:lift(?:ed|s|ing)? (?:the |its |their )?suspension|"
                          r"reinstat(?:ed|es|ing|e|ement)|restored)\b", re.I)),
    ("held_suspended", re.compile(r"\b(?:are|is|remain(?:s|ed)?|currently|still|stand) "
                                  r"(?:currently |still )?suspended\b", re.I)),
    ("suspended", re.compile(r"\bsuspen(?:ded|ds|d|sion|ding)\b", re.I)),
    ("left", re.compile(r"\b(?:left|leav(?:e|es|ing)|withdr(?:ew|aw|awn|awal|awing|aws)|"
                        r"exit(?:ed|s|ing)?|quit|expell?(?:ed|s|ing)?|expulsion|departure|"
                        r"ceas(?:ed|es|e) to be|pulled out|exclu(?:ded|sion) from)\b", re.I)),
    ("applied", re.compile(r"\b(?:appl(?:ied|y|ies|ying|ication)s?|bid to (?:join|become)|"
                           r"requested (?:to join|membership)|request to join|"
                           r"wish(?:es)? to (?:join|become)|seek(?:s|ing)? to (?:join|become))\b",
                           re.I)),
    ("candidacy", re.compile(r"\bopen(?:ed|s|ing)? accession (?:discussions|talks|"
                             r"negotiations|process(?:es)?) with\b", re.I)),
    ("granted", re.compile(r"\b(?:grant(?:ed|s|ing)?|conferr?(?:ed|ing|s)?|accorded|awarded|"
                           r"gave|given|elevat(?:ed|ing)|received|obtained|gained)\b", re.I)),
    ("founders", re.compile(r"\b(?:found(?:ing|er) (?:members?|states?|nations?|countries)|"
                            r"founders?|(?:founded|established|set up|created)\b[^.;]{0,60}?\bby"
                            r"(?!\s+(?:the\s+)?(?:Treaty|Charter|Agreement|Convention|decision|"
                            r"resolution|a\s)))\b", re.I)),
    ("joined", re.compile(r"\b(?:(?:re)?join(?:ed|s|ing)?|accession|acced(?:ed|es|ing|e)|"
                          r"readmi(?:tted|ts|t|ssion)|(?:was|were|been) added|"
                          r"admi(?:tted|ts|t|ssion|tting)|bec(?:ame|ome|omes|oming)|"
                          r"welcom(?:ed|es|ing)|inclu(?:sion|ded) as|entered|entry)\b", re.I)),
    ("holds_list", re.compile(r"\b(?:compris(?:es|ing|ed)|consists? of|brings together|"
                              r"composed of|made up of|unites|takes? (?:its|their) place "
                              r"alongside|remains? (?:formally |still )?(?:one of|among))\b",
                              re.I)),
    # "Ghana – a Commonwealth member –": an apposition says what the state is
    ("apposition", re.compile(r"[–—]\s*(?:also\s+)?an?\s+(?:[A-Z][\w\-]*\s+)?member\b")),
    ("holds", re.compile(r"\b(?:includ(?:es|ing)|"
                         r"(?:are|were|is|remains?|remained) (?:now |currently |still |formally )?"
                         r"(?:an? |the |its |full )?(?:[a-z]+ )?"
                         r"(?:members?|observers?|dialogue partners?|partners?|candidates?)|"
                         r"members?(?:[- ]states|[- ]countries)?"
                         r"(?: of (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*)*)?"
                         r"\s+(?:are|were|include)|"
                         r"as (?:an? )?(?:observers?|observer states?|dialogue partners?|"
                         r"associate members?)|holding (?:\w+ )?(?:candidate|observer|member)|"
                         r"h[oe]lds? (?:the |an? )?(?:observer|dialogue partner|partner|"
                         r"associate|candidate)|enjoys? (?:observer|dialogue)|"
                         r"counts|now has(?= (?:[\w\-]+\s+){0,2}(?:members?|member states|"
                         r"states|countries|nations|observers|partners)\b)|"
                         r"ha(?:s|ve) (?:the )?status of|"
                         r"ha(?:s|ve) (?:an? )?(?:observer|dialogue partner|partner|associate|"
                         r"candidate)(?: member)? status|"

                         r"(?:member[- ]states|members|observers|dialogue partners|partners|"
                         r"candidates)\s*(?:are|were|:|[-–—]))", re.I)),
]
_STATUS_VALUE = (("suspen", Status.SUSPENDED), ("observer", Status.OBSERVER),
                 ("dialogue", Status.DIALOGUE_PARTNER), ("associate", Status.ASSOCIATE),
                 ("candida", Status.CANDIDATE), ("partner", Status.PARTNER),
                 ("member", Status.MEMBER))
# Verbs that name membership itself, so that no status word is needed.
_IMPLY_MEMBER = ("joined", "left", "suspended", "lifted", "applied", "founders", "held_suspended",
                 "holds_list", "candidacy", "apposition")
# "would leave", "is withdrawing", "no plans of rejoining": a plan names membership too
_VERB_IMPLIES = re.compile(r"\b(?:join(?:ed|s|ing)?|acced(?:ed|es|ing|e)|accession|"
                           r"rejoin(?:ed|s|ing)?|withdr(?:ew|aw|awn|awal|awing|aws)|left|"
                           r"leav(?:e|es|ing)|quit(?:s|ting)?|exit(?:ed|s|ing)?|expell?ed|expulsion|"
                           r"suspen(?:ded|sion|ding|ds|d)|reinstat(?:ed|ement)|readmitted|"
                           r"ceas(?:ed|es|e) to be|(?:was|were|been) added|"
                           r"open(?:ed|s|ing)? accession|"
                           r"appl(?:ied|ication)|"
                           r"admitted (?:to|into)|found(?:ing|er)|founded|established|"
                           r"compris(?:es|ing|ed)|consists? of|brings together|composed of|"
                           r"made up of)\b",
                           re.I)
_JOINED_PEOPLE = re.compile(r"^\s+(?:the\s+|their\s+|other\s+)?(?:leaders?|heads?|"
                            r"delegations?|delegates|colleagues|counterparts|ministers|"
                            r"presidents|talks|meetings?|summit|ceremony|discussions?|"
                            r"call|protests?|efforts?|forces|ranks of the (?:leaders|heads))\b",
                            re.I)
# How far a trigger reaches forward to the list it speaks of; further on, the sentence has
# moved on to another matter ("the withdrawal from the OAS ... recalling the coups in ...")
_REACH = 150
_STATIVE_FOUNDER = re.compile(r"\b(?:is|are|remains?)\s+(?:one of\s+)?(?:an?\s+|the\s+|"
                              r"its\s+|their\s+)?(?:\w+\s+)?$", re.I)
# Further than this from its trigger (or its list's head), a member is a guess.
_NEAR = 60
# The act named by a noun: often an act of another sentence's subject, or one only mentioned.
_NOUN_TRIGGER = re.compile(r"(?i:applications?|accession|admission|entry|withdrawal|departure|"
                           r"expulsion|suspension|membership|exit|candidacy)")
_NOT_A_CHANGE = re.compile(r"\s+(?:its\s+|their\s+)?(?:independence|sovereignty|recognition|"
                           r"work|participation in (?:the )?(?:work|activities)|activities|"
                           r"cooperation|involvement|behind|office|power|"
                           # "joins congratulations to", "joined the calls for": no body
                           r"(?:in\s+)?(?:the\s+)?(?:congratulations|celebrations|calls?|"
                           r"efforts|forces|chorus))\b", re.I)


def status_value(words: str) -> Status:
    low = words.lower()
    for stem, value in _STATUS_VALUE:
        if stem in low:
            return value
    return Status.MEMBER


# "nine non-member states": the opposite of a status
_NON_STATUS = re.compile(r"\bnon[- ]?$", re.I)
# The organs a state's admission passes through; its membership is the UN's.
_UN_ORGANS = {"UNSC", "UNGA"}
_LIKE = re.compile(r"\s*,?\s*(?:like|unlike|as did|as with)\s+(?:the\s+)?[A-Z]")
_SAME_STATUS = re.compile(r"\bthe same status (?:was|has been|is) (?:also )?(?:granted|given|"
                          r"accorded) to\b", re.I)


def extract(ctx: Context) -> None:
    if _same_status(ctx):
        return
    triggers = _triggers(ctx)
    if not triggers:
        return
    statuses = [(ctx.sentence.start + m.start(), ctx.sentence.start + m.end(), m.group("s"))
                for m in _STATUS.finditer(ctx.text)
                if not _NON_STATUS.search(ctx.text, max(0, m.start() - 4), m.start())]
    if not statuses and not _VERB_IMPLIES.search(ctx.text):
        return
    members = members_of(ctx)
    if not members:
        return
    containers = containers_of(ctx, members)
    for member in members:
        for trigger in _triggers_for(ctx, member, triggers):
            _emit(ctx, member, trigger, statuses, containers, triggers)


def _same_status(ctx: Context) -> bool:
    """"The same status was granted to Ukraine": the status, organization and date of the
    grant the article reported just before."""
    match = _SAME_STATUS.search(ctx.text)
    if match is None:
        return False
    previous = next((f for f in reversed(ctx.article.facts) if isinstance(f, Membership)
                     and f.change == "granted"), None)
    if previous is None:
        return False
    at = ctx.sentence.start + match.end()
    for member in ctx.states():
        if member.start >= at:
            ctx.emit(Membership(
                org=previous.org, org_id=previous.org_id, status=previous.status,
                change=previous.change, date=previous.date, date_basis=previous.date_basis,
                **entity_fields("state", member), evidence=ctx.evidence, confidence=0.6,
                modality=ctx.modality(ctx.sentence.start + match.start(), at, clause=True)))
    return True


def _triggers(ctx: Context) -> list[Trigger]:
    found: list[Trigger] = []
    for word, pattern in _TRIGGERS:
        for match in pattern.finditer(ctx.text):
            start, end = ctx.sentence.start + match.start(), ctx.sentence.start + match.end()
            if any(t.start < end and start < t.end for t in found):
                continue
            trigger = Trigger(word, start, end)
            if word == "joined" and _object_is_state(ctx, trigger):
                continue  # "now join Albania and Serbia among the candidates"
            if word == "holds_list" and not ctx.between(ctx.sentence.start, start).strip():
                continue  # "Comprising the southern states, South Sudan is ...": a participle
            if _NOT_A_CHANGE.match(ctx.article.text, trigger.end, ctx.sentence.end):
                continue  # "gained independence", "suspended their work": no status changes
            if word == "joined" and re.search(
                    r"\b(?:Protocol|Treaty|Agreement|Memorandum)\b[^.;]{0,50}$",
                    ctx.between(max(ctx.sentence.start, start - 60), start)):
                continue  # "the Protocol on the Accession of ...": an instrument's title
            found.append(trigger)
    return sorted(found, key=lambda t: t.start)


def _triggers_for(ctx: Context, member: Mention, triggers: list[Trigger]) -> list[Trigger]:
    """The trigger that speaks of this member, and a second one if the same clause goes on
    about it ("was granted observer status in 2015 and is expected to become a member")."""
    head = list_head(ctx, member)
    apposition = [t for t in triggers if t.word == "apposition" and t.start >= member.end
                  and not ctx.between(member.end, t.start).strip()]
    if apposition:
        return apposition[:1]  # "Ghana – a Commonwealth member –" speaks of Ghana alone
    triggers = [t for t in triggers if t.word != "apposition"]
    before = [t for t in triggers if t.end <= member.start
              and not clause_break_between(ctx, t.end, member.start)
              and head.start - t.end <= _REACH]
    after = [t for t in triggers if t.start >= member.end
             and not clause_break_between(ctx, member.end, t.start)]
    chosen = [before[-1]] if before else ([after[0]] if after else [])
    if not before and after and _LIKE.match(ctx.article.text, list_tail_end(ctx, member),
                                            after[0].start):
        return []  # "Rwanda, like Mozambique, which joined in 1995": the verb is Mozambique's
    if len(before) >= 2 and before[-1].word == "holds" and re.search(
            r"[:–—-]\s*$", ctx.between(before[-1].start, before[-1].end)) \
            and before[-1].start - before[-2].end < 40 and before[-2].word != "holds":
        # "suspended two of its members - Mali and Guinea": the verb before "members -" says
        # what happened to them, and "its members" that they are members
        chosen = [before[-2], before[-1]]
    if before and after and before[-1].word in ("holds", "holds_list") \
            and re.search(r"[–—]", ctx.between(before[-1].end, member.start)) \
            and re.search(r"[–—]", ctx.between(member.end, after[0].start)):
        # "six member States – Burkina Faso, Gabon, ... – are suspended": the verb after the
        # dashes speaks of the list
        return [after[0]]
    if len(chosen) == 2:
        return chosen
    if before and after and OWN_VERB_AFTER.match(ctx.between(member.end, after[0].end)):
        return [after[0]]  # "after Niger and Gabon were suspended": their own verb
    if before and after:
        # "India and Pakistan, which joined in 2017": a trigger right after the member
        # (with nothing but a verb phrase between) speaks of it, not the earlier one
        gap = ctx.between(member.end, after[0].start)
        verb_only = len(gap) < 25 and not re.search(r"[,;:]|\band\b|\b(?:ratif|approv|back|"
                                                    r"support|oppos|block|veto)", gap, re.I)
        relative = len(gap) < 60 and re.match(r"^\s*(?:,\s*)?(?:which|who|whose|that)\b", gap)
        if verb_only or relative:
            chosen = [after[0]]
    if chosen and chosen[0] in before:
        later = [t for t in after if t.word != chosen[0].word]
        if later and not re.search(r"[;]", ctx.between(member.end, later[0].start)) and \
                re.search(r"\band\b", ctx.between(member.end, later[0].start)) and \
                len(ctx.between(member.end, later[0].start)) < 80 and \
                not _another_member_between(ctx, member, later[0]):
            chosen.append(later[0])
    return chosen


def _another_member_between(ctx: Context, member: Mention, trigger: Trigger) -> bool:
    return any(m.type == "state" and member.end <= m.start < trigger.start for m in ctx.mentions)


def _emit(ctx: Context, member: Mention, trigger: Trigger,
          statuses: list[tuple[int, int, str]], containers: list[Mention],
          triggers: list[Trigger]) -> None:
    if not statuses and trigger.word not in _IMPLY_MEMBER:
        return
    status = _status_for(member, trigger, statuses) if statuses else Status.MEMBER
    if trigger.word in ("suspended", "lifted", "held_suspended"):
        status = Status.SUSPENDED
    if trigger.word == "founders":
        status = Status.MEMBER
    if trigger.word == "candidacy":
        status = Status.CANDIDATE
    change = _change(trigger.word, status)
    if trigger.word == "founders" and ctx.between(trigger.start, trigger.end).lower(
            ).startswith(("founding", "founder")) and _STATIVE_FOUNDER.search(
            ctx.between(max(ctx.sentence.start, trigger.start - 30), trigger.start)):
        change = "holds"  # "Armenia is a founding member": what it is, not what it did
    org = container(ctx, containers, trigger.word, trigger.start, trigger.end, member,
                    implied=bool(_STATUS.search(ctx.text)) or trigger.word in _IMPLY_MEMBER)
    if org is None or (member.type == "organization" and member.id == org.id):
        return
    parent = ctx.article.gazetteer.parents.get(org.id or "")
    if org.id in _UN_ORGANS and parent and status != Status.OBSERVER:
        # states apply to, join and are members of the UN, not of its Council or Assembly
        org = Mention(org.start, org.end, "organization", parent,
                      ctx.article.gazetteer.name_of("organization", parent), "body")
    who = {**entity_fields("org", org), **entity_fields("state", member)}
    modality = ctx.modality(trigger.start, trigger.end, clause=True)
    since = since_date(ctx, trigger) if change == "holds" else None
    if since is not None:
        # "has held observer status since 2006": granted then, and held now
        ctx.emit(Membership(**who, status=status,
                            change="joined" if status == "member" else "granted",
                            **date_fields(since), evidence=ctx.evidence, confidence=0.75,
                            modality=modality))
    when = holds_date(ctx, trigger) if change == "holds" else \
        date_fields(member_date(ctx, member, trigger, triggers))
    org = existing_on(ctx, org, when.get("date"))
    who = {**entity_fields("org", org), **entity_fields("state", member)}
    ctx.emit(Membership(**who, status=status, change=change, **when, evidence=ctx.evidence,
                        confidence=_confidence(ctx, member, trigger, org, status),
                        modality=modality))


def _confidence(ctx: Context, member: Mention, trigger: Trigger, org: Mention,
                status: Status) -> float:
    """0.8 for the shapes that hold on real pages; less for the ones that fail there: a name
    we could not link, founders (the real pages do not count founding as joining), a state
    "member" of a UN organ, a noun for the act ("the membership application of ..."), and a
    member far from its trigger or with another state in between."""
    if not (member.linked and org.linked):
        return 0.5
    if org.id in ctx.article.gazetteer.parents and status != Status.OBSERVER:
        return 0.5
    if trigger.word == "founders" and not ctx.between(trigger.start, trigger.end).lower(
            ).startswith(("founding", "founder")):
        return 0.6
    lo, hi = (trigger.end, list_head(ctx, member).start) if trigger.end <= member.start \
        else (member.end, trigger.start)
    if hi - lo > _NEAR or _another_member_between(ctx, member, trigger) or (
            trigger.end <= member.start and any(
                m.type == "state" and m.kind != "adjective" and lo <= m.start < hi
                for m in ctx.mentions)):
        return 0.65
    if _NOUN_TRIGGER.fullmatch(ctx.between(trigger.start, trigger.end)):
        return 0.65
    return 0.8


def _object_is_state(ctx: Context, trigger: Trigger) -> bool:
    """"join North Macedonia and Malta in the Troika": joining states is not membership."""
    if not ctx.between(trigger.start, trigger.end).lower().startswith("join"):
        return False
    if _JOINED_PEOPLE.match(ctx.between(trigger.end, min(ctx.sentence.end, trigger.end + 40))):
        return True  # "joined the leaders of the member states": company, not membership
    return any(m.type == "state" and m.kind != "adjective" and 0 <= m.start - trigger.end <= 6
               for m in ctx.mentions)


def _status_for(member: Mention, trigger: Trigger, statuses: list[tuple[int, int, str]]
                ) -> Status:
    """The status word between the trigger and the member, nearest the member ("granted
    observer status to A and dialogue partner status to B"), else the one nearest the trigger."""
    lo, hi = sorted((trigger.end, member.start)) if trigger.end <= member.start else \
        (member.end, trigger.start)
    between = [st for st in statuses if lo <= st[0] and st[1] <= hi]
    if between:
        return status_value(min(between, key=lambda st: min(abs(st[0] - member.end),
                                                            abs(member.start - st[1])))[2])
    if trigger.word == "holds_list" and trigger.end <= member.start:
        # "comprises A, B and C, with D as an associate member": the list's own status is
        # membership; a status word later in the sentence speaks of what follows it
        return Status.MEMBER
    return _status_near(trigger, statuses)


def _status_near(trigger: Trigger, statuses: list[tuple[int, int, str]]) -> Status:
    def distance(status: tuple[int, int, str]) -> tuple[int, int]:
        start, end, _ = status
        if start >= trigger.end:
            return start - trigger.end, 0
        return trigger.start - end, 1
    return status_value(min(statuses, key=distance)[2])


def _change(word: str, status: Status) -> Change:
    if word == "suspended":
        return "granted"
    if word in ("held_suspended", "holds", "holds_list", "apposition"):
        return "holds"
    if word in ("lifted", "left"):
        return "left"
    if word == "applied":
        return "applied"
    return "joined" if status == "member" else "granted"
