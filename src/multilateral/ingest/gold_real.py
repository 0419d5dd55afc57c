"""The gold set of real pages: pages nobody on the team wrote, kept without their text.

`gold/real/pages.jsonl` holds one page a line: the query and URL that retrieve it from
the stored public web corpus, the sha256 and length of its text, the date the page
states, its split (`dev` or `test`) and the facts annotated exhaustively in the format
of FACTS.md, each evidence given as character offsets and the sha256 of its span, and
(once annotated) its checkable claims in the same way (gold/real/README.md). The
texts themselves stay out of the repository, in the git-ignored `gold/real/texts/`
(one `ID.txt` a page), filled by the procedure in `gold/real/README.md` and checked
here against their sha256 before anything is scored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multilateral.errors import DataFileError

PAGES = "pages.jsonl"
TEXTS = "texts"
SPLITS = ("dev", "test")
# The claim kinds and verdicts of the claims format (gold/real/README.md).
CLAIM_KINDS = ("count", "list", "joined", "left", "status", "chair", "founding", "instrument",
               "share", "superlative", "officeholder")
VERDICTS = ("supported", "outdated", "contradicted", "unverifiable")
FILL_HINT = ("Fill the cache as gold/real/README.md says (each page's query and URL "
             "retrieve its text from the corpus; the sha256 checks it).")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class RealPage:
    id: str
    split: str
    url: str
    query: str
    sha256: str
    length: int
    published: str | None
    facts: list[dict[str, Any]]
    # None: the page's claims are not annotated yet; [] : it states no checkable claim.
    claims: list[dict[str, Any]] | None = None
    style: str | None = None

    def text_path(self, gold_dir: Path) -> Path:
        return gold_dir / TEXTS / f"{self.id}.txt"


@dataclass
class RealSet:
    """The pages of the chosen split, those whose text is cached and verified, and why the
    rest are not scored."""

    pages: list[RealPage]
    cached: list[tuple[RealPage, str]]
    missing: list[str]

    @property
    def note(self) -> str | None:
        if not self.missing:
            return None
        return (f"{len(self.missing)} of {len(self.pages)} pages are not cached or do not "
                f"match their sha256 ({', '.join(self.missing[:5])}"
                f"{', ...' if len(self.missing) > 5 else ''}). {FILL_HINT}")


def is_real_set(gold_dir: Path) -> bool:
    return (gold_dir / PAGES).is_file()


def read_pages(gold_dir: Path) -> list[RealPage]:
    path = gold_dir / PAGES
    pages = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc.strerror}).") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            page = RealPage(
                id=str(data["id"]), split=str(data["split"]), url=str(data["url"]),
                query=str(data["query"]), sha256=str(data["sha256"]), length=int(data["length"]),
                published=data.get("published"), facts=list(data["facts"]),
                claims=None if data.get("claims") is None else list(data["claims"]),
                style=data.get("style"))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"{path}, line {number}: not a page record ({exc}). Each line "
                                "holds id, split, url, query, sha256, length, published, "
                                "facts.") from None
        if page.split not in SPLITS or page.id in seen:
            raise DataFileError(f"{path}, line {number}: split must be dev or test and ids "
                                f"unique (got {page.split!r}, {page.id!r}).")
        seen.add(page.id)
        pages.append(page)
    return pages


def load(gold_dir: Path, split: str | None = "dev") -> RealSet:
    """The pages of `split` (None: all), with the cached texts that match their hash."""
    pages = [p for p in read_pages(gold_dir) if split is None or p.split == split]
    cached: list[tuple[RealPage, str]] = []
    missing: list[str] = []
    for page in pages:
        try:
            text = page.text_path(gold_dir).read_text(encoding="utf-8")
        except OSError:
            missing.append(page.id)
            continue
        if sha256(text) != page.sha256:
            missing.append(page.id)
            continue
        cached.append((page, text))
    return RealSet(pages, cached, missing)


def resolved_facts(page: RealPage, text: str) -> Iterator[dict[str, Any]]:
    """The page's gold facts with their evidence text put back from the cached text; an
    evidence span whose hash does not match is an annotation error, named."""
    for number, fact in enumerate(page.facts, 1):
        evidence = fact.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or \
                not 0 <= start < end <= len(text) or \
                sha256(text[start:end]) != evidence.get("sha256"):
            raise DataFileError(f"{PAGES}, page {page.id}, fact {number}: its evidence span "
                                "does not match the page's text (offsets or sha256).")
        yield {**fact, "evidence": {"start": start, "end": end, "text": text[start:end]}}


def resolved_claims(page: RealPage, text: str) -> list[dict[str, Any]]:
    """The page's gold claims with their text put back from the cached text, in page order;
    a span whose hash does not match, or a kind or verdict outside the format, is an
    annotation error, named by page and claim."""
    out = []
    for number, claim in enumerate(page.claims or [], 1):
        start, end = claim.get("start"), claim.get("end")
        where = f"{PAGES}, page {page.id}, claim {number}"
        if not isinstance(start, int) or not isinstance(end, int) or \
                not 0 <= start < end <= len(text) or \
                sha256(text[start:end]) != claim.get("sha256"):
            raise DataFileError(f"{where}: its span does not match the page's text (offsets "
                                "or sha256). Re-add the claim with tools/real_pages.py claims.")
        if claim.get("kind") not in CLAIM_KINDS or claim.get("verdict") not in VERDICTS:
            raise DataFileError(f"{where}: kind must be one of {', '.join(CLAIM_KINDS)} and "
                                f"verdict one of {', '.join(VERDICTS)} (got "
                                f"{claim.get('kind')!r}, {claim.get('verdict')!r}).")
        out.append({**claim, "text": text[start:end]})
    return sorted(out, key=lambda c: (c["start"], c["end"]))


def locate(text: str, evidence: str, occurrence: int | None = None) -> dict[str, Any]:
    """Offsets and hash of an evidence text in a page (for annotators): it must occur once,
    or `occurrence` (1 for the first) says which of its occurrences is meant."""
    at = text.find(evidence)
    if not evidence or at < 0:
        raise DataFileError(f"evidence not found in the page's text: {evidence[:80]!r}")
    if occurrence is not None:
        for _ in range(occurrence - 1):
            at = text.find(evidence, at + 1)
            if at < 0:
                raise DataFileError(f"evidence occurs fewer than {occurrence} times: "
                                    f"{evidence[:80]!r}")
    elif text.find(evidence, at + 1) >= 0:
        raise DataFileError(f"evidence occurs more than once; give a longer span, or say "
                            f"which with \"occurrence\": {evidence[:80]!r}")
    return {"start": at, "end": at + len(evidence), "sha256": sha256(evidence)}
