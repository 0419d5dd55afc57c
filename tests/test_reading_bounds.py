"""Reading stays bounded whatever the page: a page on one line is cut into sentences the rules
can take, and a batch gives up an article that runs past its time limit and goes on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from multilateral.ingest.pipeline import extract_bytes
from multilateral.ingest.reading import UnreadableArticle
from multilateral.ingest.sentences import MAX_SENTENCE, split_sentences
from multilateral.kb import KnowledgeBase

CLAUSE = ("India and Pakistan joined the Shanghai Cooperation Organisation as members in 2017, "
          "and Iran and Belarus were observers of the SCO; ")


def test_a_run_on_sentence_is_cut_at_clause_breaks_into_bounded_pieces() -> None:
    text = CLAUSE * 400  # about 50,000 characters with no full stop
    sentences = split_sentences(text)
    assert len(sentences) > 1 and max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert all(s.text.endswith((";", ",")) for s in sentences[:-1])
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_long_one_line_page_is_read_whole(sqlite_url: str) -> None:
    kb = KnowledgeBase(sqlite_url)
    page = ("SCO news\n\nPublished 1 June 2019\n\n" + CLAUSE * 2000).encode()  # ~250 KB
    document = extract_bytes("long.txt", page, kb.extractor())
    kb.close()
    joined = {f.state for f in document.facts if getattr(f, "change", None) == "joined"}
    assert {"India", "Pakistan"} <= joined  # merged into one fact each, not 2,000


def test_an_article_past_its_time_limit_is_given_up_and_the_batch_goes_on(
        sqlite_url: str, tmp_path: Path) -> None:
    kb = KnowledgeBase(sqlite_url)
    (tmp_path / "a.txt").write_text("SCO\n\nPublished 1 June 2019\n\n" + CLAUSE * 50)
    (tmp_path / "b.txt").write_text("SCO\n\nPublished 1 June 2019\n\n" + CLAUSE)
    kb.desk._extractor = replace(kb.extractor(), time_limit=-1.0)  # nothing can finish in time
    results = list(kb.extract([str(tmp_path)]))
    kb.close()
    assert len(results) == 2 and all(isinstance(r, UnreadableArticle) for r in results)
    assert "took over -1 s" in str(results[0])
