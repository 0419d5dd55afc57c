"""Resolution facts: body, number, date, subject, effect; and the status a resolution grants.

"General Assembly resolution 59/48 of 2 December 2004 granting the SCO official
Observer status" is a resolution fact and, because it says so, a membership
fact: the SCO observer in the General Assembly from that day.
"""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, entity_fields
from multilateral.model.facts import Effect, Membership, Resolution
from multilateral.model.status import Status

_RESOLUTION = re.compile(r"\bresolutions?\b", re.I)
_NUMBER = re.compile(r"\b(?:A/RES/|S/RES/)?(?P<n>\d{1,3}/\d{1,4}|\d{3,4}\s*\((?:[IVXLC]+|\d{4})\))")
_BODIES = (("General Assembly", "UNGA"), ("Security Council", "UNSC"),
           ("Human Rights Council", None), ("Economic and Social Council", None))
_OBSERVER = re.compile(r"\bobserver(?:\s+status)?\b", re.I)
_COOPERATION = re.compile(r"\bcooperation between\b", re.I)
_ADOPTED = re.compile(r"\b(?:adopt(?:ed|s|ing)|pass(?:ed|es)|approv(?:ed|es)|granting|"
                      r"grant(?:ed|s)|under|recall(?:ed|ing)?|by|with)\b", re.I)


# "adopted seven resolutions aimed at ...": a count, each resolution told apart later
_COUNT = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|"
                    r"other|\w+ other)\s+(?:draft\s+)?$", re.I)
_RECALLED = re.compile(r"\b(?:recall(?:s|ed|ing)?|referr(?:ed|ing) to|reaffirm(?:s|ed|ing)|"
                       r"previous|earlier|under)\b", re.I)
_TODAY_ADOPTED = re.compile(r"\btoday\s+adopted\b|\badopted\s+today\b", re.I)


def extract(ctx: Context) -> None:
    word = _RESOLUTION.search(ctx.text)
    if not word:
        return
    body_name, body_id = _body(ctx, word.start())
    if body_name is None:
        return
    numbers = [m for m in _NUMBER.finditer(ctx.text, word.start())
               if _RESOLUTION.search(ctx.text[max(0, m.start() - 40):m.start()])
               or ctx.text[max(0, m.start() - 7):m.start()].endswith(("A/RES/", "and ", ", "))]
    if not numbers:
        plural = word.group().lower() == "resolutions"
        if plural and re.search(r"\brespectively\b", ctx.text):
            # "The other resolutions covered, respectively, cooperation between the UN and
            # X; Y; and Z": one resolution per organization listed
            for subject in _listed(ctx, body_id, ctx.sentence.start + word.end()):
                _emit(ctx, word, None, body_name, body_id, len(ctx.text), subject=subject)
            return
        if plural and _COUNT.search(ctx.text[:word.start()]) and _subject(
                ctx, body_id, ctx.sentence.start + word.end(), ctx.sentence.end) is None:
            return  # "adopted seven resolutions on cooperation with regional organizations"
        if _ADOPTED.search(ctx.text):
            _emit(ctx, word, None, body_name, body_id, len(ctx.text))
        return
    for index, number in enumerate(numbers):
        limit = numbers[index + 1].start() if index + 1 < len(numbers) else len(ctx.text)
        _emit(ctx, word, number, body_name, body_id, limit)


def _listed(ctx: Context, body_id: str | None, anchor: int) -> list[Mention]:
    """The organizations a "respectively" list names, an acronym in parentheses after a
    name being the same one."""
    skip = {body_id, "UN", "UNSC", "UNGA", "UNSEC"}
    listed: list[Mention] = []
    for mention in ctx.orgs():
        if mention.start < anchor or mention.id in skip:
            continue
        if listed and re.fullmatch(r"\s*\(", ctx.between(listed[-1].end, mention.start)):
            continue
        if any(m.id is not None and m.id == mention.id for m in listed):
            continue
        listed.append(mention)
    return listed


