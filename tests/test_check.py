"""`multilateral check`: an article's claims judged as of its date, and again today."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from multilateral.cli import main

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"
HERE = Path(__file__).parent / "articles"


def check(db: str, *args: str) -> dict[str, object]:
    result: Result = CliRunner().invoke(main, ["--db", db, "check", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def claims(report: dict[str, object], kind: str) -> list[dict[str, object]]:
    return [c for c in report["claims"] if c["kind"] == kind]  # type: ignore[union-attr]


def test_undated_seed_is_judged_on_the_day_it_reports(sqlite_url: str) -> None:
    report = check(sqlite_url, str(GOLD / "000_seed.txt"))
    assert report["on"] == "2019-11-19" and report["on_basis"] == "newest_event"
    assert "no date of its own" in str(report["on_note"])
    assert "newest event" in str(report["on_note"])


def test_seed_counts_held_then_are_supported_with_the_changes_since(sqlite_url: str) -> None:
    report = check(sqlite_url, str(GOLD / "000_seed.txt"))
    counts = {c["details"]["status"]: c for c in claims(report, "count")}  # type: ignore[index]
    assert {k: c["details"]["number"] for k, c in counts.items()} == {  # type: ignore[index]
        "member": 8, "observer": 4, "dialogue_partner": 6}
    # true on the article's day: supported (CLAIMS_FORMAT.md), today's answer beside it
    assert all(c["verdict"] == "supported" for c in counts.values())
    member = counts["member"]
    assert member["figure"]["count_today"] == 10  # type: ignore[index]
    changed = {ch["member"]["id"] for ch in member["changes"]}  # type: ignore[index, union-attr]
    assert changed == {"BLR", "IRN"}
    assert "Belarus" in str(member["reason"]) and "changed since" in str(member["reason"])


def test_over_44_percent_is_contradicted_with_the_figures(sqlite_url: str) -> None:
    share = claims(check(sqlite_url, str(GOLD / "000_seed.txt")), "share")[0]
    assert share["verdict"] == "contradicted"
    figure = share["figure"]
    assert figure["year"] == 2019 and figure["percent"] == 41.7  # type: ignore[index]
    assert figure["members"] == 8  # type: ignore[index]
    assert "World Bank" in str(share["reason"])


def test_instruments_joins_chair_and_founding_are_supported_with_sources(
        sqlite_url: str) -> None:
    report = check(sqlite_url, str(GOLD / "000_seed.txt"))
    instruments = claims(report, "instrument")
    assert len(instruments) == 7 and all(c["verdict"] == "supported" for c in instruments)
    unodc = next(c for c in instruments if "UNODC" in json.dumps(c["details"]))
    assert unodc["facts"][0]["sources"]  # type: ignore[index]
    joins = [c for c in claims(report, "joined") if "India" in json.dumps(c["details"])]
    assert joins and joins[0]["verdict"] == "supported" and joins[0]["figure"] == "2017-06-09"
    assert claims(report, "chair")[0]["verdict"] == "supported"
    founding = claims(report, "founding")[0]
    assert founding["verdict"] == "supported" and "1996" in str(founding["reason"])
    assert claims(report, "superlative")[0]["verdict"] == "unverifiable"


def test_a_wrong_date_or_place_names_both(sqlite_url: str, tmp_path: Path) -> None:
    article = tmp_path / "wrong.txt"
    article.write_text("SCO and UNODC\n\nPublished 1 July 2011\n\nThe SCO Secretariat signed a "
                       "memorandum of understanding with UNODC on 14 June 2012 in Tashkent.\n")
    instrument = claims(check(sqlite_url, str(article)), "instrument")[0]
    assert instrument["verdict"] == "contradicted"
    assert "2012-06-14" in str(instrument["reason"]) and "2011-06-14" in str(instrument["reason"])
    assert "Tashkent" in str(instrument["reason"]) and "Astana" in str(instrument["reason"])


def test_a_false_accession_is_contradicted(sqlite_url: str) -> None:
    report = check(sqlite_url, str(HERE / "mongolia_claim.txt"))
    assert report["on"] == "2019-05-20" and report["on_basis"] == "published"
    joined = claims(report, "joined")[0]
    assert joined["verdict"] == "contradicted" and "observer" in str(joined["reason"])


def test_on_overrides_the_article_date_and_html_renders(sqlite_url: str) -> None:
    report = check(sqlite_url, str(GOLD / "000_seed.txt"), "--on", "2024-08-01")
    member = next(c for c in claims(report, "count")
                  if c["details"]["status"] == "member")  # type: ignore[index]
    # eight was true until Iran joined in 2023: outdated on that day, not contradicted
    assert report["on_basis"] == "option" and member["verdict"] == "outdated"
    figure = member["figure"]
    assert figure["count"] == 10 and figure["true_until"] == "2023-07-04"  # type: ignore[index]
    html = CliRunner().invoke(main, ["--db", sqlite_url, "check", str(GOLD / "000_seed.txt"),
                                     "--on", "2024-08-01", "--format", "html"]).stdout
    # A row of the verdict table, not the stylesheet, which names every verdict.
    assert html.startswith("<!DOCTYPE html>") and "<tr class='outdated'><td>count" in html


def test_a_partial_list_is_not_held_against_the_article(sqlite_url: str, tmp_path: Path) -> None:
    article = tmp_path / "partial.txt"
    article.write_text("G20 note\n\nPublished 1 March 2024\n\nThe G20 brings together 19 "
                       "countries, the European Union and the African Union.\n")
    listed = claims(check(sqlite_url, str(article)), "list")[0]
    assert listed["verdict"] == "supported"
    assert "leaves out 19 other members" in str(listed["reason"])
