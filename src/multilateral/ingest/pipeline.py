"""The path of an article, start to end. Each stage is a module named after it:

1. `reading`   bytes from a file or stdin, refused if not text; decoded from any common encoding
               (`warc`: a web archive's records; `sources`: a job's work items, file or record)
2. `cleaning`  the article's own text without page chrome (trafilatura for HTML); `metadata`
               its title, publication date, author, photo credits, tags; `language` checked
3. `mentions`  organizations, states and places, linked to the knowledge base (`gazetteer`)
4. `dates`     written and relative dates, at the precision given
5. `rules/*`   facts of the six types, sentence by sentence (`sentences`), with evidence;
               `context_dates` dates a change or an event its sentence leaves undated
               from the news around it
6. `merging`   one fact per thing stated; tags from what the article names most

Nothing here writes: `store.articles` keeps what an editor should review.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from multilateral.ingest import cleaning, context_dates, language, merging, metadata, reading
from multilateral.ingest.dates import find_dates
from multilateral.ingest.gazetteer import Gazetteer
from multilateral.ingest.mentions import Mention, find_mentions
from multilateral.ingest.reading import UnreadableArticle
from multilateral.ingest.rules import agreements, chairs, events, foundings, membership, resolutions
from multilateral.ingest.rules.context import Article, Context
from multilateral.ingest.sentences import split_sentences
from multilateral.model.dates import PartialDate
from multilateral.model.facts import Document

RULES: tuple[Callable[[Context], None], ...] = (
    resolutions.extract, membership.extract, agreements.extract, events.extract,
    chairs.extract, foundings.extract)
TAG_LIMIT = 8


@dataclass(frozen=True)
class Extractor:
    """Everything extraction needs, built once per batch: the names to look for, the limits."""

    gazetteer: Gazetteer
    max_bytes: int = reading.MAX_BYTES
    # A text in which no organization or state is named is no article for us (a stray
    # file: /etc/hostname would otherwise be stored and published); `--force` reads it.
    require_subject: bool = True
    # Reading is linear in the text, but a batch must go on whatever one page holds: past
    # this many seconds an article is given up, named, and the next one read.
    time_limit: float = 60.0
    # The article's date when the caller knows it (`extract --published`, the API field):
    # it wins over what the page states, and relative dates resolve against it.
    published: PartialDate | None = None
    # A date known from outside the page (a web archive's capture day), used only when the
    # page states none: an article is published on or before the day it was captured.
    fallback_published: PartialDate | None = None


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def _within(items: list[S], first: int, end: int) -> list[S]:
    """The items from `first` on (in text order) that lie before `end`: a sentence's
    mentions or dates, found without looking at the rest of the text."""
    found = []
    at = first
    while at < len(items) and items[at].start < end:
        if items[at].end <= end:
            found.append(items[at])
        at += 1
    return found


def extract(item: Path | str, extractor: Extractor) -> Document:
    """Read one file (or "-" for stdin) into a Document; raises UnreadableArticle."""
    raw = reading.load(item, max_bytes=extractor.max_bytes)
    return extract_bytes(raw.name, raw.data, extractor)


def extract_bytes(name: str, data: bytes, extractor: Extractor) -> Document:
    decoded = reading.decode(reading.Raw(name, data), max_bytes=extractor.max_bytes)
    cleaned = cleaning.clean(decoded)
    lang = language.guess(cleaned.text)
    if lang not in ("en", "und"):
        raise UnreadableArticle(name, f"the article looks like it is in another language ({lang})",
                                "multilateral reads English articles only; give it a translation.",
                                reason="not English")
    published = extractor.published or _published(cleaned.published)
    fallback = published is None and extractor.fallback_published is not None
    if fallback:
        published = extractor.fallback_published
    text = cleaned.text
    gazetteer = extractor.gazetteer
    mentions = find_mentions(text, gazetteer)
    if extractor.require_subject and not any(m.type in ("organization", "state")
                                             for m in mentions):
        raise UnreadableArticle(name, "no organization or state is named in it, so it does not "
                                "look like an article", "Check the file, or pass --force to read "
                                "it anyway.", reason="names no organization or state")
    # the date the head presents is the article's, not an act's
    own = set(metadata.own_date_spans(text))
    dates = [d for d in find_dates(text, published) if (d.start, d.end) not in own]
    article = Article(text, published, gazetteer, mentions)
    facts = []
    told: list[context_dates.Told] = []
    mention_at = 0
    date_at = 0
    deadline = time.monotonic() + extractor.time_limit
    for sentence in split_sentences(text):
        if time.monotonic() > deadline:
            raise UnreadableArticle(name, f"reading it took over {extractor.time_limit:g} s",
                                    "Split the page, or save the article alone.")
        while mention_at < len(mentions) and mentions[mention_at].start < sentence.start:
            mention_at += 1
        while date_at < len(dates) and dates[date_at].start < sentence.start:
            date_at += 1
        in_sentence = _within(mentions, mention_at, sentence.end)
        dates_in = _within(dates, date_at, sentence.end)
        context = Context(article, sentence, in_sentence, dates_in)
        for rule in RULES:
            rule(context)
        facts.extend(context.facts)
        article.facts.extend(context.facts)
        told.append(context_dates.Told(sentence.start, sentence.end, sentence.text, dates_in,
                                       _org_ids(in_sentence, gazetteer)))
    datelines = [start for start, _ in own]
    context_dates.carry(facts, told, published, datelines)
    facts = merging.merge(facts)
    context_dates.date_events(facts, told, published, datelines)
    warnings = list(cleaned.warnings)
    if decoded.encoding.replace("_", "-").lower() not in ("utf-8", "ascii"):
        warnings.append(f"Not UTF-8: read as {decoded.encoding}. Check accented names.")
    if published is None:
        warnings.append("No publication date found: relative dates stay unresolved.")
    elif fallback:
        warnings.append(f"No publication date on the page: the day it was archived ({published}) "
                        "stands in for it.")
    unlinked = sorted({m.name for m in mentions if not m.linked})
    if unlinked:
        warnings.append("Organizations not in the knowledge base: " + "; ".join(unlinked))
    return Document(
        source=name, sha256=decoded.sha256, text=text, title=cleaned.title,
        published=str(published) if published else None, author=cleaned.author,
        language="en" if lang in ("en", "und") else lang, photo_credits=cleaned.photo_credits,
        tags=_tags(cleaned.tags, mentions), facts=facts, warnings=warnings)


def _org_ids(mentions: list[Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """The organizations a sentence names, a body counted as its own and its parent's."""
    ids = {m.id for m in mentions if m.type == "organization" and m.id is not None}
    return frozenset(ids | {gazetteer.parents[i] for i in ids if i in gazetteer.parents})


def _published(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value[:10])
    except ValueError:
        return None


def _tags(explicit: list[str], mentions: list[Mention]) -> list[dict[str, str | None]]:
    counts = Counter((m.type, m.id, m.name) for m in mentions
                     if m.linked and m.type in ("organization", "state"))
    tags: list[dict[str, str | None]] = [
        {"tag": name, "kind": kind, "entity_id": entity}
        for (kind, entity, name), _ in counts.most_common(TAG_LIMIT)]
    known = {t["tag"] for t in tags}
    for tag in explicit:
        if tag not in known:
            tags.append({"tag": tag, "kind": "topic", "entity_id": None})
            known.add(tag)
    return tags
