"""The CLI's text renderings, called as functions: an organization's profile, and a candidate's
evidence shown inside the article text around it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from multilateral.cli.text import CONTEXT_CHARS, candidate_text, org_text
from multilateral.kb import KnowledgeBase


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
