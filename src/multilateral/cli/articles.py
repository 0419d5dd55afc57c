"""Article commands: extract, ingest, review, eval and check, on the `multilateral` group."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from multilateral.cli.base import current_kb, echo_json, handled, main
from multilateral.cli.progress import ProgressLine
from multilateral.cli.text import (
    candidate_text,
    candidates_table,
    check_text,
    error_text,
    facts_table,
    ingest_text,
    miss_text,
    reviewed_lines,
    table,
)
from multilateral.errors import MultilateralError, batch_exit_code

if TYPE_CHECKING:
    from multilateral.kb import ReviewBatch
    from multilateral.model.dates import PartialDate


@main.command(help="Read articles (HTML or text files, directories, or - for stdin) into "
                   "dated facts with evidence. Writes nothing.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True)
@click.option("--force", is_flag=True,
              help="Read a text even when it names no organization or state.")
@click.option("--published", metavar="DATE", default=None,
              help="The articles' date (YYYY-MM-DD), when the page does not state it or "
                   "states it wrongly; relative dates such as 'yesterday' resolve against it.")
@handled
def extract(paths: tuple[str, ...], fmt: str, force: bool, published: str | None) -> None:
    from multilateral.model.facts import Document  # not for `--help`
    failed = total = 0
    skipped: dict[str, int] = {}
    for result in current_kb().extract(list(paths), force=force,
                                       published=parse_date(published)):
        total += 1
        if isinstance(result, MultilateralError):  # unreadable: named, and the batch goes on
            failed += 1
            click.echo(f"Error: {result.message}", err=True)
        elif not isinstance(result, Document):  # no article: a WARC request record, an image
            skipped[result.reason] = skipped.get(result.reason, 0) + 1
        elif fmt == "json":
            echo_json(result.as_dict())
        else:
            click.echo(facts_table(result))
    if skipped:
        click.echo(f"{sum(skipped.values())} skipped: " + ", ".join(
            f"{reason} {n}" for reason, n in sorted(skipped.items())) + ".", err=True)
    _exit_for(failed, total)


def _exit_for(failed: int, total: int) -> None:
    """Say how many of the batch failed, and exit by the one batch policy."""
    if failed:
        click.echo(f"{failed} of {total} articles failed.", err=True)
        sys.exit(batch_exit_code(failed, total))


@main.command(help="Store articles with their facts as candidates for review. PATHS are HTML "
                   "or text files, WARC archives (.warc, .warc.gz: each response record "
                   "holding a page), or folders of them. The same article twice changes "
                   "nothing. Resumable: each item done (a file, a WARC record by its offset) "
                   "is kept in the ingest ledger with the article, so a job stopped and "
                   "started again passes over what it finished; failed items are read again.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--force", is_flag=True,
              help="Read a text even when it names no organization or state.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Read on Ray with N workers (a local Ray started for the job, or the "
                   "cluster's); the store is the one a single process makes. Needs "
                   "`pip install 'multilateral[scale]'`.")
@click.option("--cluster", "address", metavar="ADDRESS", default=None,
              help="Run on the Ray cluster at ADDRESS (as `ray start --head` prints it); "
                   "without --workers, one worker a CPU of the cluster.")
@handled
def ingest(paths: tuple[str, ...], fmt: str, force: bool, workers: int | None,
           address: str | None) -> None:
    cluster = None
    if (workers or 1) > 1 or address:
        from multilateral.kb.cluster import Cluster
        cluster = Cluster(workers=workers, address=address)
    line = ProgressLine()
    report = None
    try:
        report = current_kb().ingest(list(paths), force=force, on_progress=line,
                                     cluster=cluster)
    finally:
        line.close(report)
    if fmt == "json":
        echo_json(report.as_dict())
    else:
        click.echo(ingest_text(report))
    _exit_for(report.failed, report.total)


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
    if accept_above is not None or accept_ids or reject_ids:
        batch = kb.review_batch(accept=accept_ids, reject=reject_ids, accept_above=accept_above,
                                article_id=article_id, reviewer=reviewer)
    elif list_only or not sys.stdin.isatty():
        pending = kb.candidates(article_id)
        if fmt == "json":
            echo_json(pending)
        else:
            click.echo(candidates_table(pending))
        return
    else:
        batch = _interactive(kb.review_queue(article_id), reviewer)
    if fmt == "json":
        echo_json(batch.as_dict())
    else:
        for line in reviewed_lines(batch.results):
            click.echo(line)
        for error in batch.errors:
            click.echo(f"Error: {error}", err=True)
        click.echo(f"{len(batch.results)} reviewed, {len(batch.errors)} could not be.")
    if batch.exit_code:
        sys.exit(batch.exit_code)


def _interactive(pending: list[dict[str, Any]], reviewer: str | None) -> ReviewBatch:
    """Ask for each candidate in turn, showing its evidence in the article's text."""
    kb = current_kb()
    from multilateral.kb import ReviewBatch
    batch = ReviewBatch()
    for candidate in pending:
        click.echo(candidate_text(candidate))
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
                batch.results.append(kb.review(candidate["id"], "edit", json.loads(edited),
                                               reviewer))
            else:
                action = "accept" if choice == "a" else "reject"
                batch.results.append(kb.review(candidate["id"], action, reviewer=reviewer))
        except (MultilateralError, json.JSONDecodeError) as exc:
            message = exc.message if isinstance(exc, MultilateralError) else str(exc)
            batch.errors.append(f"candidate {candidate['id']}: {message}")
            click.echo(f"Error: {message}", err=True)
    return batch


