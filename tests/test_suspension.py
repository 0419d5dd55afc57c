"""A suspension is a status held within membership: a suspended state keeps its membership
(its rights suspended), counted apart as `suspended` and listed among the members."""

from multilateral.kb import KnowledgeBase
from multilateral.model.membership import Ref, Standing


def test_russia_a_suspended_member_of_the_council_of_europe(kb: KnowledgeBase) -> None:
    # Suspended from 2022-02-25, expelled 2022-03-16 (the COE table by hand).
    members = kb.members("COE", on="2022-03-01", status="member")
    russia = next(st for st in members.certain if st.subject.id == "RUS")
    assert russia.suspended and str(russia.suspended_since) == "2022-02-25"
    assert str(russia.since) == "1996-02-28"  # the membership the suspension interrupted
    assert members.suspended == 1
    suspended = kb.members("COE", on="2022-03-01", status="suspended")
    assert [st.subject.id for st in suspended.certain] == ["RUS"]
    assert "RUS" not in {st.subject.id for st in kb.members("COE", on="2022-03-16").certain}


def test_a_member_in_good_standing_is_not_suspended(kb: KnowledgeBase) -> None:
    members = kb.members("COE", on="2021-06-01")
    russia = next(st for st in members.certain if st.subject.id == "RUS")
    assert not russia.suspended and russia.suspended_since is None
    assert kb.members("COE", on="2021-06-01", status="suspended").certain == []


def test_the_json_marks_suspension(kb: KnowledgeBase) -> None:
    data = kb.members("AU", on="2024-01-01").as_dict()
    assert data["counts"]["member"] == 49 and data["counts"]["suspended"] == 6
    assert data["suspended"] == 6
    marked = [m for m in data["members"] if m["suspended"]]
    assert len(marked) == 6 and all(m["status"] == "suspended" and m["suspended_since"]
                                    for m in marked)


def test_a_possible_suspension_is_a_possible_membership() -> None:
    maybe = Standing(Ref("state", "MLI", "Mali"), None, "uncertain", possible=["suspended"])
    assert maybe.has("member") and maybe.has("suspended") and not maybe.has("observer")
