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
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "title", title)
    sub(feed, "id", self_url)
    sub(feed, "link", rel="self", href=self_url)
    sub(feed, "link", rel="alternate", href=site_url)
    newest = max((_updated(a) for a in articles),
                 default=dt.datetime(2000, 1, 1).isoformat() + "Z")
    sub(feed, "updated", newest)
    sub(sub(feed, "author"), "name", "multilateral")
    for article in articles:
        entry = sub(feed, "entry")
        url = f"{site_url.rstrip('/')}/articles/{article['id']}"
        sub(entry, "title", article["title"])
        sub(entry, "id", url)
        sub(entry, "link", rel="alternate", href=url)
        sub(entry, "updated", _updated(article))
        published = article.get("published")
        if published and len(published) == 10:  # Atom wants a day; a partial date stays
            sub(entry, "published", f"{published}T00:00:00Z")  # in the summary alone
        sub(entry, "summary", summary(article))
        for tag in article["tags"]:
            sub(entry, "category", term=tag["tag"], label=tag["kind"])
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def changes_atom(title: str, self_url: str, site_url: str, changes: list[dict[str, Any]]
                 ) -> bytes:
    """An Atom 1.0 document with an entry per change the news reports: its fact, its
    kind and verdict, how many stories state it and when they were seen."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    site = site_url.rstrip("/")
    sub(feed, "title", title)
    sub(feed, "id", self_url)
    sub(feed, "link", rel="self", href=self_url)
    sub(feed, "link", rel="alternate", href=f"{site}/changes")
    newest = max((c["last_seen"] for c in changes), default="2000-01-01")
    sub(feed, "updated", f"{newest}T00:00:00Z")
    sub(sub(feed, "author"), "name", "multilateral")
    for change in changes:
        entry = sub(feed, "entry")
        first = change["sources"][0]["article"]["id"]
        url = f"{site}/articles/{first}#fact-{change['candidate_id']}"
        sub(entry, "title", f"{change['kind']}: {fact_line(change['fact'])}")
        sub(entry, "id", f"{site}/changes#candidate-{change['candidate_id']}")
        sub(entry, "link", rel="alternate", href=url)
        sub(entry, "updated", f"{change['last_seen']}T00:00:00Z")
        sub(entry, "published", f"{change['first_seen']}T00:00:00Z")
        stories = change["stories"]
        sub(entry, "summary", f"Stated by {stories} stor{'ies' if stories > 1 else 'y'} "
            f"(and {change['copies']} copies), seen {change['first_seen']} to "
            f"{change['last_seen']}. Judged on {change['judged_on']}: {change['reason']}")
        sub(entry, "category", term=change["kind"])
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
