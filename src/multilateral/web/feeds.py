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
