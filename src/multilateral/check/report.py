"""`multilateral check`: the claims of one article, each with its verdict, as one record.

`as_dict()` is what the CLI prints as JSON and what the web site shows beside the
article; `html()` is a standalone page of the same.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from multilateral.check.verdict import Verdict
from multilateral.model.dates import PartialDate


@dataclass
class CheckReport:
    article: dict[str, Any]
    on: PartialDate
    on_basis: str  # option | published | dateline | newest_event | none
    on_note: str
    today: PartialDate
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(v.verdict for v in self.verdicts).items()))

    @property
    def officeholders(self) -> int:
        """Claims of who holds an office: found, but the knowledge base holds none."""
        return sum(1 for v in self.verdicts if v.claim.kind == "officeholder")

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "on": str(self.on), "on_basis": self.on_basis,
                "on_note": self.on_note, "today": str(self.today), "counts": self.counts,
                "officeholders": self.officeholders,
                "claims": [v.as_dict() for v in self.verdicts]}

    def html(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr class='{e(v.verdict)}'><td>{e(v.claim.kind)}</td><td>{e(v.claim.text)}</td>"
            f"<td><strong>{e(v.verdict)}</strong></td><td>{e(v.reason)}</td></tr>"
            for v in self.verdicts)
        title = e(str(self.article.get("title") or self.article.get("source") or "article"))
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>Check: {title}</title><style>body{{font-family:sans-serif;max-width:60rem;"
            "margin:auto;padding:1rem}td{vertical-align:top;padding:.3rem;border-bottom:1px "
            "solid #ddd}.supported strong{color:#17662a}.contradicted strong{color:#a11}"
            ".outdated strong{color:#8a5a00}.unverifiable strong{color:#555}</style></head>"
            f"<body><h1>{title}</h1><p>Judged as of {e(str(self.on))} ({e(self.on_note)}); "
            f"today is {e(str(self.today))}.</p><table><thead><tr><th>claim</th><th>text</th>"
            f"<th>verdict</th><th>why</th></tr></thead><tbody>{rows}</tbody></table>"
            "</body></html>")
