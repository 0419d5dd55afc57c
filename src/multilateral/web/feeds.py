"""Atom feeds of articles: all of them, or those tagged with an organization or a state."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from multilateral.model.summary import fact_line

ATOM = "http://www.w3.org/2005/Atom"


def _updated(article: dict[str, Any]) -> str:
    return f"{article['ingested_at']}Z"


def summary(article: dict[str, Any]) -> str:
    """The entry's text: its publication date and the facts read from it, not rejected."""
    parts = [f"Published {article['published']}." if article.get("published") else
             "Publication date not known."]
    facts = article.get("facts") or []
    if facts:
        parts.append(f"{len(facts)} fact{'s' if len(facts) > 1 else ''}: "
                     + "; ".join(fact_line(fact) for fact in facts) + ".")
    return " ".join(parts)


def atom(title: str, self_url: str, site_url: str, articles: list[dict[str, Any]]) -> bytes:
    """An Atom 1.0 document; ElementTree escapes every text, so titles stay text."""
    newest = max((_updated(a) for a in articles),
                 default=dt.datetime(2000, 1, 1).isoformat() + "Z")
    feed = _feed(title, self_url, site_url, newest)
    for article in articles:
        entry = _sub(feed, "entry")
        url = f"{site_url.rstrip('/')}/articles/{article['id']}"
        _sub(entry, "title", article["title"])
        _sub(entry, "id", url)
        _sub(entry, "link", rel="alternate", href=url)
        _sub(entry, "updated", _updated(article))
        published = article.get("published")
        if published and len(published) == 10:  # Atom wants a day; a partial date stays
            _sub(entry, "published", f"{published}T00:00:00Z")  # in the summary alone
        _sub(entry, "summary", summary(article))
        for tag in article["tags"]:
            _sub(entry, "category", term=tag["tag"], label=tag["kind"])
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def changes_atom(title: str, self_url: str, site_url: str, changes: list[dict[str, Any]]
                 ) -> bytes:
    """An Atom 1.0 document with an entry per change the news reports: its fact, its
    kind and verdict, how many stories state it and when they were seen."""
    site = site_url.rstrip("/")
    newest = max((c["last_seen"] for c in changes), default="2000-01-01")
    feed = _feed(title, self_url, f"{site}/changes", f"{newest}T00:00:00Z")
    for change in changes:
        entry = _sub(feed, "entry")
        first = change["sources"][0]["article"]["id"]
        url = f"{site}/articles/{first}#fact-{change['candidate_id']}"
        _sub(entry, "title", f"{change['kind']}: {fact_line(change['fact'])}")
        _sub(entry, "id", f"{site}/changes#candidate-{change['candidate_id']}")
        _sub(entry, "link", rel="alternate", href=url)
        _sub(entry, "updated", f"{change['last_seen']}T00:00:00Z")
        _sub(entry, "published", f"{change['first_seen']}T00:00:00Z")
        stories = change["stories"]
        _sub(entry, "summary", f"Stated by {stories} stor{'ies' if stories > 1 else 'y'} "
            f"(and {change['copies']} copies), seen {change['first_seen']} to "
            f"{change['last_seen']}. Judged on {change['judged_on']}: {change['reason']}")
        _sub(entry, "category", term=change["kind"])
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """An Atom element under `parent`, with its text (escaped by ElementTree) and attributes."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _feed(title: str, self_url: str, alternate: str, updated: str) -> ET.Element:
    """A feed's head: its title, id, links, last update and author."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", self_url)
    _sub(feed, "link", rel="self", href=self_url)
    _sub(feed, "link", rel="alternate", href=alternate)
    _sub(feed, "updated", updated)
    _sub(_sub(feed, "author"), "name", "multilateral")
    return feed
