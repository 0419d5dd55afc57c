"""Claims on real pages: kept by offsets and hash, scored beside the facts (issue 16)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from multilateral.cli import main
from multilateral.errors import DataFileError
from multilateral.ingest import gold_real
from multilateral.ingest.evaluation import Evaluation
from multilateral.kb import KnowledgeBase
from multilateral.model.facts import Document

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "real_claims"

# What a checker reports on the fixture's pages: (words of the span, verdict). r901 holds
# three gold claims (outdated, supported, supported) and a plan; r903 states no claim
# (`claims` is []); r902's claims are not annotated, so nothing reported there is counted.
REPORTED = [("has six members", "supported"),  # gold says outdated: a wrong verdict
            ("India and Pakistan joined", "supported"),  # right
            ("Mongolia is an observer", "unverifiable"),  # an abstention
            ("looks forward to welcoming", "contradicted"),  # a plan: a false claim
            ("The 24th summit", "supported"),  # an ordinal: a false claim
            ("has ten members", "supported")]  # on a page not annotated: not counted


def reported(document: Document) -> list[tuple[int, int, str]]:
    out = []
    for words, verdict in REPORTED:
        at = document.text.find(words)
        if at >= 0:
            out.append((at, at + len(words), verdict))
    return out


@pytest.fixture()
def stub_kb(sqlite_url: str) -> Iterator[KnowledgeBase]:
    kb = KnowledgeBase(sqlite_url)
    kb.checking.judge_claims = reported  # type: ignore[method-assign]
    yield kb
    kb.close()


def copy_fixture(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "real"))


def test_claims_are_scored_found_right_abstained_and_false(stub_kb: KnowledgeBase) -> None:
    result = stub_kb.evaluate(FIXTURE)
    claims = result.claims.as_dict()
    assert (claims["gold"], claims["found"], claims["decided"], claims["right"]) == (3, 3, 2, 1)
    assert claims["unverifiable"] == 1 and claims["unverifiable_in_gold"] == 0
    # five reported on annotated pages (r902's is not counted), two of them no claim
    assert (claims["reported"], claims["false"], claims["false_rate"]) == (5, 2, 0.4)
    kinds = {(m["article"], m["error"]) for m in result.claims.misses}
    assert kinds == {("r901", "verdict"), ("r901", "unverifiable"), ("r901", "false claim"),
                     ("r903", "false claim")}
    wrong = next(m for m in result.claims.misses if m["error"] == "verdict")
    assert wrong["truth"] == "outdated" and wrong["verdicts"] == ["supported"]


def test_a_claim_missed_is_listed_with_its_kind(stub_kb: KnowledgeBase) -> None:
    stub_kb.checking.judge_claims = lambda document: [  # type: ignore[method-assign]
        v for v in reported(document) if "India" not in document.text[v[0]:v[1]]]
    result = stub_kb.evaluate(FIXTURE)
    assert result.claims.found == 2
    missed = [m for m in result.claims.misses if m["error"] == "not found"]
    assert [(m["article"], m["kind"], m["truth"]) for m in missed] == [
        ("r901", "joined", "supported")]


def test_eval_prints_the_claim_scores_in_table_json_and_errors(sqlite_url: str,
                                                               tmp_path: Path) -> None:
    """The real checker on the fixture: whatever it finds, the figures hold together."""
    real = copy_fixture(tmp_path)
    run = CliRunner().invoke(main, ["--db", sqlite_url, "eval", str(real), "--format",
                                    "json", "--errors"])
    assert run.exit_code == 0, run.output
    claims = json.loads(run.stdout)["claims"]
    assert claims["gold"] == 3 and 0 <= claims["found"] <= 3
    assert claims["decided"] + claims["unverifiable"] == claims["found"]
    assert 0 <= claims["false"] <= claims["reported"]
    table = CliRunner().invoke(main, ["--db", sqlite_url, "eval", str(real), "--errors"])
    assert table.exit_code == 0, table.output
    assert f"claims: {claims['found']} of 3 found" in table.output
    misses = claims["gold"] - claims["right"] + claims["false"]
    assert sum(": claim " in line for line in table.output.splitlines()) == misses


def test_a_claim_whose_hash_fails_is_named_by_page_and_claim(sqlite_url: str,
                                                            tmp_path: Path) -> None:
    real = copy_fixture(tmp_path)
    lines = [json.loads(row) for row in (real / "pages.jsonl").read_text().splitlines()]
    lines[0]["claims"][1]["start"] += 1
    (real / "pages.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    run = CliRunner().invoke(main, ["--db", sqlite_url, "eval", str(real)])
    assert run.exit_code != 0
    assert "page r901, claim 2" in run.output and "sha256" in run.output


def test_a_verdict_outside_the_format_is_refused() -> None:
    page, text = gold_real.load(FIXTURE).cached[0]
    assert page.claims is not None
    page.claims[0] = {**page.claims[0], "verdict": "true"}
    with pytest.raises(DataFileError, match="claim 1.*verdict one of"):
        gold_real.resolved_claims(page, text)


def test_a_page_without_the_claims_key_is_not_annotated() -> None:
    pages = {page.id: page for page in gold_real.read_pages(FIXTURE)}
    assert pages["r902"].claims is None and pages["r903"].claims == []


def test_an_empty_result_has_no_false_claims() -> None:
    assert Evaluation().claims.as_dict()["false_rate"] == 0.0


def tool(real: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "real_pages.py"), *args],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "MULTILATERAL_REAL_GOLD": str(real)})


def test_the_tool_turns_claim_texts_into_offsets_and_hashes(tmp_path: Path) -> None:
    real = copy_fixture(tmp_path)
    work = tmp_path / "r902.claims.json"
    span = "The Association of Southeast Asian Nations has ten members"
    work.write_text(json.dumps([{"text": span, "kind": "count", "verdict": "supported",
                                 "as_of": "2017-08-08", "as_of_basis": "published",
                                 "decided_by": "fixture"}]))
    done = tool(real, "claims", "--id", "r902", "--claims", str(work))
    assert done.returncode == 0, done.stderr
    stored = (real / "pages.jsonl").read_text(encoding="utf-8")
    assert span not in stored  # never the words
    page, text = next((p, t) for p, t in gold_real.load(real).cached if p.id == "r902")
    [claim] = gold_real.resolved_claims(page, text)
    assert claim["text"] == span and claim["kind"] == "count"
    assert tool(real, "verify").returncode == 0


def test_a_repeated_claim_text_is_placed_by_its_occurrence() -> None:
    text = "Nine members. Later: Nine members."
    with pytest.raises(DataFileError, match="more than once"):
        gold_real.locate(text, "Nine members")
    assert gold_real.locate(text, "Nine members", 2)["start"] == text.rindex("Nine members")
    with pytest.raises(DataFileError, match="fewer than 3"):
        gold_real.locate(text, "Nine members", 3)


def test_the_tool_refuses_a_claim_text_not_in_the_page(tmp_path: Path) -> None:
    real = copy_fixture(tmp_path)
    before = (real / "pages.jsonl").read_text(encoding="utf-8")
    work = tmp_path / "bad.json"
    work.write_text(json.dumps([{"text": "Belarus joined", "kind": "joined",
                                 "verdict": "supported"}]))
    done = tool(real, "claims", "--id", "r902", "--claims", str(work))
    assert done.returncode != 0 and "claim 1" in done.stderr and "not found" in done.stderr
    assert (real / "pages.jsonl").read_text(encoding="utf-8") == before


def test_two_verdicts_on_one_span_are_right_only_if_both_are() -> None:
    # A checker that says "supported" and "contradicted" of the same words shows a reader
    # both; the scorer must not pick the one that happens to agree with the gold.
    from multilateral.ingest.evaluation import ClaimScores, _score_real_claims
    from multilateral.model.facts import Document

    text = "Ruritania became a full member of the bloc in 2020."
    claim = {"text": text, "start": 0, "kind": "joined", "verdict": "supported"}
    document = Document(source="t.txt", sha256="", text=text)
    both = ClaimScores()
    _score_real_claims("t", [claim], document,
                       [(0, len(text), "supported"), (0, len(text), "contradicted")], both)
    assert both.decided == 1 and both.right == 0
    one = ClaimScores()
    _score_real_claims("t", [claim], document, [(0, len(text), "supported")], one)
    assert one.right == 1
