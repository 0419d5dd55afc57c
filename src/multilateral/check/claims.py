"""The checkable claims of an article: counts, lists, joins, chairs, foundings, instruments,
population shares, superlatives and officeholders, each with the span of text that makes it.

Most claims are facts the reader already found (a list of members, an accession, a
memorandum); counts, shares, superlatives and officeholders are found here, on the
reader's own sentences, mentions, dates and modality, so that a number inside a date,
a document number, a plan or a statement of purpose is no claim.
"""

from __future__ import annotations

import re

from multilateral.check.acts import acts
from multilateral.check.chairs import CHAIR, chairs_of
from multilateral.check.claim import ArticleClaim
from multilateral.check.clauses import clause_around
from multilateral.check.modality import stated
from multilateral.check.offices import officeholders
from multilateral.check.statuses import counted_together, our_status
from multilateral.ingest.dates import DateMention, find_dates
from multilateral.ingest.gazetteer import Gazetteer
from multilateral.ingest.mentions import Mention, find_mentions
from multilateral.ingest.rules.context import Article, Context
from multilateral.ingest.rules.membership import status_value
from multilateral.ingest.sentences import Sentence, split_sentences
from multilateral.model.dates import PartialDate
from multilateral.model.facts import (
    Agreement,
    Chairmanship,
    Document,
    Evidence,
    Fact,
    Founding,
    Membership,
    Resolution,
)

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "twenty": 20}
# The number stands alone: not the 20 of "G20", the 12 of "68/12" or of "1,200".
_NUMBER = r"(?<![\w/.,#-])(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\b"
_COUNT = re.compile(
    _NUMBER + r"(?:\s+|-)(?:full\s+|current\s+|permanent\s+)?"
    r"(?P<o>(?!(?i:member|observer|dialogue|partner|associate|candidate|sectoral)\b)"
    r"(?-i:[A-Z][A-Za-z]{1,7})\s+)?"
    r"(?P<s>member(?:\s+(?:states?|countries|nations))?s?|"
    r"observer(?:\s+(?:states?|countries))?s?|(?:sectoral\s+)?dialogue\s+partners?|"
    r"partner\s+countries|partners|associate\s+members?|candidates?(?:\s+countries)?)\b",
    re.IGNORECASE)
# "became the 32nd member of NATO", "admitted Morocco as its 55th member": how many there
# were once it joined (not "the 24th summit", which counts no members).
_ORDINAL_MEMBER = re.compile(
    r"\b(?:the|its|their|as)\s+(?:(?:the|its)\s+)?(?P<n>\d{1,3})(?:st|nd|rd|th)\s+"
    r"(?:full\s+)?(?:member(?:\s+(?:state|country|nation))?|country\s+to\s+join)\b",
    re.IGNORECASE)
# Countries counted as members: "a bloc of 55 countries", "brings together 11 post-Soviet
# countries", "the 192-nation General Assembly", "the number of countries ... to 56".
_COUNT_MEMBERS = re.compile(
    r"(?:\b(?:includes?|including|comprises?|comprising|brings?\s+together|bringing\s+together|"
    r"consists?\s+of|made\s+up\s+of|unites?|uniting|(?:bloc|group|grouping|union|alliance|"
    r"organi[sz]ation|association|community)\s+of|member(?:ship)?\s+of|with)\s+(?:all\s+|its\s+|"
    r"the\s+)?)" + _NUMBER + r"\s+(?:[\w-]+\s+){0,2}?(?P<s>countries|nations|states)\b|"
    + _NUMBER.replace("P<n>", "P<h>") + r"-(?:member|nation|country|state)\b|"
    r"\bnumber\s+of\s+(?:member\s+)?(?:countries|states|members|nations)\b[^.;]{0,40}?\bto\s+"
    + _NUMBER.replace("P<n>", "P<t>"), re.IGNORECASE)
