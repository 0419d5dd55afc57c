"""Keep the real-page gold set: add an annotated page, annotate its claims, check the cache.

    python tools/real_pages.py add --id r001 --split dev --query "..." --url URL \
        --style wire --published 2017-06-09 --facts work/r001.facts.json
    python tools/real_pages.py claims --id r001 --claims work/r001.claims.json
    python tools/real_pages.py verify

`add` reads the page's text from gold/real/texts/ID.txt (written there exactly as the
corpus gives it), the annotator's facts (FACTS.md, evidence as the exact text), turns
each evidence into offsets and a hash, and writes the page's line in pages.jsonl
(replacing a line with the same id). `claims` sets the claims of a page already there,
from a file whose claims give `"text"`, the exact span (and `"occurrence"`, 1 for the
first, when it occurs more than once), likewise turned into offsets and a hash (an empty
list: the page states no checkable claim). The text never enters the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from multilateral.errors import MultilateralError
from multilateral.ingest import gold_real
from multilateral.model.facts import Fact

# MULTILATERAL_REAL_GOLD points at another copy of the set (a helper's, a test's).
REAL = Path(os.environ.get("MULTILATERAL_REAL_GOLD")
            or Path(__file__).resolve().parents[1] / "gold" / "real")


def add(args: argparse.Namespace) -> None:
    text = _text(args.id)
    facts = json.loads(Path(args.facts).read_text(encoding="utf-8"))
    if isinstance(facts, dict):
        facts = facts["facts"]
    kept = []
    for number, fact in enumerate(facts, 1):
        Fact.from_dict(fact)  # refuses a malformed fact before anything is written
        evidence = fact.get("evidence") or {}
        try:
            located = gold_real.locate(text, str(evidence.get("text", "")))
        except MultilateralError as exc:
            raise SystemExit(f"{args.facts}, fact {number}: {exc.message}") from None
        kept.append({**fact, "evidence": located})
    line = {"id": args.id, "split": args.split, "url": args.url, "query": args.query,
            "sha256": gold_real.sha256(text), "length": len(text),
            "published": args.published or None, "style": args.style, "facts": kept}
    if args.claims:
        line["claims"] = _claims(args.id, text, Path(args.claims))
    _write({**_lines(), args.id: line})
    print(f"{args.id}: {len(kept)} facts, {len(text)} characters, sha256 {line['sha256'][:12]}")


def claims(args: argparse.Namespace) -> None:
    lines = _lines()
    if args.id not in lines:
        raise SystemExit(f"{args.id} is not in {gold_real.PAGES}; add the page first (add).")
    text = _text(args.id)
    if gold_real.sha256(text) != lines[args.id]["sha256"]:
        raise SystemExit(f"texts/{args.id}.txt does not match the page's sha256; fill the "
                         "cache again as gold/real/README.md says.")
    kept = _claims(args.id, text, Path(args.claims))
    lines[args.id]["claims"] = kept
    _write(lines)
    print(f"{args.id}: {len(kept)} claims")


def _text(page_id: str) -> str:
    path = REAL / gold_real.TEXTS / f"{page_id}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise SystemExit(f"{path}: not cached; fill it as gold/real/README.md says.") from None


def _claims(page_id: str, text: str, path: Path) -> list[dict[str, Any]]:
    """The work file's claims, each exact text turned into offsets and a hash, checked
    as the scoring checks them."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data["claims"]
    kept = []
    for number, claim in enumerate(data, 1):
        try:
            located = gold_real.locate(text, str(claim.get("text", "")),
                                       claim.get("occurrence"))
        except MultilateralError as exc:
            raise SystemExit(f"{path}, claim {number}: {exc.message}") from None
        kept.append({**located, **{k: v for k, v in claim.items()
                                   if k not in ("text", "occurrence")}})
    page = gold_real.RealPage(page_id, "dev", "", "", gold_real.sha256(text), len(text), None,
                              [], kept)
    try:
        gold_real.resolved_claims(page, text)  # a kind or verdict outside the format
    except MultilateralError as exc:
        raise SystemExit(f"{path}: {exc.message}") from None
    return sorted(kept, key=lambda c: (c["start"], c["end"]))


def _lines() -> dict[str, dict[str, Any]]:
    pages = REAL / gold_real.PAGES
    rows = pages.read_text(encoding="utf-8").splitlines() if pages.exists() else []
    return {line["id"]: line for line in (json.loads(row) for row in rows if row.strip())}


def _write(lines: dict[str, dict[str, Any]]) -> None:
    (REAL / gold_real.PAGES).write_text(
        "".join(json.dumps(lines[key], ensure_ascii=False) + "\n" for key in sorted(lines)),
        encoding="utf-8")


def verify(_: argparse.Namespace) -> None:
    real = gold_real.load(REAL, None)
    for page, text in real.cached:
        list(gold_real.resolved_facts(page, text))  # every evidence span still matches
        gold_real.resolved_claims(page, text)  # and every claim span
    print(f"{len(real.cached)} of {len(real.pages)} pages cached and verified")
    if real.note:
        print(real.note)
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(required=True)
    adding = commands.add_parser("add", help="add or replace an annotated page")
    for name in ("--id", "--query", "--url", "--facts"):
        adding.add_argument(name, required=True)
    adding.add_argument("--split", choices=gold_real.SPLITS, required=True)
    adding.add_argument("--style", default=None)
    adding.add_argument("--published", default=None, help="the date the page states")
    adding.add_argument("--claims", default=None, help="claims JSON, each with its exact text")
    adding.set_defaults(run=add)
    annotating = commands.add_parser("claims", help="set the claims of a page already added")
    annotating.add_argument("--id", required=True)
    annotating.add_argument("--claims", required=True,
                            help="claims JSON, each with its exact text")
    annotating.set_defaults(run=claims)
    commands.add_parser("verify", help="check the cached texts").set_defaults(run=verify)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
