"""`multilateral changes`: what the news reports that the knowledge base does not hold."""

from __future__ import annotations

import click

from multilateral.cli.base import current_kb, echo_json, handled, main
from multilateral.cli.text import changes_table


@main.command(help="The facts read from the news that the knowledge base does not hold yet, "
                   "or that contradict it as of the story's date: pending candidates, each "
                   "with how many stories state it and the first and last day seen.")
@click.option("--since", metavar="DATE", default=None,
              help="Only those last seen on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--org", metavar="ORG", default=None,
              help="Only those about this organization (a name, acronym or id).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="List at most this many, most stories first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@handled
def changes(since: str | None, org: str | None, limit: int, fmt: str) -> None:
    from multilateral.model.dates import parse_optional  # not for `--help`
    report = current_kb().changes(since=parse_optional(since), org=org, limit=limit)
    if fmt == "json":
        echo_json(report.as_dict())
    else:
        click.echo(changes_table(report.as_dict()))
