"""Results as tables (headers and rows): the CSV twins of the web pages, and the CLI's
`--format csv`, from one definition per result.

The page's JSON twin is the result's `as_dict()`; its CSV twin is the table here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from multilateral.model.text import strip_controls

if TYPE_CHECKING:  # annotations only: `--help` and the text cells need none of them
    from multilateral.model.membership import Standing
    from multilateral.model.results import History, Members, Memberships

STANDING_HEADERS = ["status", "subject", "id", "since", "certainty", "datasets", "note",
                    "sources"]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[object]]

    def as_csv(self) -> str:
        return csv_text(self.headers, self.rows)


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([cell_text(cell) for cell in row] for row in rows)
    return out.getvalue()


def cell_text(value: object) -> str:
    """A value as a table cell shows it: nothing for None, floats to four places, and never
    a control character (an article stored before they were stripped at reading)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return strip_controls(str(value))


def standing_row(st: Standing) -> list[object]:
    """One member (or organization) and where it stands: status (or the possible ones),
    name, id, since when, certainty, datasets, why not certain, source URLs."""
    return [st.shown_status, st.subject.name, st.subject.id, _since(st),
            st.certainty, _datasets(st), st.reason or "", _urls(st)]


def members_table(result: Members) -> Table:
    return Table(["status", "state", *STANDING_HEADERS[2:]],
                 [standing_row(st) for st in result.certain + result.conflicts
                  + result.uncertain])


def memberships_table(result: Memberships) -> Table:
    return Table(["status", "organization", *STANDING_HEADERS[2:]],
                 [standing_row(st) for st in result.certain + result.conflicts
                  + result.uncertain])


def history_table(result: History) -> Table:
    return Table(["date", "change", "status", "state", "dataset", "reason", "sources"],
                 [[ch.date or "?", ch.change, ch.claim.status, ch.claim.member.name,
                   ch.claim.dataset,
                   ch.claim.end_reason if ch.change == "end" else (ch.claim.note or ""),
                   " ".join(src.url for src in ch.claim.sources if src.url)]
                  for ch in result.changes])


def articles_table(articles: list[dict[str, Any]]) -> Table:
    return Table(["id", "title", "published", "source", "featured", "tags"],
                 [[a["id"], a["title"], a.get("published"), a["source"], a["featured"],
                   "; ".join(t["tag"] for t in a.get("tags", []))] for a in articles])


def search_table(found: dict[str, Any]) -> Table:
    """Entities first, then articles; an article's id is its number."""
    rows: list[list[object]] = [[e["type"], e["id"], e["name"], e.get("matched")]
                                for e in found.get("entities", [])]
    rows += [["article", a["id"], a.get("title"), a.get("published")]
             for a in found.get("articles", [])]
    return Table(["type", "id", "name", "matched or published"], rows)


def _datasets(standing: Standing) -> str:
    return ", ".join(dict.fromkeys(claim.dataset for claim in standing.claims))


def _urls(standing: Standing) -> str:
    return " ".join(dict.fromkeys(source.url for claim in standing.claims
                                  for source in claim.sources if source.url))


def _since(standing: Standing) -> str:
    starts = dict.fromkeys(f"{c.start} ({c.dataset})" for c in standing.claims
                           if c.start is not None and c.status == standing.status)
    return "; ".join(starts) if len(starts) > 1 else str(standing.since or "")
