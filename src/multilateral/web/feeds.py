"""Atom feeds of articles: all of them, or those tagged with an organization or a state."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


def _updated(article: dict[str, Any]) -> str:
    return f"{article['ingested_at']}Z"


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
        if article.get("published"):
            sub(entry, "summary", f"Published {article['published']}")
        for tag in article["tags"]:
            sub(entry, "category", term=tag["tag"], label=tag["kind"])
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
