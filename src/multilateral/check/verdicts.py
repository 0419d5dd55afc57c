"""A verdict per claim: supported, contradicted, unverifiable or outdated, and why.

Each claim is judged on the article's date: `supported` when it holds then (with the
changes since, if today's answer differs), `outdated` when it held earlier but no
longer did then, `contradicted` when it never held. A page with no date that can be
defended is judged on no day: what depends on the day is unverifiable. Numbers come
with the figure the knowledge base gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from multilateral.check.acts import judge_act
from multilateral.check.claim import ArticleClaim
from multilateral.check.instruments import judge_instrument
from multilateral.check.misreadings import misread_joining
from multilateral.check.parties import Parties
from multilateral.check.shares import judge_share
from multilateral.check.standings import of_status, overlaps, some, standings
from multilateral.check.statuses import our_status
from multilateral.check.verdict import KnowledgeSource, Verdict
from multilateral.check.words import CONTRADICTED, OUTDATED, SUPPORTED, UNVERIFIABLE
from multilateral.errors import MultilateralError
from multilateral.ingest.dates import find_dates
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Chairmanship, Fact, Founding, Membership
from multilateral.model.results import Members
from multilateral.model.status import label

_F = TypeVar("_F", bound=Fact)
# Claims whose truth depends on the day they are judged on.
DATE_DEPENDENT = frozenset({"count", "list", "share", "chair"})
# How many earlier changes of an organization are looked back through for an outdated count.
LOOK_BACK = 12
NO_OFFICEHOLDERS = "the knowledge base holds no officeholders"
# A founding of a first form: "initially formed", "originally set up", "began as".
_EARLIER_FORM = re.compile(r"\b(?:initially|originally|first)\s+(?:\w+\s+)?(?:formed|founded|"
                           r"established|created|set\s+up)\b|\bbegan\s+as\b", re.IGNORECASE)
# A relative day ("on Thursday") is read from the page's date, which may be a day or two
# after the event; a decision and its taking effect are as close.
RELATIVE_SLACK = dt.timedelta(days=3)


class Judge:
    """Judges claims for one article date against one knowledge base."""

    def __init__(self, kb: KnowledgeSource, on: PartialDate, parents: dict[str, str],
                 dated: bool = True) -> None:
        self.kb = kb
        self.on = on
        # False when the page gives no day that can be defended: `on` is then only today.
        self.dated = dated
        self.today = PartialDate.of(kb.today)
        self.parties = Parties(parents)
        self._members: dict[tuple[str, str], Members] = {}
        self._answers: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def judge(self, claim: ArticleClaim) -> Verdict:
        try:
            judge_kind: Callable[[ArticleClaim], Verdict] = getattr(self, f"_{claim.kind}")
            verdict = judge_kind(claim)
        except MultilateralError as exc:
            return Verdict(claim, UNVERIFIABLE, f"The knowledge base cannot answer: {exc.message}")
        if self.dated or verdict.verdict == UNVERIFIABLE or not self._depends_on_day(claim):
            return verdict
        return Verdict(claim, UNVERIFIABLE,
                       f"Unverifiable as of an unknown date: the page gives no date, and this "
                       f"claim is true on some days, not others. On {self.today} the knowledge "
                       f"base finds it {verdict.verdict}: {verdict.reason}",
                       verdict.figure, verdict.facts, verdict.changes)

    @staticmethod
    def _depends_on_day(claim: ArticleClaim) -> bool:
        if claim.details.get("founders"):
            return False
        if claim.kind == "chair":
            fact = claim.facts[0]
            return not (isinstance(fact, Chairmanship) and fact.start)
        return claim.kind in DATE_DEPENDENT

    # -- membership ----------------------------------------------------------

    def members(self, org: str, when: PartialDate) -> Members:
        key = (org, str(when))
        if key not in self._members:
            self._members[key] = self.kb.members(org, on=when)
        return self._members[key]

    def _count(self, claim: ArticleClaim) -> Verdict:
        if claim.org_id is None:
            return Verdict(claim, UNVERIFIABLE, "No organization named near the count.")
        status, number = claim.details["status"], claim.details["number"]
        if claim.details.get("acting"):
            return Verdict(claim, UNVERIFIABLE, "The number counts those who acted (signed, "
                           "voted, attended), not the members; the knowledge base records no "
                           "such act.")
        if claim.details.get("one_kind"):
            return Verdict(claim, UNVERIFIABLE, f"The knowledge base records this kind and "
                           f"others alike as {label(status, 2)}: it cannot count this kind "
                           f"alone.")
        then = self.members(claim.org_id, self.on)
        got = of_status(then, status)
        figure = {"on": str(self.on), "count": len(got), "members": [n for _, n in got]}
        unsure = [st.subject.name for st in then.uncertain + then.conflicts
                  if status in (st.possible or [st.status or ""])]
        if not got:
            # no certain one is no count: the sources hold none, or disagree on all (README)
            more = (f"; {len(unsure)} are uncertain ({some(unsure)})" if unsure else "")
            return Verdict(claim, UNVERIFIABLE,
                           f"The knowledge base holds no certain {label(status, 2)} of "
                           f"{then.org.name} on {self.on}{more}.", figure)
        if claim.details.get("ordinal") and len(got) < number:
            return Verdict(claim, UNVERIFIABLE, f"{len(got)} {label(status, len(got))} on "
                           f"{self.on}: the {number}th had not joined by then (an admission "
                           "agreed, or to come).", figure)
        if len(got) != number:
            if unsure and len(got) <= number <= len(got) + len(unsure):
                return Verdict(claim, UNVERIFIABLE,
                               f"{len(got)} certain {label(status, len(got))} on {self.on}, "
                               f"and {len(unsure)} more uncertain ({', '.join(unsure)}).",
                               figure)
            earlier = self._count_earlier(claim.org_id, status, number)
            if earlier is not None and claim.details.get("ordinal"):
                return Verdict(claim, SUPPORTED, f"{number} {label(status, number)} from "
                               f"{earlier[0]}: the {number}th joined then.",
                               {**figure, "true_on": str(earlier[0])})
            if earlier is not None:
                since, until = earlier
                return Verdict(claim, OUTDATED,
                               f"{number} {label(status, number)} from {since} until {until}, "
                               f"but {len(got)} on {self.on}.",
                               {**figure, "true_on": str(since), "true_until": str(until)},
                               standings(then, status))
            return Verdict(claim, CONTRADICTED,
                           f"The knowledge base counts {len(got)} {label(status, len(got))} "
                           f"of {then.org.name} on {self.on}, not {number}.", figure,
                           standings(then, status))
        return self._still(claim, status, got, figure,
                           f"{number} {label(status, number)} on {self.on}, as stated.")

    def _count_earlier(self, org: str, status: str, number: int
                       ) -> tuple[PartialDate, PartialDate] | None:
        """When, before the article's day, the organization last had `number` of that
        status (from one change of its membership until the next), if it did."""
        days = sorted({c.date for c in self.kb.history(org).changes
                       if c.date is not None and c.claim.status == status
                       and c.date.hi < self.on.lo}, key=lambda d: d.lo, reverse=True)
        until = self.on
        for day in days[:LOOK_BACK]:
            try:
                if len(of_status(self.members(org, day), status)) == number:
                    return day, until
            except MultilateralError:
                break  # before the organization existed (a predecessor's days)
            until = day
        return None

    def _list(self, claim: ArticleClaim) -> Verdict:
        if claim.org_id is None:
            return Verdict(claim, UNVERIFIABLE, "The organization is not in the knowledge base.")
        if claim.details.get("founders"):
            return self._founders(claim, claim.org_id)
        status = claim.details["status"]
        named = {m["id"] for m in claim.details["members"] if m["id"]}
        then = self.members(claim.org_id, self.on)
        got = of_status(then, status)
        held = {i for i, _ in got}
        figure = {"on": str(self.on), "members": [n for _, n in got]}
        missing, extra = sorted(held - named), sorted(named - held)
        unsure = {st.subject.id for st in then.uncertain + then.conflicts
                  if status in (st.possible or [st.status or ""])}
        if extra and set(extra) <= unsure:
            return Verdict(claim, UNVERIFIABLE,
                           f"The sources disagree or are unsure whether {', '.join(extra)} "
                           f"held that status on {self.on}.", figure, standings(then, status))
        if extra and self._held_before(claim.org_id, status, set(extra)):
            return Verdict(claim, OUTDATED,
                           f"No longer {label(status, 2)} on {self.on}, though they were "
                           f"earlier: {', '.join(extra)}.", figure, standings(then, status))
        if extra:
            return Verdict(claim, CONTRADICTED,
                           f"Not {label(status, 2)} on {self.on}: {', '.join(extra)}.", figure,
                           standings(then, status))
        # a list may name only some ("the European Union and the African Union"): what it
        # leaves out is said, not held against it
        partial = (f" It leaves out {len(missing)} other {label(status, len(missing))}."
                   if missing else "")
        return self._still(claim, status, got, figure,
                           f"All named are {label(status, 2)} on {self.on}.{partial}",
                           only=named if missing else None)

    def _founders(self, claim: ArticleClaim, org: str) -> Verdict:
        """A founding list: those named against the members of the founding year, not of
        the page's day (a founder may have left since, and others joined)."""
        dates = sorted((PartialDate.parse(f["date"]) for f in self._asked("foundings", org)
                        if f["date"]), key=lambda d: d.lo)
        if not dates:
            return Verdict(claim, UNVERIFIABLE, "The knowledge base holds no founding date.")
        for founded in dates:  # COW may date a predecessor: the first day it existed
            try:
                then = self.members(org, PartialDate.of(founded.hi))
                break
            except MultilateralError:
                continue
        else:
            return Verdict(claim, UNVERIFIABLE, "No founding date the knowledge base can "
                           "answer for.")
        held = {i for i, _ in of_status(then, claim.details["status"])}
        named = {m["id"] for m in claim.details["members"] if m["id"]}
        figure = {"founded": str(founded), "members": sorted(held)}
        if named and named <= held:
            return Verdict(claim, SUPPORTED, f"All named were members when it was founded "
                           f"({founded}).", figure)
        return Verdict(claim, UNVERIFIABLE, f"Not members by the end of its founding "
                       f"({founded}) in the knowledge base: {', '.join(sorted(named - held))}; "
                       "the founders' list is not checked further.", figure)

    def _still(self, claim: ArticleClaim, status: str, then: list[tuple[str, str]],
               figure: dict[str, Any], reason: str, only: set[str] | None = None) -> Verdict:
        """Supported on the article's date; what has changed since is said beside it."""
        assert claim.org_id is not None
        now_members = self.members(claim.org_id, self.today)
        now = of_status(now_members, status)
        before, after = {i for i, _ in then}, {i for i, _ in now}
        if only is not None:
            before, after = before & only, after & only
        facts = standings(self.members(claim.org_id, self.on), status)
        if before == after:
            return Verdict(claim, SUPPORTED, reason, figure, facts)
        changes = self._changes_between(claim.org_id, status, before ^ after)
        joined = sorted(n for i, n in now if i not in before)
        left = sorted(n for i, n in then if i not in after)
        what = "; ".join(part for part in (
            f"since then {', '.join(joined)} joined" if joined else "",
            f"{', '.join(left)} no longer" if left else "") if part)
        figure = {**figure, "today": str(self.today), "count_today": len(now)}
        return Verdict(claim, SUPPORTED, f"{reason} It has changed since ({self.today}): "
                       f"{what}; {len(now)} {label(status, len(now))} today.", figure, facts,
                       changes)

    def _held_before(self, org: str, status: str, who: set[str]) -> bool:
        """Whether each of `who` held `status` before the article's date and had lost it by
        then (a list of members read after some left)."""
        ended = {c.claim.member.id for c in self.kb.history(org).changes
                 if c.change == "end" and c.claim.status == status and c.date is not None
                 and c.date.lo <= self.on.hi}
        return who <= ended

    def _changes_between(self, org: str, status: str, who: set[str]) -> list[dict[str, Any]]:
        history = self.kb.history(org)
        out = []
        for change in history.changes:
            if change.date is None or change.claim.member.id not in who:
                continue
            if self.on.hi < change.date.lo <= self.today.hi and change.change in ("start", "end"):
                out.append(change.as_dict())
        return out

    def _joined(self, claim: ArticleClaim) -> Verdict:
        fact = _fact(claim, Membership)
        if not fact.org_id or not fact.state_id:
            return Verdict(claim, UNVERIFIABLE, "The organization or the member is not in the "
                           "knowledge base.")
        if fact.change == "applied":
            return Verdict(claim, UNVERIFIABLE, f"The knowledge base records no applications "
                           f"(only statuses held): {fact.state}'s to {fact.org} is not checked.")
        issue = misread_joining(claim, fact)
        if issue:
            return Verdict(claim, UNVERIFIABLE, issue)
        history = self.kb.history(fact.org_id, None)
        member = fact.state_id
        status = our_status(fact.org_id, claim.text, fact.status.value)
        wanted = PartialDate.parse(fact.date) if fact.date else None
        slack = dt.timedelta(days=0)
        if wanted is not None and (fact.date_basis in ("article_date", "context")
                                   or (self.dated and wanted == self.on
                                       and wanted.day is not None)):
            # the page's own day (its header, its date line) or an earlier sentence's:
            # the day of the report, not of the event
            wanted = None
        elif wanted is not None and fact.date_basis == "relative":
            slack = RELATIVE_SLACK  # "on Thursday" resolved from the page's day
        edge = "end" if fact.change == "left" else "start"
        matches = [c for c in history.changes if c.claim.member.id == member
                   and c.claim.status == status and c.change == edge and c.date is not None]
        if not matches:
            other = sorted({c.claim.status for c in history.changes if c.claim.member.id == member})
            if edge == "end" and status in other:
                # a withdrawal not recorded (or undone since) is no proof it did not happen
                return Verdict(claim, UNVERIFIABLE, f"The knowledge base records no end of "
                               f"{fact.state}'s {label(status)} status in {fact.org}.")
            if other:
                return Verdict(claim, CONTRADICTED,
                               f"The knowledge base has {fact.state} in "
                               f"{fact.org} only as {', '.join(other)}.", None,
                               [c.as_dict() for c in history.changes
                                if c.claim.member.id == member])
            return Verdict(claim, UNVERIFIABLE, f"The knowledge base holds no status of "
                           f"{fact.state} in {fact.org}.")
        facts = [c.as_dict() for c in matches]
        if wanted is None:
            return Verdict(claim, SUPPORTED, f"{fact.state} is recorded as {status}.",
                           None, facts)
        agreeing = [c for c in matches if c.date is not None
                    and c.date.lo - slack <= wanted.hi and wanted.lo <= c.date.hi + slack]
        if agreeing:
            return Verdict(claim, SUPPORTED, f"Recorded from {agreeing[0].date} "
                           f"({agreeing[0].claim.dataset}).", str(agreeing[0].date), facts)
        stated = [d.date for d in find_dates(claim.text, None) if d.date is not None]
        also = [c for c in matches if c.date is not None
                and any(c.date.refines(d) for d in stated)]
        if also:
            # "A joined in 2001 and B in 2004": the reader gave this state another's date,
            # or a relative one; the date the sentence writes for it agrees
            return Verdict(claim, SUPPORTED, f"Recorded from {also[0].date} "
                           f"({also[0].claim.dataset}), a date the sentence gives (the reader "
                           f"read {wanted}).", str(also[0].date), facts)
        given = ", ".join(f"{c.date} ({c.claim.dataset})" for c in matches)
        return Verdict(claim, CONTRADICTED, f"The article says {wanted}; the knowledge base "
                       f"says {given}.", given, facts)

    # -- other facts ---------------------------------------------------------

    def _chair(self, claim: ArticleClaim) -> Verdict:
        fact = _fact(claim, Chairmanship)
        if not fact.org_id or not fact.state_id:
            return Verdict(claim, UNVERIFIABLE, "The organization or the state is not in the "
                           "knowledge base.")
        chairs = self._asked("chairs", fact.org_id)
        if not chairs:
            return Verdict(claim, UNVERIFIABLE,
                           f"The knowledge base holds no chairs of {fact.org}.")
        start = PartialDate.parse(fact.start) if fact.start else self.on
        end = PartialDate.parse(fact.end) if fact.end else start
        overlapping = [c for c in chairs if overlaps(c, start, end)]
        theirs = [c for c in overlapping if c["state"]["id"] == fact.state_id]
        if theirs:
            return Verdict(claim, SUPPORTED, f"{fact.state} chaired {fact.org} "
                           f"from {theirs[0]['start']} to {theirs[0]['end'] or 'today'}.",
                           None, theirs)
        if overlapping:
            names = ", ".join(f"{c['state']['name']} ({c['start']}–{c['end'] or ''})"
                              for c in overlapping)
            return Verdict(claim, CONTRADICTED, f"The knowledge base gives {names} for that "
                           "period.", None, overlapping)
        return Verdict(claim, UNVERIFIABLE, "The knowledge base has no chair for that period.")

    def _founding(self, claim: ArticleClaim) -> Verdict:
        fact = _fact(claim, Founding)
        if not fact.org_id:
            return Verdict(claim, UNVERIFIABLE, "The organization is not in the knowledge base.")
        foundings = [f for f in self._asked("foundings", fact.org_id) if f["date"]]
        if not foundings or not fact.date:
            return Verdict(claim, UNVERIFIABLE, "No founding date to compare.")
        wanted = PartialDate.parse(fact.date)
        agree = [f for f in foundings if PartialDate.parse(f["date"]).refines(wanted)]
        others = [f for f in foundings if f not in agree]
        if agree:
            extra = ("; " + ", ".join(f"{f['dataset']} gives {f['date']}" for f in others)
                     if others else "")
            return Verdict(claim, SUPPORTED, f"Founded {agree[0]['date']} ({agree[0]['dataset']})"
                           + extra + ".", agree[0]["date"], agree + others)
        given = ", ".join(f"{f['date']} ({f['dataset']})" for f in foundings)
        if _EARLIER_FORM.search(claim.text) and all(
                wanted.hi < PartialDate.parse(f["date"]).lo for f in foundings):
            # "initially formed in 1992 ... by the members of the Treaty": a first form,
            # which the knowledge base does not record as this organization
            return Verdict(claim, UNVERIFIABLE, f"The article dates a first form ({wanted}); "
                           f"the knowledge base dates the organization {given} and records "
                           "no earlier form.", given, foundings)
        return Verdict(claim, CONTRADICTED, f"The article says {wanted}; the knowledge base "
                       f"says {given}.", given, foundings)

    def _instrument(self, claim: ArticleClaim) -> Verdict:
        if claim.details.get("act"):
            return Verdict(claim, UNVERIFIABLE, judge_act(claim))
        verdict, reason, facts = judge_instrument(claim.facts[0], self._instruments,
                                                  self.parties)
        return Verdict(claim, verdict, reason, None, facts)

    def _asked(self, question: str, org: str) -> list[dict[str, Any]]:
        """An organization's instruments, chairs or foundings, asked once per report (an
        article names the same parties over and over)."""
        key = (question, org)
        if key not in self._answers:
            self._answers[key] = getattr(self.kb, question)(org)
        return self._answers[key]

    def _instruments(self, ids: list[str]) -> list[dict[str, Any]]:
        seen: dict[int, dict[str, Any]] = {}
        for party in ids:
            try:
                for instrument in self._asked("instruments", party):
                    seen[instrument["id"]] = instrument
            except MultilateralError:
                continue
        return list(seen.values())

    def _share(self, claim: ArticleClaim) -> Verdict:
        if claim.org_id is None:
            return Verdict(claim, UNVERIFIABLE, "No organization named near the share.")
        if claim.details.get("of", "population") != "population":
            return Verdict(claim, UNVERIFIABLE, f"The knowledge base holds population figures "
                           f"only, not {claim.details['of']}.")
        share = self.kb.share(claim.org_id, on=str(self.on.year))
        ok, reason, figure = judge_share(share, claim.details["percent"],
                                         claim.details.get("qualifier"))
        return Verdict(claim, SUPPORTED if ok else CONTRADICTED, reason, figure)

    def _officeholder(self, claim: ArticleClaim) -> Verdict:
        return Verdict(claim, UNVERIFIABLE, f"Unverifiable: {NO_OFFICEHOLDERS} (who is "
                       f"{claim.details['office']} on {self.on} cannot be looked up).")

    def _superlative(self, claim: ArticleClaim) -> Verdict:
        return Verdict(claim, UNVERIFIABLE, f"The knowledge base cannot rank organizations as "
                       f"'{claim.details['word']}': it holds no measure to compare them by.")


def _fact(claim: ArticleClaim, kind: type[_F]) -> _F:
    """The fact a joined, chair, founding or instrument claim was read from."""
    fact = claim.facts[0]
    if not isinstance(fact, kind):
        raise TypeError(f"a {claim.kind} claim from a {fact.type} fact")
    return fact
