"""The day of an undated page from the knowledge base: the changes of membership it reports
as done ("Finland has joined NATO", "the AU on Monday admitted Morocco"), as the record
dates them. The page was written on or after the newest of them, as it was on or after the
newest dated event its own words report."""

from __future__ import annotations

from multilateral.check.claims import CHANGE_VERB
from multilateral.check.verdict import KnowledgeSource
from multilateral.errors import MultilateralError
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Fact, Membership

# The changes a page reports as news; a status merely held dates nothing.
_CHANGES = ("joined", "granted", "left")


def recorded_events(facts: list[Fact], kb: KnowledgeSource
                    ) -> list[tuple[PartialDate, Membership]]:
    """Each change of membership the page asserts, with the day the knowledge base records
    for it: the one the page's own date for it agrees with, or, when the page gives none,
    the only one recorded (of a state that joined twice, which is meant cannot be told).
    Only days and months: a year alone does not date a page."""
    found = []
    for fact in facts:
        if not (isinstance(fact, Membership) and fact.change in _CHANGES
                and fact.modality == "asserted" and fact.org_id and fact.state_id):
            continue
        if fact.change == "left" and not CHANGE_VERB.search(fact.evidence.text):
            continue  # "Nicaragua's exit from the OAS": spoken of, not reported done
        try:
            history = kb.history(fact.org_id)
        except MultilateralError:
            continue
        edge = "end" if fact.change == "left" else "start"
        days = [c.date for c in history.changes if c.claim.member.id == fact.state_id
                and c.claim.status == fact.status.value and c.change == edge
                and c.date is not None and c.date.month is not None
                and c.date.hi <= kb.today]
        if fact.date and fact.date_basis in ("text", "relative"):
            stated = PartialDate.parse(fact.date)
            days = [d for d in days if d.refines(stated)]
        if len(set(days)) == 1:  # several (a state that left and came back): which is meant?
            found.append((days[0], fact))
    return found
