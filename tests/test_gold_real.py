"""The real-page gold set: pages kept by address and hash, texts checked before scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from multilateral.cli import main
from multilateral.errors import DataFileError
from multilateral.ingest import gold_real

TEXT = ("SCO summit ends\n\nPublished 10 June 2017\n\nAt the summit in Astana on 9 June 2017 "
        "India and Pakistan joined the Shanghai Cooperation Organisation as full members.\n")
EVIDENCE = "India and Pakistan joined the Shanghai Cooperation Organisation as full members"


def make_set(root: Path, text: str = TEXT, cached: str | None = TEXT) -> Path:
    facts = [{"type": "membership", "org": "Shanghai Cooperation Organisation", "state": state,
              "status": "member", "change": "joined", "date": "2017-06-09",
              "date_basis": "context", "modality": "asserted",
              "evidence": gold_real.locate(text, EVIDENCE)} for state in ("India", "Pakistan")]
    page = {"id": "r001", "split": "dev", "url": "https://example.org/sco", "query": "sco",
            "sha256": gold_real.sha256(text), "length": len(text), "published": "2017-06-10",
            "style": "wire", "facts": facts}
    root.mkdir(exist_ok=True)
    (root / "pages.jsonl").write_text(json.dumps(page) + "\n")
    if cached is not None:
        (root / "texts").mkdir(exist_ok=True)
        (root / "texts" / "r001.txt").write_text(cached, encoding="utf-8")
    return root


def test_a_cached_page_is_scored_with_its_article_date(sqlite_url: str, tmp_path: Path) -> None:
    real = make_set(tmp_path / "real")
    result = CliRunner().invoke(main, ["--db", sqlite_url, "eval", str(real), "--format",
                                       "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1 and scores["overall"]["gold"] == 2
    assert scores["overall"]["matched"] == 2
    assert scores["article_dates"] == {"stated": 1, "found": 1}
    assert scores["note"] is None


def test_a_page_whose_text_is_missing_or_changed_is_not_scored_and_said(sqlite_url: str,
                                                                       tmp_path: Path) -> None:
    real = make_set(tmp_path / "real", cached=TEXT.replace("9 June", "19 June"))
    loaded = gold_real.load(real)
    assert loaded.cached == [] and loaded.missing == ["r001"]
    assert loaded.note is not None and "README" in loaded.note
    assert gold_real.load(make_set(tmp_path / "none", cached=None)).missing == ["r001"]


def test_an_evidence_span_that_does_not_match_is_an_annotation_error(tmp_path: Path) -> None:
    real = make_set(tmp_path / "real")
    line = json.loads((real / "pages.jsonl").read_text())
    line["facts"][0]["evidence"]["start"] += 1
    (real / "pages.jsonl").write_text(json.dumps(line) + "\n")
    page, text = gold_real.load(real).cached[0]
    with pytest.raises(DataFileError, match="fact 1"):
        list(gold_real.resolved_facts(page, text))


def test_evidence_must_occur_exactly_once() -> None:
    with pytest.raises(DataFileError, match="not found"):
        gold_real.locate(TEXT, "Belarus joined")
    with pytest.raises(DataFileError, match="more than once"):
        gold_real.locate(TEXT, "June 2017")
