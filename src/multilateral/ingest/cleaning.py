"""Stage 1b: the article's own text, without the page around it, and its metadata.

HTML goes through trafilatura (boilerplate removal, comments left out). Text
that still carries page chrome, as the seed does ("top of page", "Featured
Posts", "Facebook Basic Square"), loses those lines here; photo credits and tag
lines leave the text and become metadata. The cleaned text is what evidence
offsets point into, so nothing after this stage edits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import trafilatura
import trafilatura.settings
from lxml.etree import ParserError

from multilateral.ingest import metadata
from multilateral.ingest.reading import Decoded, UnreadableArticle

_CHROME = re.compile(
    r"^\s*(?:[•·*\-]\s*)?(?:top of page|bottom of page|featured posts?|recent posts?|"
    r"search by tags?|follow us|share this( (?:article|page|story))?|skip to (?:main )?content|"
    r"back to top|read more|related (?:posts|articles|stories)|subscribe|sign in|log ?in|"
    r"menu|home|print|email|comments?|leave a comment|previous post|next post|"
    r"(?:facebook|twitter|google\+|instagram|linkedin|youtube|whatsapp|telegram|x)"
    r"(?: (?:basic|social|black) (?:square|circle|icon))?)\s*$", re.IGNORECASE)
_CREDIT = re.compile(r"^\s*(?:photo|image|picture)s?(?: credits?)?\s*[:©]\s*(?P<who>.{2,120}?)\s*$",
                     re.IGNORECASE)
_TAGS = re.compile(r"^\s*(?:tags|topics|keywords)\s*:\s*(?P<tags>.+)$", re.IGNORECASE)
_BLANKS = re.compile(r"\n{3,}")


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    photo_credits: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def clean(decoded: Decoded) -> Cleaned:
    cleaned = _clean_html(decoded) if decoded.is_html else _clean_text(decoded.text)
    if not cleaned.text.strip():
        raise UnreadableArticle(decoded.name, "no article text found in it",
                                "Check that it is an article page, not an index or a login page.")
    return cleaned


def _clean_text(raw: str) -> Cleaned:
    kept: list[str] = []
    credits: list[str] = []
    tags: list[str] = []
    for line in raw.split("\n"):
        if _CHROME.match(line):
            continue
        credit = _CREDIT.match(line)
        if credit:
            if credit["who"] not in credits:
                credits.append(credit["who"])
            continue
        tag_line = _TAGS.match(line)
        if tag_line:
            tags.extend(t.strip() for t in re.split(r"[,;|]", tag_line["tags"]) if t.strip())
            continue
        kept.append(line.rstrip())
    text = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    found = metadata.from_text(text)
    return Cleaned(text, found.title, found.published, found.author, credits, tags)


def trafilatura_options() -> dict[str, Any]:
    """How we call trafilatura: the article without reader comments, with its metadata,
    and a publication date only from the page's own markup (never guessed from text)."""
    return {"include_comments": False, "include_tables": False, "with_metadata": True,
            "favor_precision": False, "deduplicate": False,
            "date_extraction_params": {"extensive_search": False, "original_date": True}}


def _clean_html(decoded: Decoded) -> Cleaned:
    document = trafilatura.bare_extraction(decoded.text, **trafilatura_options())
    if not isinstance(document, trafilatura.settings.Document):
        return Cleaned("")
    body = document.text or ""
    lines = [line for line in body.split("\n") if not _CHROME.match(line)]
    credits = _html_credits(decoded.text)
    lines = [line for line in lines if not _CREDIT.match(line)]
    text = _BLANKS.sub("\n\n", "\n\n".join(line.strip() for line in lines if line.strip()))
    found = metadata.from_text(text)
    tags = [t.strip() for tag in (document.tags or []) for t in tag.split(",") if t.strip()]
    return Cleaned(text, document.title or found.title, document.date or found.published,
                   document.author or found.author, credits, tags)


def _html_credits(html: str) -> list[str]:
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return []
    credits: list[str] = []
    for node in root.iter("figcaption", "small", "span", "p", "div"):
        own = (node.text or "").strip()
        match = _CREDIT.match(own)
        if match and match["who"] not in credits:
            credits.append(match["who"])
    return credits