# "Six member states signed", "42 delegations voted": a count of those who acted.
_ACTING = re.compile(r"[-\w]*\s+(?:(?:have|has|had|all|also|then|jointly|unanimously)\s+)?"
                     r"(?:signed|voted|attended|agreed|took\s+part|participated|met|adopted|"
                     r"approved|endorsed|co-?sponsored|co-?authored|backed|supported|opposed|"
                     r"abstained|ratified|called|issued|sent)\b", re.IGNORECASE)
# "resolution 15 members adopted", "No. 12": the number names a document, not a count.
_DOCUMENT_BEFORE = re.compile(r"(?:\b(?:resolution|decision|report|document|no|nos|number|"
                              r"article|paragraph|session|chapter|annex|item)\.?\s*)$",
                              re.IGNORECASE)
_FRACTIONS = {"a quarter": 25.0, "one quarter": 25.0, "a third": 33.3, "one third": 33.3,
              "half": 50.0, "two thirds": 66.7, "two-thirds": 66.7, "a fifth": 20.0}
_SHARE = re.compile(
    r"(?P<q>over|more than|above|nearly|almost|about|around|some|roughly|approximately|"
    r"close to|at least|less than|under)?\s*(?:(?P<pct>\d{1,2}(?:\.\d+)?)\s*(?:%|per\s?cent|"
    r"percent)|(?P<frac>" + "|".join(_FRACTIONS) + r"))"
    r"\s+of\s+(?:the\s+)?(?:(?:world['’]?s|global|world|its|the\s+world['’]?s)\s+)?"
    r"(?P<what>population|humanity|mankind|GDP|gross\s+domestic\s+product|land(?:\s+"
    r"(?:area|mass))?|trade|economy|output)", re.IGNORECASE)
_SUPERLATIVE = re.compile(
    # "the first", "its only": an adverb ("only in certain types of organization") ranks
    # nothing
    r"\b(?:the\s+)?(?:world'?s\s+)?(?P<w>largest|biggest|most\s+populous|oldest|most\s+"
    r"powerful|most\s+influential|(?<=the\s)first|(?<=its\s)first|(?<=the\s)only|"
    r"(?<=its\s)only|without\s+precedent|unprecedented)\b"
    r"[^.;]{0,40}?\b(?:organi[sz]ation|bloc|"
    r"alliance|group(?:ing)?|union|forum|body)\b", re.IGNORECASE)
# A list of those who founded it, not of those who belong now ("founded in 2006 by
# Brazil, Russia, India and China").
_FOUNDERS = re.compile(
    r"\b(?:founding\s+(?:members?|states?|countries|nations|fathers)|(?:co-?)?founders?|"
    r"(?:founded|established|set\s+up|created|formed)\s+(?:(?:in|on)\s+[\w ,]{4,20}?\s+)?by|"
    r"original(?:ly)?\s+members?)\b", re.IGNORECASE)
# An instrument handed over, and the words before the one that receives it.
_INSTRUMENT_HANDED = re.compile(r"\b(?:instruments?|papers|documents?)\s+of\s+accession|"
                                r"\baccession\s+(?:papers|documents?|instruments?)|\bdeposit",
                                re.IGNORECASE)
_TO_BEFORE = re.compile(r"\b(?:to|with)\s+(?:the\s+)?(?:government\s+of\s+(?:the\s+)?)?$|"
                        r"\bdepositary\b[^.]{0,30}$", re.IGNORECASE)


def find_claims(document: Document, gazetteer: Gazetteer) -> list[ArticleClaim]:
    text = document.text
    published = _published(document.published)
    mentions = find_mentions(text, gazetteer)
    dates = find_dates(text, published)
    article = Article(text, published, gazetteer, mentions)
    claims: list[ArticleClaim] = []
    chairs: list[ArticleClaim] = []
    sentences = split_sentences(text)
    read: list[ArticleClaim] = []
    for claim in _from_facts(document):
        if _factstated(claim, sentences, article, mentions, dates):
            if claim.kind == "joined" and _recipient(claim, text, mentions):
                claim.details["recipient"] = True
            read.append(_narrowed(claim, mentions))
    for sentence in sentences:
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        context = Context(article, sentence, inside,
                          [d for d in dates if sentence.start <= d.start < sentence.end])
        org = _org_for(sentence, inside, mentions)
        found = _counts(context, org) + _shares(sentence, org) + _superlatives(sentence, org)
        here = [c for c in found if c.details.get("attributive")
                or stated(context, c.start, c.end)] + officeholders(context, org)
        chairs += chairs_of(context, org)
        claims += here + acts(context, org, [(c.start, c.end) for c in (*read, *here,
                                                                        *chairs)])
    claims += read
    read_chairs = [c for c in claims if c.kind == "chair"]
    claims += [c for c in chairs if not any(r.start < c.end and c.start < r.end
                                            for r in read_chairs)]
    return sorted(claims, key=lambda c: (c.start, c.kind))


