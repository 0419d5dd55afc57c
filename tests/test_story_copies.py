"""One story, many copies: reprints found by their words (exact) or by MinHash LSH (near)
in the store, kept as sources of the first article, adding no candidates."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text, update

from copies_support import copies, stories, with_boilerplate, write
from multilateral.kb import KnowledgeBase
from multilateral.model.shingles import Signature, shingles, text_hash
from multilateral.store import migrate
from multilateral.store import schema as s


def _count(kb: KnowledgeBase, table: s.Table) -> int:
    with kb.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def test_300_copies_of_30_stories_are_30_stories_with_their_copies(
        sqlite_url: str, tmp_path: Path) -> None:
    url = str(tmp_path / "kb.db")
    shutil.copyfile(sqlite_url, url)
    kb = KnowledgeBase(url)
    made = copies()
    assert len(made) == 300
    report = kb.ingest([str(p) for p in write(made, tmp_path / "in")])
    assert report.failed == 0
    found = kb.articles(limit=1000)
    assert len(found) == 30
    by_story: dict[int, set[str]] = {}
    story_of = {c.name: c.story for c in made}
    for item in report.items:
        assert item.article_id is not None
        by_story.setdefault(item.article_id, set()).add(story_of[Path(item.source).name])
    assert all(len(names) == 1 for names in by_story.values())  # no two stories merged
    assert len({next(iter(names)) for names in by_story.values()}) == 30
    for article in found:
        listed = kb.article(article["id"])["copies"]
        assert len(listed) == 9
        assert {c["source"] for c in listed} | {article["source"]} == {
            c.name for c in made if c.name.split(".copy")[0] == next(iter(
                by_story[article["id"]]))}
    # a copy adds no candidates: only the 30 stories' own
    with kb.engine.connect() as connection:
        articles_with_candidates = set(connection.scalars(select(s.candidates.c.article_id)))
    assert articles_with_candidates <= {a["id"] for a in found}
    # read again, nothing changes
    before = (_count(kb, s.story_copies), _count(kb, s.candidates))
    kb.ingest([str(tmp_path / "in")])
    assert (_count(kb, s.story_copies), _count(kb, s.candidates)) == before
    kb.close()


def test_distinct_stories_sharing_boilerplate_stay_apart(writable_url: str,
                                                         tmp_path: Path) -> None:
    kb = KnowledgeBase(writable_url)
    printed = with_boilerplate(count=12)
    report = kb.ingest([str(p) for p in write(printed, tmp_path / "site")])
    assert sum(item.created for item in report.items) == 12
    assert _count(kb, s.story_copies) == 0
    kb.close()


def test_copies_are_found_across_runs_and_exact_copies_by_their_words(
        writable_url: str, tmp_path: Path) -> None:
    """One process stores the stories; a later one, another knowledge base object on the
    same store, finds their reprints (near) and a re-spaced, re-cased copy (exact)."""
    originals = stories(4)
    first = KnowledgeBase(writable_url)
    report = first.ingest([str(p) for p in originals])
    ids = [item.article_id for item in report.items]
    first.close()
    text = originals[0].read_text(encoding="utf-8")
    spaced = tmp_path / "spaced.txt"
    spaced.write_text(text.replace(". ", ".  ").replace(", ", " , ") + "\n", encoding="utf-8")
    later = KnowledgeBase(writable_url)
    reprints = copies(count=4, each=2)
    again = later.ingest([str(spaced), *map(str, write(reprints, tmp_path / "in"))])
    assert not any(item.created for item in again.items)
    assert ids[0] is not None
    article = later.article(ids[0])
    exact = next(c for c in article["copies"] if c["source"] == "spaced.txt")
    assert exact["similarity"] == 1.0
    assert len(article["copies"]) == 3
    assert _count(later, s.articles) - len(ids) == _count(first, s.articles) - len(ids)
    later.close()


def test_signatures_estimate_similarity_and_normalising_keeps_words() -> None:
    text = stories(1)[0].read_text(encoding="utf-8")
    assert text_hash(text) == text_hash("\n " + text.upper().replace(" ", "  ") + " ")
    one, two = Signature.of(text), Signature.of(stories(2)[1].read_text(encoding="utf-8"))
    assert one is not None and two is not None
    assert one.similarity(one) == 1.0 and one.similarity(two) < 0.2
    assert Signature.from_bytes(one.to_bytes()) == one
    assert Signature.of("  ") is None
    # a few lines have no signature: two bulletins a number apart are two bulletins
    assert Signature.of("Sweden joined NATO on 7 March 2024, bulletin number 12 recalls.") is None


def test_the_signature_estimates_the_jaccard_of_the_shingle_sets() -> None:
    """Our MinHash: over pairs of one story cut at other points, the share of equal values
    stays within four standard errors of the true Jaccard (0.044 at 128 values)."""
    words = " ".join(p.read_text(encoding="utf-8") for p in stories(6)).split()
    for cut in (40, 120, 240, 400):
        left, right = " ".join(words[:600]), " ".join(words[cut:cut + 600])
        a, b = shingles(left), shingles(right)
        truth = len(a & b) / len(a | b)
        one, two = Signature.of(left), Signature.of(right)
        assert one is not None and two is not None
        assert abs(one.similarity(two) - truth) <= 4 * max(0.044, (truth * (1 - truth) / 128)
                                                           ** 0.5), (cut, truth)


def test_migration_0011_makes_the_stored_signatures_again(writable_url: str,
                                                          tmp_path: Path) -> None:
    """A store signed by the earlier scheme (here: other values, other band keys) is at
    revision 0010; upgrading it makes each signature and its bands from the article's
    text, so a copy read afterwards still finds its original."""
    kb = KnowledgeBase(writable_url)
    originals = stories(3)
    ids = [item.article_id for item in kb.ingest([str(p) for p in originals]).items]
    with kb.engine.begin() as connection:
        connection.execute(update(s.story_prints).values(signature=bytes(512)))
        connection.execute(delete(s.story_bands))
        connection.execute(insert(s.story_bands), [{"band_key": n, "article_id": ids[0]}
                                                   for n in range(32)])
        connection.execute(text("update alembic_version set version_num = '0010'"))
    with kb.engine.begin() as connection:
        migrate.upgrade(connection)
        assert migrate.current_revision(connection) == migrate.head_revision()
        rows = connection.execute(select(s.story_prints.c.article_id, s.articles.c.text,
                                         s.story_prints.c.signature)
                                  .join(s.articles, s.articles.c.id == s.story_prints.c.article_id)
                                  ).all()
        bands = {(row.article_id, row.band_key) for row in connection.execute(
            select(s.story_bands.c.article_id, s.story_bands.c.band_key))}
    assert sorted(r.article_id for r in rows) == sorted(ids)
    expected = set()
    for row in rows:
        signature = Signature.of(row.text)
        assert signature is not None and bytes(row.signature) == signature.to_bytes()
        expected |= {(row.article_id, key) for key in signature.band_keys()}
    assert bands == expected
    again = kb.ingest([str(p) for p in write(copies(count=3, each=1), tmp_path / "after")])
    assert sorted(item.article_id for item in again.items) == sorted(ids)
    assert not any(item.created for item in again.items)
    kb.close()