def _emit(ctx: Context, word: re.Match[str], number: re.Match[str] | None,
          body_name: str, body_id: str | None, limit: int,
          subject: Mention | None = None) -> None:
    """One resolution: the date right after its number, the subject and effect in its clause."""
    anchor = ctx.sentence.start + (number.end() if number else word.end())
    stop = ctx.sentence.start + limit
    dated = [d for d in ctx.dated() if not (number and ctx.sentence.start + number.start()
                                            <= d.start < ctx.sentence.start + number.end())]
    clause_stop = _clause_stop(ctx, anchor, stop)
    date = next((d for d in dated if anchor <= d.start < clause_stop and d.start - anchor < 30),
                None)
    if date is None:
        date = next((d for d in dated if anchor <= d.start < clause_stop), None)
    if date is None:
        before = [d for d in dated if d.end <= ctx.sentence.start + word.start()]
        date = before[-1] if before else None
    if date is None and dated and number is None:
        date = min(dated, key=lambda d: abs(d.start - anchor))
    if date is None:
        date = next((d for d in dated if d.basis == "relative"), None)
    adopted_now = re.search(r"\b(?:adopts?|adopted|passed|approved)\b", ctx.text[:word.start()])
    date_field = date_fields(date)
    if date is None and adopted_now and ctx.article.published is not None:
        # "the Assembly adopted resolution 59/48" in a meeting report: on the report's day
        date_field = {"date": str(ctx.article.published), "date_basis": "article_date"}
    elif date is None and ctx.article.published is not None and _TODAY_ADOPTED.search(
            ctx.between(0, ctx.sentence.start)):
        # the report said earlier that the Assembly "today adopted" its texts
        date_field = {"date": str(ctx.article.published), "date_basis": "context"}
    if subject is None:
        subject = _subject(ctx, body_id, anchor, stop)
    clause = ctx.between(anchor, stop)
    effect: Effect = "observer_status" if _OBSERVER.search(clause) else \
        "cooperation" if _COOPERATION.search(clause) else "other"
    at = ctx.sentence.start + word.start()
    modality = ctx.modality(at, anchor)
    if modality == "asserted" and _RECALLED.search(ctx.between(max(ctx.sentence.start, at - 40),
                                                               at)):
        modality = "reported"  # "recalled that in its resolution 71/14 it noted ..."
    ctx.emit(Resolution(
        body=body_name, body_id=body_id,
        number=re.sub(r"\s+", " ", number.group("n")) if number else None,
        **date_field, **entity_fields("subject", subject), effect=effect,
        evidence=ctx.evidence, confidence=0.85 if number else 0.6, modality=modality))
    if effect == "observer_status" and subject is not None and body_id == "UNGA":
        ctx.emit(Membership(
            org=body_name, org_id=body_id, **entity_fields("state", subject),
            status=Status.OBSERVER, change="granted", **date_field,
            evidence=ctx.evidence, confidence=0.75, modality=modality))


def _clause_stop(ctx: Context, anchor: int, stop: int) -> int:
    rest = ctx.between(anchor, stop)
    cut = re.search(r"[;]|,\s*(?:and|while|but)\s+(?:the\s+)?(?:two|it|its|they)\b", rest)
    return anchor + cut.start() if cut else stop


def _body(ctx: Context, at: int) -> tuple[str | None, str | None]:
    for words, body_id in _BODIES:
        if words.lower() in ctx.text.lower():
            if body_id:
                return ctx.article.gazetteer.name_of("organization", body_id), body_id
            return words, None
    if re.search(r"\bA/RES/", ctx.text) or (
            re.search(r"\b(?:the Assembly|Assembly resolution|other resolutions)\b", ctx.text)
            and "General Assembly" in ctx.article.text):
        return ctx.article.gazetteer.name_of("organization", "UNGA"), "UNGA"
    return None, None


def _subject(ctx: Context, body_id: str | None, anchor: int, stop: int) -> Mention | None:
    skip = {body_id, "UN", "UNSC", "UNGA", "UNSEC"}
    following = [m for m in ctx.orgs() + ctx.states()
                 if anchor <= m.start < stop and m.id not in skip and m.kind != "adjective"]
    if following:
        return min(following, key=lambda m: m.start)
    before = [m for m in ctx.orgs() if m.start < anchor and m.id not in skip]
    if before:
        return before[-1]
    if re.search(r"\b(?:the two organi[sz]ations|the Organi[sz]ation)\b", ctx.text, re.I):
        topic = ctx.topic_org()
        if topic is not None and topic.id not in skip:
            return topic
    return None
