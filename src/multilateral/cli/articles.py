"""Article commands: extract, ingest, review, eval and check, on the `multilateral` group."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from multilateral.articles import ReviewResult
from multilateral.cli.base import current_kb, echo_json, handled, main
from multilateral.cli.text import (
    candidates_table,
    check_text,
    evaluation_text,
    facts_table,
    in_context,
    reviewed_lines,
    table,
)
from multilateral.errors import MultilateralError, batch_exit_code
from multilateral.ingest.evaluation import check_floors, read_floors
from multilateral.ingest.reading import UnreadableArticle

NO_ARTICLE = "No article found: give HTML or text files, or a directory holding some."


@main.command(help="Read articles (HTML or text files, directories, or - for stdin) into "
                   "dated facts with evidence. Writes nothing.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True)
@handled
def extract(paths: tuple[str, ...], fmt: str) -> None:
    failed = total = 0
    for result in current_kb().extract(list(paths)):
        total += 1
        if isinstance(result, UnreadableArticle):
            failed += 1
            click.echo(f"Error: {result.message}", err=True)
            continue
        if fmt == "json":
            echo_json(result.as_dict())
        else:
            click.echo(facts_table(result))
    _exit_for(failed, total)


def _exit_for(failed: int, total: int) -> None:
    """Say how many of the batch failed, and exit with the one batch policy's code."""
    if total == 0:
        raise click.UsageError(NO_ARTICLE)
    if failed:
        click.echo(f"{failed} of {total} articles failed.", err=True)
        sys.exit(batch_exit_code(failed, total))


@main.command(help="Store articles with their facts as candidates for review. The same "
                   "article twice changes nothing.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def ingest(paths: tuple[str, ...], fmt: str) -> None:
    kb = current_kb()
    items = list(_collect(paths))
    with click.progressbar(length=len(items), label="Ingesting", file=sys.stderr,
                           show_pos=True) as bar:
        def advance(item: Any) -> None:
            bar.update(1)
        report = kb.ingest(items, on_item=advance)
    if fmt == "json":
        echo_json(report.as_dict())
    else:
        rows = [[item.source, item.article_id or "", "stored" if item.created else
                 ("failed" if item.error else "unchanged"), item.facts, item.error or ""]
                for item in report.items]
        click.echo(table(["source", "article", "result", "facts", "error"], rows))
        summary = report.as_dict()
        click.echo(f"{summary['stored']} stored, {summary['unchanged']} unchanged, "
                   f"{summary['failed']} failed. `multilateral review` lists the candidates.")
    _exit_for(report.failed, len(report.items))


def _collect(paths: tuple[str, ...]) -> list[str]:
    from multilateral.ingest.reading import collect
    found = [str(item) for item in collect(list(paths))]
    if not found:
        raise click.UsageError(NO_ARTICLE)
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
    kb = current_kb()
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
    if fmt == "json":
        echo_json({"reviewed": [r.as_dict() for r in results], "errors": errors})
    else:
        for line in reviewed_lines(results):
            click.echo(line)
        for error in errors:
            click.echo(f"Error: {error}", err=True)
        click.echo(f"{len(results)} reviewed, {len(errors)} could not be.")
    if errors:
        sys.exit(batch_exit_code(len(errors), len(results) + len(errors)))


def _list_candidates(pending: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        echo_json(pending)
    else:
        click.echo(candidates_table(pending))


def _interactive(pending: list[dict[str, Any]], reviewer: str | None
                 ) -> tuple[list[ReviewResult], list[str]]:
    kb = current_kb()
    results: list[ReviewResult] = []
    errors: list[str] = []
    texts: dict[int, str] = {}
    for candidate in pending:
        article_id = candidate["article_id"]
        if article_id not in texts:
            texts[article_id] = kb.article(article_id)["text"]
        click.echo(in_context(candidate, texts[article_id]))
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


@main.command("eval", help="Score extraction against a gold set (FACTS.md): precision, recall "
                           "and F1 per type, date accuracy. Fails below the floors.")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--floors", type=click.Path(path_type=Path), default=None,
              help="JSON file of minimum scores (default: floors.json beside GOLD_DIR, if any).")
@click.option("--errors", "show_errors", is_flag=True, help="List every miss and spurious fact.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def evaluate(gold_dir: Path, floors: Path | None, show_errors: bool, fmt: str) -> None:
    result = current_kb().evaluate(gold_dir)
    scores = result.scores()
    floors_path = floors or next((p for p in (gold_dir / "floors.json",
                                              gold_dir.parent / "floors.json") if p.exists()), None)
    below = check_floors(scores, read_floors(floors_path)) if floors_path else []
    if fmt == "json":
        data = result.as_dict()
        if not show_errors:
            data.pop("errors")
        data["below_floors"] = below
        echo_json(data)
    else:
        click.echo(evaluation_text(result, show_errors))
        for failure in result.failed:
            click.echo(f"failed: {failure}", err=True)
    if below:
        raise MultilateralError("Below the floors: " + "; ".join(below) + ".")


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
    report = current_kb().check(target, PartialDate.parse(on) if on else None)
    if fmt == "json":
        echo_json(report.as_dict())
        return
    if fmt == "html":
        click.echo(report.html())
        return
    click.echo(check_text(report))
