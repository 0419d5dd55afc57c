"""The pieces every table row repeats (entity links, sources, datasets, since when),
built in Python for speed: escaped as the templates escape, and numbered per claim."""

from __future__ import annotations

from multilateral.web.fragments import datasets, entity_link, since, sources

HOSTILE = '"><script>alert(1)</script>'


def test_links_go_to_the_entity_page_and_escape_the_name() -> None:
    assert entity_link({"type": "state", "id": "IND", "name": "India"}) == \
        '<a href="/state/IND">India</a>'
    assert entity_link({"type": "organization", "id": "SCO", "name": "A & B"}) == \
        '<a href="/org/SCO">A &amp; B</a>'
    assert entity_link({"type": "place", "name": HOSTILE}) == \
        "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


def test_sources_are_numbered_per_claim_and_never_markup() -> None:
    claims = [{"sources": [{"id": "a", "url": "https://example.org/?q=1&r=2", "title": HOSTILE},
                           {"id": "cow", "url": None, "citation": "COW <v3>"}]},
              {"sources": [{"id": "b", "url": "https://example.org/b", "title": None}]}]
    assert str(sources(claims)) == (
        '<a href="https://example.org/?q=1&amp;r=2" rel="nofollow noopener" '
        'title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">[1]</a> '
        '<span title="COW &lt;v3&gt;">cow</span> '
        '<a href="https://example.org/b" rel="nofollow noopener" title="b">[1]</a> ')


def test_datasets_once_each_and_since_each_start_where_sources_differ() -> None:
    claims = [{"dataset": "COW", "start": "2001", "status": "member"},
              {"dataset": "cow", "start": "2001", "status": "member"},
              {"dataset": "sco-seed", "start": "2001-06-15", "status": "member"},
              {"dataset": "x<y", "start": "1999", "status": "observer"}]
    assert datasets(claims) == "COW, sco-seed, x&lt;y"
    assert since({"status": "member", "since": "2001", "claims": claims}) == \
        "2001 (COW); 2001-06-15 (sco-seed)"  # as Jinja's `unique`: without case
    assert since({"status": "member", "since": "2001", "claims": claims[:1]}) == "2001"
    assert since({"status": "member", "since": None, "claims": []}) == ""