def _published(value: str | None) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if value else None
    except ValueError:
        return None


def _org_for(sentence: Sentence, inside: list[Mention], everything: list[Mention]
             ) -> Mention | None:
    orgs = [m for m in inside if m.type == "organization" and m.linked]
    if orgs:
        return orgs[0]
    before = [m for m in everything if m.type == "organization" and m.linked
              and m.end <= sentence.start]
    return before[-1] if before else None


def _counts(context: Context, org: Mention | None) -> list[ArticleClaim]:
    sentence = context.sentence
    found = []
    for match in _COUNT.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        number_end = sentence.start + match.end("n")
        if _in_date(context.dates, start, number_end):
            continue  # "June 15 member states...": the 15 is the day
        if _DOCUMENT_BEFORE.search(sentence.text[:match.start()]):
            continue
        if re.search(r"\b(?:these|those)\s+$", sentence.text[:match.start()], re.IGNORECASE):
            continue  # "the addition of these two members": some named, not all counted
        raw = match.group("n").lower()
        number = int(raw) if raw.isdigit() else _NUMBERS[raw]
        if number == 1 and not re.search(r"\b(?:only|just|has|have|had)\s+$",
                                         sentence.text[:match.start()], re.IGNORECASE):
            continue  # "an attack on one member" counts no one
        counted = org
        if match.group("o"):  # "the 27 EU member states": the organization named between
            named = [m for m in context.mentions if m.type == "organization" and m.linked
                     and m.start == sentence.start + match.start("o")]
            if not named:
                continue  # "12 Arab member states": a number of some, not all, members
            counted = named[0]
        # "the 15-member Council" describes it, whatever the clause plans
        attributive = sentence.text[match.end("n"):match.end("n") + 1] == "-"
        if attributive:
            counted = _org_named_after(context, end, org)
        org_id = counted.id if counted else None
        status = our_status(org_id, match.group("s"), status_value(match.group("s")).value)
        found.append(ArticleClaim("count", start, end, match.group(),
                                  org_id, counted.name if counted else None,
                                  {"number": number, "status": status,
                                   "one_kind": counted_together(match.group("s")),
                                   "acting": _ACTING.match(sentence.text[match.end():])
                                   is not None, "attributive": attributive}))
    for match in _COUNT_MEMBERS.finditer(sentence.text):
        group = next(g for g in ("n", "h", "t") if match.group(g))
        start, end = sentence.start + match.start(group), sentence.start + match.end()
        if any(c.start < end and start < c.end for c in found) or _in_date(
                context.dates, start, sentence.start + match.end(group)):
            continue
        raw = match.group(group).lower()
        number = int(raw) if raw.isdigit() else _NUMBERS[raw]
        if number < 2:
            continue
        counted = org
        if group == "h":
            counted = _org_named_after(context, end, org)
        found.append(ArticleClaim("count", start, end, sentence.text[match.start(group):
                                                                     match.end()],
                                  counted.id if counted else None,
                                  counted.name if counted else None,
                                  {"number": number, "status": "member", "one_kind": False,
                                   "acting": _ACTING.match(sentence.text[match.end():])
                                   is not None, "attributive": group == "h"}))
    for match in _ORDINAL_MEMBER.finditer(sentence.text):
        start, end = sentence.start + match.start("n"), sentence.start + match.end()
        if any(c.start < end and start < c.end for c in found):
            continue
        found.append(ArticleClaim("count", start, end, sentence.text[match.start("n"):
                                                                     match.end()],
                                  org.id if org else None, org.name if org else None,
                                  {"number": int(match.group("n")), "status": "member",
                                   "one_kind": False, "acting": False, "attributive": False,
                                   "ordinal": True}))
    return found


