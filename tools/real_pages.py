"""Keep the real-page gold set: add an annotated page, check the cache.

    python tools/real_pages.py add --id r001 --split dev --query "..." --url URL \
        --style wire --published 2017-06-09 --facts work/r001.facts.json
    python tools/real_pages.py verify

`add` reads the page's text from gold/real/texts/ID.txt (written there exactly as the
corpus gives it), the annotator's facts (FACTS.md, evidence as the exact text), turns
each evidence into offsets and a hash, and writes the page's line in pages.jsonl
(replacing a line with the same id). The text never enters the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from multilateral.errors import MultilateralError
from multilateral.ingest import gold_real
from multilateral.model.facts import Fact

# MULTILATERAL_REAL_GOLD points at another copy of the set (a helper's, a test's).
REAL = Path(os.environ.get("MULTILATERAL_REAL_GOLD")
            or Path(__file__).resolve().parents[1] / "gold" / "real")


def add(args: argparse.Namespace) -> None:
    text_path = REAL / gold_real.TEXTS / f"{args.id}.txt"
    text = text_path.read_text(encoding="utf-8")
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
    claims = json.loads(Path(args.claims).read_text(encoding="utf-8")) if args.claims else []
    line = {"id": args.id, "split": args.split, "url": args.url, "query": args.query,
            "sha256": gold_real.sha256(text), "length": len(text),
            "published": args.published or None, "style": args.style, "facts": kept,
            "claims": claims}
    pages = REAL / gold_real.PAGES
    lines = pages.read_text(encoding="utf-8").splitlines() if pages.exists() else []
    lines = [row for row in lines if row.strip() and json.loads(row)["id"] != args.id]
    lines.append(json.dumps(line, ensure_ascii=False))
    pages.write_text("\n".join(sorted(lines, key=lambda row: json.loads(row)["id"])) + "\n",
                     encoding="utf-8")
    print(f"{args.id}: {len(kept)} facts, {len(text)} characters, sha256 {line['sha256'][:12]}")


def verify(_: argparse.Namespace) -> None:
    real = gold_real.load(REAL, None)
    for page, text in real.cached:
        list(gold_real.resolved_facts(page, text))  # every evidence span still matches
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
    adding.add_argument("--claims", default=None, help="claims JSON (the claims issue)")
    adding.set_defaults(run=add)
    commands.add_parser("verify", help="check the cached texts").set_defaults(run=verify)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
