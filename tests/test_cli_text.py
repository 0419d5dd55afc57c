"""The CLI's text renderings, called as functions: an organization's profile, and a candidate's
evidence shown inside the article text around it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from multilateral.cli import main
from multilateral.cli.text import CONTEXT_CHARS, candidate_text, org_text, table
from multilateral.kb import KnowledgeBase

SEED = Path(__file__).resolve().parents[1] / "gold" / "articles" / "000_seed.txt"


def test_org_text_shows_every_section_of_the_profile(kb: KnowledgeBase) -> None:
    profile = kb.org("SCO", "2019-11-19")
    lines = org_text(profile).splitlines()
    assert lines[0] == f"{profile.org.name} ({profile.org.id})"
    assert f"  kind: {profile.kind}" in lines
    assert profile.foundings and all(
        any(line.startswith(f"  founded: {f['date']}") and f"({f['dataset']})" in line
            for line in lines) for f in profile.foundings)
    on_line = next(line for line in lines if line.startswith("  on 2019-11-19: "))
    assert profile.counts_on and all(f"{n} " in on_line for n in profile.counts_on.values())
    assert all(f"  {c.description}" in lines for c in profile.conflicts)
    assert all(f"Note: {note}" in lines for note in profile.notes)


def test_evidence_is_shown_bracketed_in_its_article_text(sqlite_url: str, tmp_path: Path,
                                                         seed_path: Path) -> None:
    db = tmp_path / "kb.db"
    shutil.copyfile(sqlite_url, db)
    kb = KnowledgeBase(str(db))
    kb.ingest([str(seed_path)])
    queue = kb.review_queue()
    assert queue
    for candidate in queue:
        text = kb.article(candidate["article_id"])["text"]
        start, end = candidate["fact"]["evidence"]["start"], candidate["fact"]["evidence"]["end"]
        shown = candidate_text(candidate)
        assert f"#{candidate['id']} (article {candidate['article_id']})" in shown
        around = (text[max(0, start - CONTEXT_CHARS):start] + f"[{text[start:end]}]"
                  + text[end:end + CONTEXT_CHARS])
        assert _bare(f"…{around}…") in _bare(shown), candidate["id"]
    kb.close()


def _bare(text: str) -> str:
    """The text without its whitespace, which wrapping moves."""
    return re.sub(r"\s+", "", text)


def test_evidence_without_its_place_in_the_text_is_still_shown() -> None:
    candidate = {"id": 7, "article_id": 3, "type": "event", "confidence": 0.5, "context": None,
                 "fact": {"type": "event", "kind": "summit", "name": "Bishkek summit",
                          "modality": "asserted", "evidence": {"text": "the Bishkek summit"}}}
    assert "…[the Bishkek summit]…" in candidate_text(candidate)


def test_a_table_fits_the_width_it_is_given_cutting_the_widest_column() -> None:
    rows = [["member", "Federated States of Micronesia", "FSM", "https://example.org/" + "x" * 80]]
    fitted = table(["status", "state", "id", "sources"], rows, width=60)
    assert all(len(line) <= 60 for line in fitted.splitlines())
    assert "…" in fitted and "FSM" in fitted and "member" in fitted
    assert "x" * 80 in table(["status", "state", "id", "sources"], rows)  # a pipe: whole


def test_find_says_when_it_stops_at_its_limit(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", sqlite_url, "find", "union", "--limit", "3"])
    assert result.exit_code == 0 and "The first 3 matches; there are more" in result.output
    every = CliRunner().invoke(main, ["--db", sqlite_url, "find", "Shanghai Cooperation"])
    assert "there are more" not in every.output


def test_check_rows_say_which_claim_they_are(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", sqlite_url, "check", str(SEED)])
    header = next(line for line in result.output.splitlines() if line.startswith("#"))
    assert header.split()[:3] == ["#", "at", "claim"]
    assert any(line.startswith("1 ") for line in result.output.splitlines())


def test_control_characters_in_stored_text_are_never_printed() -> None:
    from multilateral.cli.text import candidate_text

    rows = [["member", "Ev\x1b[2Jil\u202e", "X\x07"]]
    printed = table(["status", "state", "id"], rows)
    assert not any(ch in printed for ch in "\x1b\x07\u202e") and "Ev[2Jil" in printed
    candidate = {"id": 1, "article_id": 1, "type": "membership", "confidence": 0.9,
                 "fact": {"type": "membership", "state": "A\x1b]0;x\x07", "org": "SCO",
                          "change": "joined", "status": "member", "modality": "asserted",
                          "evidence": {"text": "A\x1b]0;x\x07 joined"}},
                 "context": {"before": "\x1b[31m", "evidence": "A joined", "after": "\x07"}}
    assert not any(ch in candidate_text(candidate) for ch in "\x1b\x07")