def _org_named_after(context: Context, end: int, org: Mention | None) -> Mention | None:
    """The organization "the 15-member Council" counts: the one named right after, none if
    an unknown name follows ("Council"), the sentence's own before a common noun ("bloc")."""
    after = [m for m in context.mentions if m.type == "organization" and end <= m.start <= end + 8]
    if after:
        return after[0] if after[0].linked else None
    following = context.article.text[end:end + 30].split()
    return None if following and following[0][:1].isupper() else org


def _in_date(dates: list[DateMention], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in dates)


def _shares(sentence: Sentence, org: Mention | None) -> list[ArticleClaim]:
    found = []
    for match in _SHARE.finditer(sentence.text):
        qualifier = (match.group("q") or "").lower() or None
        what = match.group("what").lower()
        what = "population" if what in ("humanity", "mankind") else what
        if what != "population" and not re.search(r"\b(?:world|global|its)\b", match.group(),
                                                  re.IGNORECASE):
            continue  # "20% of GDP" of whom: a country's, most often
        number = match.group("pct") or match.group("frac")
        percent = float(match.group("pct")) if match.group("pct") else _FRACTIONS[
            " ".join(match.group("frac").lower().split())]
        start = sentence.start + match.start("pct" if match.group("pct") else "frac") - (
            len(match.group("q")) + 1 if match.group("q") else 0)
        found.append(ArticleClaim(
            "share", start, sentence.start + match.end(), match.group().strip(),
            org.id if org else None, org.name if org else None,
            {"percent": percent, "qualifier": qualifier, "number": number,
             "of": "population" if what == "population" else what}))
    return found


def _superlatives(sentence: Sentence, org: Mention | None) -> list[ArticleClaim]:
    return [ArticleClaim("superlative", sentence.start + m.start(), sentence.start + m.end(),
                  m.group(), org.id if org else None, org.name if org else None,
                  {"word": m.group("w").lower()}) for m in _SUPERLATIVE.finditer(sentence.text)]


def _factstated(claim: ArticleClaim, sentences: list[Sentence], article: Article,
                 mentions: list[Mention], dates: list[DateMention]) -> bool:
    """A fact the reader asserts is a claim unless the clause that names its subject
    plans, hopes or gives a purpose ("we look forward to welcoming Timor-Leste as a
    member", "applied in order to join")."""
    sentence = next((s for s in sentences if s.start <= claim.start < s.end), None)
    if sentence is None:
        return True
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
    subject = _subject_ids(claim)
    spans = [m for m in inside if m.id is not None and m.id in subject]
    if not spans:  # a fact first planned is a claim only where its own words state it
        return not any(f.modality == "planned" for f in claim.facts)
    context = Context(article, sentence, inside,
                      [d for d in dates if sentence.start <= d.start < sentence.end])
    if any(f.modality == "planned" for f in claim.facts):
        # told as done after it was announced: the whole sentence states it, not a plan
        # for some of the states it names ("A, B and C 'set to join'")
        return stated(context, sentence.start, sentence.end)
    return any(stated(context, m.start, m.end) for m in spans)


_FOUNDED = re.compile(r"\b(?:founded|established|formed|created|set\s+up|began|launched)\b",
                      re.IGNORECASE)


