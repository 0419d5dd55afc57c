"""Article commands: extract, ingest, review, eval. Registered on the `multilateral` group."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from multilateral.cli import Failure, _clip, _kb, handled, main
from multilateral.errors import MultilateralError
from multilateral.ingest.evaluation import check_floors, read_floors
from multilateral.ingest.reading import UnreadableArticle
from multilateral.kb.desk import ReviewResult
from multilateral.model.facts import Document
from multilateral.render import table

CONTEXT_CHARS = 90


@main.command(help="Read articles (HTML or text files, directories, or - for stdin) into "
                   "dated facts with evidence. Writes nothing.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True)
@handled
def extract(paths: tuple[str, ...], fmt: str) -> None:
    failed = total = 0
    for result in _kb().extract(list(paths)):
        total += 1
        if isinstance(result, UnreadableArticle):
            failed += 1
            click.echo(f"Error: {result.message}", err=True)
            continue
        if fmt == "json":
            click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(_facts_table(result))
    _exit_for(failed, total)


def _exit_for(failed: int, total: int) -> None:
    if total == 0:
        raise click.UsageError("No article found: give HTML or text files, or a directory "
                               "holding some.")
    if failed:
        click.echo(f"{failed} of {total} articles failed.", err=True)
        sys.exit(2 if failed == total else 1)


def _facts_table(document: Document) -> str:
    head = f"{document.source}: {document.title or '(no title)'}  published " \
           f"{document.published or 'unknown'}  {len(document.facts)} facts"
    rows = [[fact.type, fact.modality, _summary(fact.as_dict()), _when(fact.as_dict()),
             f"{fact.confidence:.2f}"] for fact in document.facts]
    lines = [head, table(["type", "modality", "fact", "date", "conf"], rows)]
    lines += [f"warning: {w}" for w in document.warnings]
    return "\n".join(lines)


def _summary(fact: dict[str, Any]) -> str:
    kind = fact["type"]
    if kind == "membership":
        return f"{fact.get('state')} {fact.get('change')} {fact.get('org')} as {fact.get('status')}"
    if kind == "agreement":
        return f"{fact.get('kind')}: " + " / ".join(fact.get("parties") or []) + \
            (f" at {fact['place']}" if fact.get("place") else "")
    if kind == "resolution":
        return f"{fact.get('body')} {fact.get('number') or ''} on {fact.get('subject')} " \
               f"({fact.get('effect')})"
    if kind == "event":
        return f"{fact.get('kind')}: {fact.get('name')}" + \
            (f" at {fact['place']}" if fact.get("place") else "")
    if kind == "chairmanship":
        return f"{fact.get('state')} chairs {fact.get('org')}"
    return f"{fact.get('org')} founded" + (f" at {fact['place']}" if fact.get("place") else "")


def _when(fact: dict[str, Any]) -> str:
    if fact["type"] == "chairmanship":
        return "–".join(str(x) for x in (fact.get("start"), fact.get("end")) if x)
    return str(fact.get("date") or (f"--{fact['date_partial']}" if fact.get("date_partial")
                                    else ""))


@main.command(help="Store articles with their facts as candidates for review. The same "
                   "article twice changes nothing.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def ingest(paths: tuple[str, ...], fmt: str) -> None:
    kb = _kb()
    items = list(_collect(paths))
    with click.progressbar(length=len(items), label="Ingesting", file=sys.stderr,
                           show_pos=True) as bar:
        def advance(item: Any) -> None:
            bar.update(1)
        report = kb.ingest(items, on_item=advance)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        rows = [[item.source, item.article_id or "", "stored" if item.created else
                 ("failed" if item.error else "unchanged"), item.facts, item.error or ""]
                for item in report.items]
        click.echo(table(["source", "article", "result", "facts", "error"], rows))
        summary = report.as_dict()
        click.echo(f"{summary['stored']} stored, {summary['unchanged']} unchanged, "
                   f"{summary['failed']} failed. `multilateral review` lists the candidates.")
    if report.failed:
        click.echo(f"{report.failed} of {len(report.items)} articles failed.", err=True)
        sys.exit(report.exit_code)


def _collect(paths: tuple[str, ...]) -> list[str]:
    from multilateral.ingest.reading import collect
    found = [str(item) for item in collect(list(paths))]
    if not found:
        raise click.UsageError("No article found: give HTML or text files, or a directory "
                               "holding some.")
    return found


@main.command(help="Review candidate facts: accept, edit or reject each, with its evidence "
                   "in context. Without an action option it asks for each pending candidate.")
@click.option("--article", "article_id", type=int, help="Only this article's candidates.")
@click.option("--accept-above", type=click.FloatRange(0, 1), metavar="CONFIDENCE",
              help="Accept every pending candidate at or above this confidence.")
@click.option("--accept", "accept_ids", type=int, multiple=True, metavar="ID",
              help="Accept this candidate (repeatable).")
@click.option("--reject", "reject_ids", type=int, multiple=True, metavar="ID",
              help="Reject this candidate (repeatable).")
@click.option("--list", "list_only", is_flag=True, help="List pending candidates and stop.")
@click.option("--reviewer", default=None, help="Your name, kept with each decision.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def review(article_id: int | None, accept_above: float | None, accept_ids: tuple[int, ...],
           reject_ids: tuple[int, ...], list_only: bool, reviewer: str | None,
           fmt: str) -> None:
    kb = _kb()
    results: list[ReviewResult] = []
    errors: list[str] = []
    if accept_above is not None:
        results, errors = kb.accept_above(accept_above, article_id, reviewer)
    for action, ids in (("accept", accept_ids), ("reject", reject_ids)):
        for candidate_id in ids:
            try:
                results.append(kb.review(candidate_id, action, reviewer=reviewer))
            except MultilateralError as exc:
                errors.append(f"candidate {candidate_id}: {exc.message}")
    acted = accept_above is not None or accept_ids or reject_ids
    if not acted:
        pending = kb.candidates(article_id)
        if list_only or not sys.stdin.isatty():
            _list_candidates(pending, fmt)
            return
        results, errors = _interactive(pending, reviewer)
    _report(results, errors, fmt)
    if errors:
        sys.exit(2 if not results else 1)


def _list_candidates(pending: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(pending, indent=2, ensure_ascii=False))
        return
    if not pending:
        click.echo("No pending candidates.")
        return
    rows = [[c["id"], c["article_id"], c["type"], c["fact"].get("modality"),
             _summary(c["fact"]), _when(c["fact"]), f"{c['confidence']:.2f}",
             _clip(c["fact"]["evidence"]["text"], 50)] for c in pending]
    click.echo(table(["id", "article", "type", "modality", "fact", "date", "conf", "evidence"],
                     rows))


def _interactive(pending: list[dict[str, Any]], reviewer: str | None
                 ) -> tuple[list[ReviewResult], list[str]]:
    kb = _kb()
    results: list[ReviewResult] = []
    errors: list[str] = []
    texts: dict[int, str] = {}
    for candidate in pending:
        article_id = candidate["article_id"]
        if article_id not in texts:
            texts[article_id] = kb.article(article_id)["text"]
        click.echo(_in_context(candidate, texts[article_id]))
        choice = click.prompt("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit",
                              type=click.Choice(list("aersq")), default="s",
                              show_choices=False)
        if choice == "q":
            break
        if choice == "s":
            continue
        try:
            if choice == "e":
                edited = click.edit(json.dumps(candidate["fact"], indent=2, ensure_ascii=False),
                                    extension=".json")
                if edited is None:
                    continue
                results.append(kb.review(candidate["id"], "edit", json.loads(edited), reviewer))
            else:
                action = "accept" if choice == "a" else "reject"
                results.append(kb.review(candidate["id"], action, reviewer=reviewer))
        except (MultilateralError, json.JSONDecodeError) as exc:
            message = exc.message if isinstance(exc, MultilateralError) else str(exc)
            errors.append(f"candidate {candidate['id']}: {message}")
            click.echo(f"Error: {message}", err=True)
    return results, errors


def _in_context(candidate: dict[str, Any], text: str) -> str:
    evidence = candidate["fact"]["evidence"]
    start, end = evidence["start"], evidence["end"]
    before = text[max(0, start - CONTEXT_CHARS):start].replace("\n", " ")
    after = text[end:end + CONTEXT_CHARS].replace("\n", " ")
    body = f"…{before}[{text[start:end]}]{after}…"
    wrapped = textwrap.fill(body, width=100, initial_indent="    ", subsequent_indent="    ")
    return (f"\n#{candidate['id']} (article {candidate['article_id']}) {candidate['type']}, "
            f"{candidate['fact'].get('modality')}, confidence {candidate['confidence']:.2f}\n"
            f"  {_summary(candidate['fact'])}  {_when(candidate['fact'])}\n{wrapped}")


def _report(results: list[ReviewResult], errors: list[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps({"reviewed": [r.as_dict() for r in results], "errors": errors},
                              indent=2, ensure_ascii=False))
        return
    for result in results:
        where = f" -> {result.fact_type} {result.fact_id}" if result.fact_type else ""
        click.echo(f"#{result.candidate['id']} {result.action}ed{where}"
                   + (f" ({result.note})" if result.note else ""))
        for conflict in result.conflicts:
            click.echo(f"  conflict kept: {conflict}")
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(f"{len(results)} reviewed, {len(errors)} could not be.")


@main.command("eval", help="Score extraction against a gold set (FACTS.md): precision, recall "
                           "and F1 per type, date accuracy. Fails below the floors.")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--floors", type=click.Path(path_type=Path), default=None,
              help="JSON file of minimum scores (default: floors.json beside GOLD_DIR, if any).")
@click.option("--errors", "show_errors", is_flag=True, help="List every miss and spurious fact.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def evaluate(gold_dir: Path, floors: Path | None, show_errors: bool, fmt: str) -> None:
    result = _kb().evaluate(gold_dir)
    scores = result.scores()
    floors_path = floors or next((p for p in (gold_dir / "floors.json",
                                              gold_dir.parent / "floors.json") if p.exists()), None)
    below = check_floors(scores, read_floors(floors_path)) if floors_path else []
    if fmt == "json":
        data = result.as_dict()
        if not show_errors:
            data.pop("errors")
        data["below_floors"] = below
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        rows = [[kind, c.gold, c.predicted, c.matched, f"{c.precision:.3f}", f"{c.recall:.3f}",
                 f"{c.f1:.3f}"] for kind, c in [*result.by_type.items(), ("overall",
                                                                          result.overall)]]
        click.echo(f"{result.articles} articles, {len(result.failed)} failed")
        click.echo(table(["type", "gold", "predicted", "matched", "precision", "recall", "f1"],
                         rows))
        click.echo(f"dates on matched facts: exact {scores['date_exact']:.3f}, year "
                   f"{scores['date_year']:.3f} ({result.dated} dated); modality "
                   f"{scores['modality']:.3f}")
        claims = result.claims
        click.echo(f"claims: {claims.found} of {claims.gold} found "
                   f"({scores['claims_found']:.3f}); {claims.decided} judged, right for "
                   f"{claims.right} ({scores['verdict_accuracy']:.3f}); "
                   f"{claims.found - claims.decided} unverifiable")
        if show_errors:
            for miss in result.claims.misses:
                click.echo(f"{miss['article']}: claim {miss['error']} {miss['claim']!r}"
                           + (f" truth {miss['truth']}, got {miss['verdicts']}"
                              if miss['error'] == 'verdict' else ""))
            for error in result.errors:
                click.echo(f"{error['article']}: {error['error']} "
                           f"{json.dumps(error['fact'], ensure_ascii=False)}"
                           + (f" predicted {error.get('predicted')}" if error['error'] == 'date'
                              else ""))
        for failure in result.failed:
            click.echo(f"failed: {failure}", err=True)
    if below:
        raise Failure(MultilateralError("Below the floors: " + "; ".join(below) + "."))


@main.command(help="Judge an article's claims (a file, or a stored article's id) against the "
                   "knowledge base as of the article's date: supported, contradicted, "
                   "unverifiable or outdated, and why.")
@click.argument("target", metavar="PATH|ARTICLE_ID")
@click.option("--on", "on", metavar="DATE", help="Judge as of this date instead of the "
                                                 "article's (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "html"]), default="table",
              show_default=True)
@handled
def check(target: str, on: str | None, fmt: str) -> None:
    from multilateral.model.dates import PartialDate
    report = _kb().check(target, PartialDate.parse(on) if on else None)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False, default=str))
        return
    if fmt == "html":
        click.echo(report.html())
        return
    data = report.as_dict()
    click.echo(f"{data['article']['title'] or data['article']['source']}")
    click.echo(f"judged as of {data['on']} ({data['on_note']}); today {data['today']}")
    rows = [[v.claim.kind, _clip(v.claim.text.replace("\n", " "), 48), v.verdict,
             v.reason] for v in report.verdicts]
    click.echo(table(["claim", "text", "verdict", "why"], rows))
    click.echo(", ".join(f"{n} {k}" for k, n in report.counts.items()) or "no checkable claim")
