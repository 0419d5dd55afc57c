"""Plain text for the terminal: tables, CSV, clipped cells, and the longer renderings (an
organization's profile, a fact in one line, evidence in its context). The JSON twin of each is
the result's `as_dict()`."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from multilateral.model.status import label
from multilateral.model.summary import fact_summary
from multilateral.model.tables import cell_text
from multilateral.model.text import strip_controls

if TYPE_CHECKING:
    from multilateral.kb import IngestReport, ReviewResult
    from multilateral.model.facts import Document
    from multilateral.model.results import OrgProfile

CONTEXT_CHARS = 90
ORG_CSV_HEADERS = ["section", "date", "end", "kind", "name", "detail", "dataset"]


def terminal_width() -> int | None:
    """The terminal's width ($COLUMNS where set) when printing to one; None (no limit) when
    the output goes to a file or a pipe, which keep every character."""
    if not sys.stdout.isatty():
        return None
    import shutil  # it imports the compression modules: not for a pipe or `--help`
    return shutil.get_terminal_size().columns


MIN_COLUMN = 8


def table(headers: Sequence[str], rows: Sequence[Sequence[object]],
          width: int | None = None) -> str:
    """A plain-text table; with `width` (default: the terminal's), the widest columns are
    cut with an ellipsis until every line fits."""
    width = width if width is not None else terminal_width()
    cells = [[cell_text(value) for value in row] for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    if width:
        while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > MIN_COLUMN:
            widest = widths.index(max(widths))
            widths[widest] -= 1
        cells = [[clip(c, w) for c, w in zip(row, widths, strict=True)] for row in cells]
        headers = [clip(h, w) for h, w in zip(headers, widths, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines)


def clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def plural(count: int, status: str) -> str:
    """"6 dialogue partners", "6 suspended"."""
    return f"{count} {label(status, count)}"


def counts_text(counts: dict[str, int], none: str = "none known") -> str:
    return ", ".join(plural(n, s) for s, n in counts.items()) or none


# An organization's profile.

def org_text(p: OrgProfile) -> str:
    """The profile as `multilateral org` prints it: names, founding, parent and bodies,
    counts, chair, instruments, events, conflicts, notes."""
    out = [f"{p.org.name} ({p.org.id})", f"  kind: {p.kind}"]
    others = [n for n in p.names if n["name"] != p.org.name]
    if others:
        out.append("  also: " + "; ".join(
            n["name"] + (f" ({n['kind']} {n['valid_from'] or ''}-{n['valid_to'] or ''})"
                         if n["kind"] == "former" else "") for n in others))
    if p.website:
        out.append(f"  website: {p.website}")
    if p.wikidata:
        out.append(f"  wikidata: {p.wikidata} (read on {p.wikidata_source})")
    for f in p.foundings:
        out.append(f"  founded: {f['date']}{' in ' + f['place'] if f['place'] else ''} "
                   f"({f['dataset']})")
    if p.dissolved:
        out.append(f"  dissolved: {p.dissolved}")
    if p.parent:
        out.append(f"  part of: {p.parent.name} ({p.parent.id})")
    if p.bodies:
        out.append("  bodies: " + "; ".join(f"{b.name} ({b.id})" for b in p.bodies))
    out.append(f"  today ({p.today}): {counts_text(p.counts_today)}")
    if p.on is not None and p.counts_on is not None:
        out.append(f"  on {p.on}: {counts_text(p.counts_on)}")
    for chair in p.chair_today:
        out.append(f"  chair today: {chair['state']['name']} since {chair['start'] or '?'}")
    for chair in p.chair_on or []:
        out.append(f"  chair on {p.on}: {chair['state']['name']} "
                   f"({chair['start'] or '?'} to {chair['end'] or 'today'})")
    if p.instruments:
        out += ["", table(["date", "kind", "number", "title", "place"],
                          [[i["date"], i["kind"], i["number"], i["title"], i["place"]]
                           for i in p.instruments])]
    if p.events:
        out += ["", table(["start", "end", "kind", "event", "place"],
                          [[e["start"], e["end"], e["kind"], e["name"], e["place"]]
                           for e in p.events])]
    if p.conflicts:
        out += ["", f"Sources disagree ({len(p.conflicts)}):"]
        out += [f"  {conflict.description}" for conflict in p.conflicts]
    out += [f"Note: {note}" for note in p.notes]
    return "\n".join(out)


def org_rows(p: OrgProfile) -> list[list[object]]:
    """The profile as one long table (ORG_CSV_HEADERS): a row per name, founding, count,
    chair, instrument, event and conflict, for spreadsheets."""
    rows: list[list[object]] = []
    rows += [["name", n["valid_from"], n["valid_to"], n["kind"], n["name"], "", ""]
             for n in p.names]
    rows += [["founding", f["date"], "", "", f["place"], f["note"], f["dataset"]]
             for f in p.foundings]
    rows += [["count", str(p.today), "", status, "", n, ""]
             for status, n in p.counts_today.items()]
    rows += [["chair", c["start"], c["end"], "", c["state"]["name"], "", c["dataset"]]
             for c in p.chairs]
    rows += [["instrument", i["date"], "", i["kind"], i["title"], i["number"] or "",
              i["dataset"]] for i in p.instruments]
    rows += [["event", e["start"], e["end"], e["kind"], e["name"], e["place"] or "",
              e["dataset"]] for e in p.events]
    rows += [["conflict", "", "", c.kind, c.subject, c.description, ""] for c in p.conflicts]
    return rows


# Facts read from articles, as dictionaries (a candidate's stored JSON or `Fact.as_dict()`).

def fact_when(fact: dict[str, Any]) -> str:
    if fact["type"] == "chairmanship":
        return "–".join(str(x) for x in (fact.get("start"), fact.get("end")) if x)
    return str(fact.get("date") or (f"--{fact['date_partial']}" if fact.get("date_partial")
                                    else ""))


def facts_table(document: Document) -> str:
    """An extracted article: its head line, a row per fact, its warnings."""
    head = f"{document.source}: {document.title or '(no title)'}  published " \
           f"{document.published or 'unknown'}  {len(document.facts)} facts"
    rows = [[fact.type, fact.modality, fact_summary(fact.as_dict()), fact_when(fact.as_dict()),
             f"{fact.confidence:.2f}"] for fact in document.facts]
    lines = [head, table(["type", "modality", "fact", "date", "conf"], rows)]
    lines += [f"warning: {w}" for w in document.warnings]
    return "\n".join(lines)


def ingest_text(report: IngestReport) -> str:
    """A row per article and what became of it, then the tally."""
    rows = [[item.source, item.article_id or "", "stored" if item.created else
             ("failed" if item.error else "done before" if item.done_before else "unchanged"),
             "" if item.facts is None else item.facts, item.error or ""]
            for item in report.items]
    summary = report.as_dict()
    skipped = summary["skipped_by_reason"]
    notes = [f"{summary['read']} read"]
    if skipped:
        notes.append(f"{summary['skipped']} skipped: "
                     + ", ".join(f"{reason} {n}" for reason, n in skipped.items()))
    if summary["done_before"]:
        notes.append(f"{summary['done_before']} done before, passed over")
    return "\n".join([
        *([table(["source", "article", "result", "facts", "error"], rows)] if rows else []),
        f"{summary['stored']} stored, {summary['unchanged']} unchanged, "
        f"{summary['failed']} failed ({'; '.join(notes)}). `multilateral review` lists the "
        "candidates."])


def candidates_table(pending: list[dict[str, Any]]) -> str:
    if not pending:
        return "No pending candidates."
    rows = [[c["id"], c["article_id"], c["type"], c["fact"].get("modality"),
             fact_summary(c["fact"]), fact_when(c["fact"]), f"{c['confidence']:.2f}",
             clip(c["fact"]["evidence"]["text"], 50)] for c in pending]
    return table(["id", "article", "type", "modality", "fact", "date", "conf", "evidence"], rows)


def candidate_text(candidate: dict[str, Any]) -> str:
    """A review-queue candidate (`KnowledgeBase.review_queue`) with its evidence bracketed in
    the article text around it, CONTEXT_CHARS each side."""
    fact = candidate["fact"]
    context = candidate.get("context") or {
        "before": "", "evidence": (fact.get("evidence") or {}).get("text", ""), "after": ""}
    before = context["before"][-CONTEXT_CHARS:].replace("\n", " ")
    after = context["after"][:CONTEXT_CHARS].replace("\n", " ")
    body = strip_controls(f"…{before}[{context['evidence']}]{after}…")
    wrapped = textwrap.fill(body, width=100, initial_indent="    ", subsequent_indent="    ")
    # every other sentence that states the same fact, so the reviewer weighs them all
    for more in candidate.get("also_context") or [
            {"evidence": span.get("text", "")} for span in fact.get("also") or []]:
        wrapped += "\n" + textwrap.fill(strip_controls(f"also: [{more['evidence']}]"), width=100,
                                         initial_indent="    ", subsequent_indent="      ")
    stories = candidate.get("stories") or 1
    if stories > 1:  # one fact, several stories: accepting it cites them all
        others = ", ".join(str(s["article"]["id"]) for s in candidate["sources"][1:])
        wrapped += f"\n    stated by {stories} stories (also articles {others})"
    return strip_controls(
        f"\n#{candidate['id']} (article {candidate['article_id']}) {candidate['type']}, "
        f"{fact.get('modality')}, confidence {candidate['confidence']:.2f}\n"
        f"  {fact_summary(fact)}  {fact_when(fact)}\n") + wrapped


def reviewed_lines(results: list[ReviewResult]) -> list[str]:
    """What each review did, and the conflicts it kept."""
    out: list[str] = []
    for result in results:
        where = f" -> {result.fact_type} {result.fact_id}" if result.fact_type else ""
        out.append(f"#{result.candidate['id']} {result.action}ed{where}"
                   + (f" ({result.note})" if result.note else ""))
        out += [f"  conflict kept: {conflict}" for conflict in result.conflicts]
    return out


def miss_text(miss: dict[str, Any]) -> str:
    """A gold claim `check` missed or judged otherwise than the annotator."""
    return (f"{miss['article']}: claim {miss['error']} {miss['claim']!r}"
            + (f" truth {miss['truth']}, got {miss['verdicts']}"
               if miss["error"] == "verdict" else "")
            + (f" reported as {miss['verdicts'][0]}" if miss["error"] == "false claim"
               else ""))


def error_text(error: dict[str, Any]) -> str:
    """A gold fact missed, a spurious fact, or a fact dated otherwise than the annotator."""
    return (f"{error['article']}: {error['error']} "
            f"{json.dumps(error['fact'], ensure_ascii=False)}"
            + (f" predicted {error.get('predicted')}" if error["error"] == "date" else ""))


def check_text(report: dict[str, Any]) -> str:
    """A check report (its `as_dict()`): each claim with its verdict and why, then the count
    per verdict."""
    # each row says which claim it is: its number and where it stands in the text
    rows = [[number, c["start"], c["kind"], clip(c["text"].replace("\n", " "), 48),
             c["verdict"], c["reason"]] for number, c in enumerate(report["claims"], 1)]
    return "\n".join([
        f"{report['article']['title'] or report['article']['source']}",
        f"judged as of {report['on']} ({report['on_note']}); today {report['today']}",
        table(["#", "at", "claim", "text", "verdict", "why"], rows),
        ", ".join(f"{n} {k}" for k, n in report["counts"].items()) or "no checkable claim"])


def changes_table(report: dict[str, Any]) -> str:
    """A row per change the news reports (`KnowledgeBase.changes`), then the tally."""
    found = report["changes"]
    if not found:
        return "No changes: the news read so far states nothing the knowledge base lacks."
    rows = [[c["candidate_id"], c["kind"], c["type"], fact_summary(c["fact"]),
             fact_when(c["fact"]), c["stories"], c["first_seen"], c["last_seen"],
             clip(c["reason"], 50)] for c in found]
    counts = ", ".join(f"{n} {kind}" for kind, n in report["counts"].items())
    return "\n".join([table(["candidate", "kind", "type", "fact", "date", "stories", "first",
                             "last", "why"], rows),
                      f"{len(found)} changes ({counts})"
                      + (f", the first {report['limit']}: --limit lists more"
                         if report.get("more") else "")
                      + ". `multilateral review` accepts them."])