def _narrowed(claim: ArticleClaim, mentions: list[Mention]) -> ArticleClaim:
    """A chair or a founding the reader read from a sentence, reported with its own clause:
    from the state to the word of chairing ("drafted by Tajikistan, which holds the SCO
    Chairmanship", not the sponsors the sentence names next), the clause of the founding
    verb ("founded in 2006 by ...", not "with South Africa joining it in 2011")."""
    text = claim.text
    if claim.kind == "chair":
        state = claim.facts[0].state_id if isinstance(claim.facts[0], Chairmanship) else None
        named = [m.start - claim.start for m in mentions if m.id == state
                 and claim.start <= m.start < claim.end]
        words = list(CHAIR.finditer(text))
        if not named or not words:
            return claim
        at, word = min(((n, w) for n in named for w in words),
                       key=lambda p: abs(p[0] - p[1].start()))
        lo, hi = clause_around(text, at, at + 1)
        lo, hi = min(lo, word.start()), max(hi if word.start() < at else lo, word.end())
    elif claim.kind == "founding" and (verb := _FOUNDED.search(text)):
        lo, hi = clause_around(text, verb.start(), verb.end())
    else:
        return claim
    claim.start, claim.end, claim.text = claim.start + lo, claim.start + hi, text[lo:hi]
    return claim


def _recipient(claim: ArticleClaim, text: str, mentions: list[Mention]) -> bool:
    """Whether the state of a joining is, in the words of the page, the one receiving the
    instrument ("handed over the accession papers to the US Secretary of State")."""
    if not _INSTRUMENT_HANDED.search(claim.text):
        return False
    subject = _subject_ids(claim)
    named = [m for m in mentions if claim.start <= m.start < claim.end and m.id in subject]
    return bool(named) and all(_TO_BEFORE.search(text[max(0, m.start - 40):m.start])
                               for m in named)


def _subject_ids(claim: ArticleClaim) -> set[str]:
    ids: set[str] = set()
    for fact in claim.facts:
        if isinstance(fact, Membership | Chairmanship):
            ids.add(fact.state_id or "")
        elif isinstance(fact, Founding):
            ids.add(fact.org_id or "")
        elif isinstance(fact, Agreement):
            ids.update(i or "" for i in fact.party_ids)
        elif isinstance(fact, Resolution):
            ids.add(fact.body_id or "")
    return ids - {""}


# A sentence that says it again, in a verb of its own ("were admitted", "has suspended"),
# not one that only names the event ("Finland's accession shows", "the decision to leave").
_RESTATING_VERB = re.compile(
    r"\b(?:join(?:s|ed)?|rejoin(?:s|ed)?|admit(?:s|ted)?|readmit(?:s|ted)?|suspend(?:s|ed)?|"
    r"reinstate[sd]?|expel(?:s|led)?|withdr(?:ew|awn|aws)|left|leaves|quit|grant(?:s|ed)?|"
    r"ceases?\s+to\s+be|ceased\s+to\s+be|excluded|"
    r"became|becomes|acceded?|accedes|applied|appl(?:y|ies)|deposit(?:s|ed)?|founded|"
    r"established|created|formed|signed|adopted|chairs|chaired|holds|took\s+over|"
    r"takes\s+over)\b", re.IGNORECASE)


# A change of membership said in a verb of its own, finite or not ("leaving it in 2011",
# "ceases to be a member", "was suspended"): a sentence that names a departure only as a
# noun ("on the occasion of the withdrawal", "Angola's decision to leave comes as a
# result", "Nicaragua's exit from the OAS") speaks of it and makes no claim. (An accession
# or an application named as a noun is often the claim itself: "signed the decision on
# the admission of Belarus", "began with its application on 7 April 2015".)
CHANGE_VERB = re.compile(
    r"\b(?:(?:re)?join(?:s|ed|ing)?|(?:re)?admit(?:s|ted|ting)?|suspend(?:s|ed|ing)?|"
    r"reinstat(?:e|es|ed|ing)|expel(?:s|led|ling)?|exclud(?:e|es|ed|ing)|withdr(?:ew|awn|aws|"
    r"awing|aw)|left|leav(?:es|ing)|quit(?:s|ting)?|ceas(?:e|es|ed)|grant(?:s|ed|ing)?|"
    r"bec(?:ame|omes|oming)|become|acced(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|"
    r"deposit(?:s|ed)?|accept(?:s|ed)?|approv(?:e|es|ed)|welcom(?:e|es|ed)|induct(?:s|ed)?|"
    r"added|enlarg\w+|expand\w*|won|gain(?:s|ed)?|upgrad\w+|elevat\w+|readmi\w+|"
    r"(?:is|are|was|were|been)\s+(?:now\s+|still\s+|also\s+)?(?:a\s+|an\s+|the\s+)?"
    r"(?:full\s+|new\s+)?(?:member|observer|candidate|partner|associate)s?|"
    r"(?:has|have|had|holds?|held|obtain\w*|receiv\w+)\s+(?:\w+\s+){0,3}?status)\b",
    re.IGNORECASE)


