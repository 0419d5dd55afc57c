"""`multilateral extract`: articles in, FACTS.md documents out, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from multilateral.cli import main
from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Membership

HERE = Path(__file__).parent / "articles"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


def run(db: str, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["--db", db, *args], input=stdin)


def facts_of(result: Result) -> list[dict[str, object]]:
    return list(json.loads(result.stdout)["facts"])


def test_the_seed_gives_every_fact_it_states(sqlite_url: str) -> None:
    result = run(sqlite_url, "extract", str(GOLD / "000_seed.txt"))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    facts = document["facts"]
    by_type: dict[str, int] = {}
    for fact in facts:
        by_type[fact["type"]] = by_type.get(fact["type"], 0) + 1
    assert by_type == {"membership": 11, "agreement": 6, "resolution": 1, "event": 1,
                       "chairmanship": 1, "founding": 1}
    joined = sorted(f["state"] for f in facts if f.get("change") == "joined")
    assert joined == ["India", "Pakistan"]
    holds = [f for f in facts if f.get("change") == "holds"]
    assert len(holds) == 8 and all(f["date"] is None for f in holds)  # the seed is undated
    mous = {f["party_ids"][1]: (f["date"], f["place"]) for f in facts if f.get("kind") == "mou"}
    assert mous["UNODC"] == ("2011-06-14", "Astana")
    assert mous["OCHA"] == mous["WTOURO"] == ("2019-06-14", "Bishkek")
    resolution = next(f for f in facts if f["type"] == "resolution")
    assert (resolution["number"], resolution["date"], resolution["subject_id"]) == (
        "59/48", "2004-12-02", "SCO")
    chair = next(f for f in facts if f["type"] == "chairmanship")
    assert (chair["state_id"], chair["start"], chair["end"]) == ("RUS", "2019", "2020")


def test_evidence_offsets_point_into_the_cleaned_text(sqlite_url: str) -> None:
    kb = KnowledgeBase(sqlite_url)
    document = kb.extract_bytes("seed", (GOLD / "000_seed.txt").read_bytes())
    assert "top of page" not in document.text and "Facebook" not in document.text
    assert "Photo Credits" not in document.text
    assert document.photo_credits == ["Society & Diplomatic Review"]
    for fact in document.facts:
        span = fact.evidence
        assert document.text[span.start:span.end] == span.text
    kb.close()


def test_html_page_loses_its_chrome_and_comments(sqlite_url: str) -> None:
    result = run(sqlite_url, "extract", str(HERE / "asean_wire.html"))
    document = json.loads(result.stdout)
    meta = document["document"]
    assert meta["published"] == "2025-10-27" and meta["author"] == "Mira Santos"
    assert meta["photo_credits"] == ["Regional Wire/Ana Lim"]
    assert any(t["entity_id"] == "ASEAN" for t in meta["tags"])
    facts = document["facts"]
    # the reader's comment about Myanmar is not the article's
    assert not any(f.get("state_id") == "MMR" for f in facts)
    joined = next(f for f in facts if f.get("change") == "joined")
    assert (joined["state_id"], joined["org_id"]) == ("TLS", "ASEAN")
    # "yesterday" against the article's date, and said so
    assert (joined["date"], joined["date_basis"]) == ("2025-10-26", "relative")
    founding = next(f for f in facts if f["type"] == "founding")
    assert (founding["org_id"], founding["date"], founding["place"]) == ("ASEAN", "1967",
                                                                           "Bangkok")


def test_plans_and_negations_are_never_asserted(sqlite_url: str) -> None:
    facts = facts_of(run(sqlite_url, "extract", str(HERE / "asean_wire.html")))
    summit_2026 = next(f for f in facts if f["type"] == "event" and f["date"] == "2026")
    assert summit_2026["modality"] == "planned"
    png = [f for f in facts if f.get("state_id") == "PNG"]
    assert png and all(f["modality"] == "negated" for f in png)


def test_a_day_without_a_year_stays_partial(sqlite_url: str) -> None:
    text = (b"Council note\n\nThe Shanghai Cooperation Organisation signed a memorandum of "
            b"understanding with UNESCO on 10 June in Qingdao.\n")
    facts = facts_of(run(sqlite_url, "extract", "-", stdin=text))
    mou = next(f for f in facts if f["type"] == "agreement")
    assert mou["date"] is None and mou["date_partial"] == "06-10"


def test_unknown_organization_is_reported_unlinked(sqlite_url: str) -> None:
    text = (b"Summit news\n\nPublished 12 November 2024\n\nHungary became an observer of the "
            b"Organization of Turkic States in 2018.\n")
    document = json.loads(run(sqlite_url, "extract", "-", stdin=text).stdout)
    fact = next(f for f in document["facts"] if f["type"] == "membership")
    assert fact["org_id"] is None and fact["org_mention"] == "Organization of Turkic States"
    assert (fact["state_id"], fact["status"], fact["change"]) == ("HUN", "observer", "granted")
    assert any("Organization of Turkic States" in w for w in document["warnings"])


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "cp1252"])
def test_common_encodings_are_read(sqlite_url: str, tmp_path: Path, encoding: str) -> None:
    text = ("Côte d'Ivoire news\n\nPublished 3 March 2023\n\nCôte d'Ivoire joined the "
            "African Union in 2002, officials recalled.\n")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    result = run(sqlite_url, "extract", str(path))
    assert result.exit_code == 0, result.output
    fact = json.loads(result.stdout)["facts"][0]
    assert (fact["state_id"], fact["org_id"], fact["date"]) == ("CIV", "AU", "2002")


def test_invalid_utf8_is_read_with_a_warning(sqlite_url: str, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Bulletin\n\nPublished 4 April 2023\n\nFinland joined NATO on "
                     b"4 April 2023 \x96 a day the Helsinki press called \x93historic\x94.\n")
    result = run(sqlite_url, "extract", str(path))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert any("Not UTF-8" in w for w in document["warnings"])
    fact = document["facts"][0]
    assert (fact["state_id"], fact["org_id"], fact["date"]) == ("FIN", "NATO", "2023-04-04")


def test_bad_inputs_are_named_and_the_batch_goes_on(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (tmp_path / "c_french.txt").write_text(
        "L'Organisation de Shanghai pour la coopération a été fondée en 2001. Les membres de "
        "la organisation sont la Chine, la Russie et le Kazakhstan, et le sommet a eu lieu à "
        "Astana avec les dirigeants des pays membres.")
    (tmp_path / "d_good.txt").write_bytes((GOLD / "000_seed.txt").read_bytes())
    result = run(sqlite_url, "extract", str(tmp_path))
    assert result.exit_code == 1  # some failed
    assert "a_empty.txt: the file is empty" in result.stderr
    assert "b_binary.html: binary data" in result.stderr
    assert "c_french.txt" in result.stderr and "another language (fr)" in result.stderr
    assert "3 of 4 articles failed" in result.stderr
    assert json.loads(result.stdout)["document"]["source"].endswith("d_good.txt")
    all_bad = run(sqlite_url, "extract", str(tmp_path / "a_empty.txt"))
    assert all_bad.exit_code == 2


def test_an_oversized_page_is_refused_before_reading(sqlite_url: str, tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>padding text</p>" * 3_000_000 + b"</body></html>")
    result = run(sqlite_url, "extract", str(big))
    assert result.exit_code == 2
    assert "big.html" in result.stderr and "limit" in result.stderr


def test_a_given_publication_date_resolves_relative_dates(sqlite_url: str) -> None:
    # The text states no date of its own: "yesterday" is a day only once the caller gives one.
    text = (b"Bloc news\n\nThe African Union suspended Mali yesterday, the commission "
            b"said in a short note.\n")
    undated = json.loads(run(sqlite_url, "extract", "-", stdin=text).stdout)
    dated = json.loads(run(sqlite_url, "extract", "--published", "2021-06-02", "-",
                           stdin=text).stdout)
    assert undated["document"]["published"] is None
    assert any("No publication date" in w for w in undated["warnings"])
    assert dated["document"]["published"] == "2021-06-02"
    suspension = next(f for f in dated["facts"] if f["type"] == "membership")
    assert (suspension["date"], suspension["date_basis"]) == ("2021-06-01", "relative")
    assert not any("No publication date" in w for w in dated["warnings"])


def test_a_given_publication_date_wins_over_the_page(sqlite_url: str) -> None:
    text = (b"Bloc news\n\nPublished 3 March 2023\n\nThe African Union suspended Mali "
            b"yesterday, the commission said.\n")
    document = json.loads(run(sqlite_url, "extract", "--published", "2021-06-02", "-",
                              stdin=text).stdout)
    assert document["document"]["published"] == "2021-06-02"
    bad = run(sqlite_url, "extract", "--published", "2 June", "-", stdin=text)
    assert bad.exit_code == 2 and "YYYY" in bad.output


def test_the_library_takes_the_publication_date(sqlite_url: str) -> None:
    document = KnowledgeBase(sqlite_url).extract_bytes(
        "note.txt", b"Bloc news\n\nThe African Union suspended Mali on Monday, officials "
        b"said.\n", published=PartialDate(2021, 6, 2))
    fact = next(f for f in document.facts if isinstance(f, Membership))
    assert fact.date == "2021-05-31"
