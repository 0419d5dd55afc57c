"""Added in s10-tables2: General Assembly observers, each from the day a page gives, and
organizations' Wikidata ids, each from a page that shows it."""

from pathlib import Path

import pytest

from multilateral.errors import DataFileError
from multilateral.kb import KnowledgeBase
from multilateral.reference import bundle as bundle_module
from multilateral.reference.bundle import Bundle
from multilateral.reference.wikidata import load_org_wikidata


def observers(kb: KnowledgeBase, on: str) -> set[str]:
    return {st.subject.id for st in kb.members("UNGA", on=on).certain
            if st.status == "observer"}


@pytest.mark.parametrize(("org_id", "day", "eve"), [
    # https://caf.com/en/currently/news/caf-joins-the-united-nations (New York, 14 Dec 2012)
    ("CAF", "2012-12-14", "2012-12-13"),
    # https://olympics.com/ioc/news/ioc-granted-un-observer-status (19 Oct 2009)
    ("IOC", "2009-10-19", "2009-10-18"),
    # http://archive.ipu.org/press-e/gen145.htm (IPU press release No. 145, 19 Nov 2002)
    ("IPU", "2002-11-19", "2002-11-18"),
    # http://www.un.org/press/en/1997/19971022.GA9335.html (GA/9335, 22 Oct 1997)
    ("Andean", "1997-10-22", "1997-10-21"),
    # http://casic-gx.com/english/2018-12/21/c_137688211.htm (Xinhua, 20 Dec 2018)
    ("AIIB", "2018-12-20", "2018-12-19"),
    ("NDB", "2018-12-20", "2018-12-19"),
    # http://174.129.218.71/un/about/index.cfm (International IDEA: 9 Dec 2003)
    ("IDEA", "2003-12-09", "2003-12-08"),
    # https://physicstoday.aip.org/news/cern-gains-observer-status-at-united-nations
    ("CERN", "2012-12-14", "2012-12-13"),
])
def test_observer_from_the_day_a_page_gives(kb: KnowledgeBase, org_id: str, day: str,
                                            eve: str) -> None:
    assert org_id in observers(kb, day)
    assert org_id not in observers(kb, eve)


def test_a_month_only_grant_is_not_certain_within_its_month(kb: KnowledgeBase) -> None:
    # http://mfa.kz/en/content-view/svmda gives December 2007 only for CICA
    assert "CICA" not in observers(kb, "2007-12-15")
    assert "CICA" in observers(kb, "2008-01-01")


def test_the_eurasian_economic_union_is_no_observer(kb: KnowledgeBase) -> None:
    """Its request has been deferred every session since the 70th
    (http://fanyjok.com/en/ga/sixth/79/eurasian_econ_union.shtml)."""
    assert "EAEU" not in observers(kb, "2025-06-30")


def test_observers_on_a_recent_day(kb: KnowledgeBase) -> None:
    """27 organizations and entities before this branch, 16 added: 43 on 2025-06-30."""
    assert len(observers(kb, "2025-06-30")) == 43


@pytest.mark.parametrize(("name", "org_id"), [
    ("Andean Development Corporation", "CAF"),
    ("International IDEA", "IDEA"),
    ("International Federation of Red Cross and Red Crescent Societies", "IFRC"),
])
def test_new_observers_resolve_by_name(kb: KnowledgeBase, name: str, org_id: str) -> None:
    assert kb.organization(name).id == org_id


# Wikidata ids of organizations (hand/wikidata_orgs.csv), each read on
# https://github.com/confirmordeny/supraverden/blob/59ab4fa0f92f3c75bb45e230908e612f15e8dbdf/dist/ALL_BODIES.md
@pytest.mark.parametrize(("org_id", "qid"), [
    ("SCO", "Q485207"), ("NATO", "Q7184"), ("UN", "Q1065"), ("EU", "Q458"),
    ("AU", "Q7159"), ("ASEAN", "Q7768"), ("OPEC", "Q7795"), ("INTERPOL", "Q8475"),
])
def test_organizations_carry_the_wikidata_id_a_page_shows(kb: KnowledgeBase, org_id: str,
                                                         qid: str) -> None:
    assert kb.wikidata_ids("organization", [org_id]) == {org_id: qid}
    assert kb.by_wikidata("organization", qid) == kb.organization(org_id)
    shown = kb.org(org_id).as_dict()["wikidata"]
    assert shown["id"] == qid and shown["url"] == f"https://www.wikidata.org/wiki/{qid}"
    assert "supraverden" in shown["source"]


def test_no_wikidata_id_is_given_where_no_page_shows_one(kb: KnowledgeBase) -> None:
    # BRICS and the G20 are in no list read; the Commonwealth's Secretariat has an item of
    # its own, which is not the Commonwealth of Nations (our ComSec)
    for org_id in ("BRICS", "G20", "ComSec"):
        assert kb.org(org_id).as_dict()["wikidata"] is None
    assert len(kb.wikidata_ids("organization")) == 179


WIKI_HEADER = "org,qid,name_on_page,source_urls,note"
WIKI_GOOD = "NATO,Q7184,North Atlantic Treaty Organisation,https://example.org/list,"


def _load_wikidata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *lines: str) -> Bundle:
    (tmp_path / "hand").mkdir()
    (tmp_path / "hand" / "wikidata_orgs.csv").write_text(
        "\n".join([WIKI_HEADER, *lines]) + "\n", encoding="utf-8")
    monkeypatch.setattr(bundle_module, "data_dir", lambda: tmp_path)
    bundle = Bundle()
    bundle.rows["organizations"].extend([{"id": "NATO"}, {"id": "EU"}])
    load_org_wikidata(bundle)
    return bundle


def test_a_wikidata_row_sets_the_id_and_its_page(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _load_wikidata(tmp_path, monkeypatch, WIKI_GOOD)
    nato = bundle.rows["organizations"][0]
    assert (nato["wikidata_id"], nato["wikidata_source"]) == (
        "Q7184", "https://example.org/list")


@pytest.mark.parametrize(("line", "says"), [
    (WIKI_GOOD.replace("NATO,", "NATOO,"), "no organization 'NATOO'"),
    (WIKI_GOOD.replace("Q7184", "7184"), "write it as Q and digits"),
    (WIKI_GOOD.replace("https://example.org/list", ""), "give the page"),
    (WIKI_GOOD.replace("NATO,", "EU,"), "already NATO's"),
])
def test_a_broken_wikidata_row_names_the_line_and_the_fix(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, says: str) -> None:
    with pytest.raises(DataFileError) as caught:
        _load_wikidata(tmp_path, monkeypatch, WIKI_GOOD, line)
    assert caught.value.message.startswith("hand/wikidata_orgs.csv, line 3:")
    assert says in caught.value.message