def _restates(span: Evidence) -> bool:
    """Whether a further span of a fact makes the claim again: in a verb of its own and in
    the page's voice, not inside a quotation."""
    return _RESTATING_VERB.search(span.text) is not None and not re.search(r"[“”\"]", span.text)


def fact_claims(facts: list[Fact]) -> list[ArticleClaim]:
    """The claims facts make by themselves, without their article's text (what the news
    reports, judged against the knowledge base)."""
    return _from_facts(Document("", "", "", facts=list(facts)))


def _from_facts(document: Document) -> list[ArticleClaim]:
    """Lists (the members a sentence names as current), joins, chairs, foundings, instruments."""
    claims: list[ArticleClaim] = []
    lists: dict[tuple[int, str | None, str | None], ArticleClaim] = {}
    # a fact the page states in several sentences (a headline, then its lead) is a claim
    # in each of them: merging kept one fact, the page made the claim each time
    spans = [(fact, span) for fact in document.facts
             if fact.modality in ("asserted", "reported")
             for span in (fact.evidence, *[e for e in fact.also if _restates(e)])]
    # a change first announced ("set to join"), then told as done ("have officially
    # joined"): merging kept the first statement's modality, the later one is a claim
    # (find_claims asks its own clause whether it states it)
    told = [(fact, span) for fact in document.facts if isinstance(fact, Membership)
            and fact.modality == "planned" for span in fact.also if _restates(span)]
    for fact, span in spans + told:
        if isinstance(fact, Membership) and fact.change == "holds":
            key = (span.start, fact.org_id, fact.status)
            claim = lists.get(key)
            if claim is None:
                status = our_status(fact.org_id, span.text, fact.status.value)
                claim = ArticleClaim("list", span.start, span.end, span.text, fact.org_id, fact.org,
                                     {"status": status, "members": [],
                                      "founders": _FOUNDERS.search(span.text) is not None})
                lists[key] = claim
                claims.append(claim)
            claim.details["members"].append({"id": fact.state_id, "name": fact.state})
            claim.facts.append(fact)
        elif isinstance(fact, Membership) and fact.change in ("joined", "granted", "left",
                                                               "applied"):
            if fact.change == "left" and not CHANGE_VERB.search(span.text):
                continue  # "Nicaragua's exit from the OAS", "the decision to leave comes"
            claims.append(ArticleClaim("joined", span.start, span.end, span.text, fact.org_id,
                                fact.org, {"fact": fact.as_dict()}, [fact]))
        elif isinstance(fact, Chairmanship):
            claims.append(ArticleClaim("chair", span.start, span.end, span.text, fact.org_id,
                                       fact.org, {"fact": fact.as_dict()}, [fact]))
        elif isinstance(fact, Founding):
            claims.append(ArticleClaim("founding", span.start, span.end, span.text, fact.org_id,
                                fact.org, {"fact": fact.as_dict()}, [fact]))
        elif isinstance(fact, Agreement | Resolution):
            claims.append(ArticleClaim("instrument", span.start, span.end, span.text, None, None,
                                {"fact": fact.as_dict()}, [fact]))
    # "founded in 2006 by Brazil, Russia, India and China": the founders' joining is the
    # founding, judged once as such
    founded = {(c.start, c.org_id, c.facts[0].when) for c in claims if c.kind == "founding"}
    return [c for c in claims if not (c.kind == "joined" and _FOUNDERS.search(c.text)
                                      and (c.start, c.org_id, c.facts[0].when) in founded)]