@main.command("eval", help="Score extraction against a gold set (FACTS.md): precision, recall "
                           "and F1 per type, date accuracy. Fails below the floors.")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--floors", type=click.Path(path_type=Path), default=None,
              help="JSON file of minimum scores (default: floors.json beside GOLD_DIR, if any).")
@click.option("--errors", "show_errors", is_flag=True, help="List every miss and spurious fact.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev",
              show_default=True, help="Which part of a set of real pages (gold/real) to score.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def evaluate(gold_dir: Path, floors: Path | None, show_errors: bool, split: str,
             fmt: str) -> None:
    result = current_kb().evaluate(gold_dir, floors=floors,
                                   split=None if split == "all" else split)
    if fmt == "json":
        data = result.as_dict()
        if not show_errors:
            data.pop("errors")
        echo_json(data)
    else:
        # Rendered here, not in cli.text: the evaluation's types belong to ingest, below kb.
        scores = result.scores()
        rows = [[kind, c.gold, c.predicted, c.matched, f"{c.precision:.3f}",
                 f"{c.recall:.3f}", f"{c.f1:.3f}"]
                for kind, c in [*result.by_type.items(), ("overall", result.overall)]]
        claims = result.claims
        click.echo(f"{result.articles} articles, {len(result.failed)} failed")
        click.echo(table(["type", "gold", "predicted", "matched", "precision", "recall", "f1"],
                         rows))
        click.echo(f"dates on matched facts: exact {scores['date_exact']:.3f}, year "
                   f"{scores['date_year']:.3f} ({result.dated} dated); modality "
                   f"{scores['modality']:.3f}")
        click.echo(f"claims: {claims.found} of {claims.gold} found "
                   f"({scores['claims_found']:.3f}); {claims.decided} judged, right for "
                   f"{claims.right} ({scores['verdict_accuracy']:.3f}); "
                   f"{claims.found - claims.decided} unverifiable"
                   + (f" ({claims.abstained_right} unverifiable in the gold too)"
                      if claims.found > claims.decided else "")
                   + (f"; {claims.false} of {claims.reported} reported are no claim "
                      f"({scores['claims_false']:.3f})" if claims.reported else ""))
        data = result.as_dict()
        click.echo("precision by confidence: " + ", ".join(
            f"{b} {v['precision']:.3f} ({v['matched']}/{v['predicted']})"
            for b, v in data["precision_by_confidence"].items() if v["predicted"]))
        if result.dates_stated:
            click.echo(f"article dates: {result.dates_found} of {result.dates_stated} found")
        if result.note:
            click.echo(f"Note: {result.note}")
        if show_errors:
            for miss in claims.misses:
                click.echo(miss_text(miss))
            for error in result.errors:
                click.echo(error_text(error))
        for failure in result.failed:
            click.echo(f"failed: {failure}", err=True)
    if result.below_floors:
        raise MultilateralError("Below the floors: " + "; ".join(result.below_floors) + ".")


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
    click.echo(check_text(report.as_dict()))


def parse_date(text: str | None) -> PartialDate | None:
    from multilateral.model.dates import parse_optional  # not for `--help`
    return parse_optional(text)
