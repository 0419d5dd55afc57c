"""The `multilateral` group and what every command shares: the knowledge base of the current
invocation, domain errors turned into exit codes, the --on and --format options, output."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import wraps
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from multilateral.errors import MultilateralError
from multilateral.model.status import Status
from multilateral.settings import DATABASE

if TYPE_CHECKING:
    from multilateral.kb import KnowledgeBase

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])
FORMATS = click.Choice(["table", "json", "csv"])
STATUSES = click.Choice([status.value for status in Status], case_sensitive=False)


@click.group(help="multilateral: international organizations and their members, over time.")
@click.option("--db", envvar=DATABASE.env, default=None, metavar="URL",
              help=f"{DATABASE.help} Default: {DATABASE.default}. Environment: {DATABASE.env}.")
@click.version_option(package_name="multilateral")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    ctx.obj = Invocation(db)
    ctx.call_on_close(ctx.obj.close)


class Invocation:
    """What one command line opens: the knowledge base, made when a command first needs it
    (so that `--help` does not import the database layer)."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from multilateral.kb import KnowledgeBase
            self._kb = KnowledgeBase(self.db)
        return self._kb

    def close(self) -> None:
        if self._kb is not None:
            self._kb.close()


def current_kb() -> KnowledgeBase:
    """The knowledge base of this invocation."""
    invocation = click.get_current_context().find_object(Invocation)
    assert invocation is not None
    return invocation.kb


def fail(error: MultilateralError) -> NoReturn:
    """Report a domain error as click reports its own, and exit with the error's own code
    (click's exceptions fix theirs per class)."""
    click.echo(f"Error: {error.message}", err=True)
    raise click.exceptions.Exit(error.exit_code)


def handled(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the library's errors into a message and an exit code at the CLI edge."""
    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MultilateralError as error:
            fail(error)
        except ValueError as error:  # a bad --status and the like
            raise click.UsageError(str(error)) from None
    return wrapper


def on_option(command: F) -> F:
    return click.option("--on", "on", metavar="DATE",
                        help="YYYY, YYYY-MM or YYYY-MM-DD (default: today).")(command)


def format_option(command: F) -> F:
    return click.option("--format", "fmt", type=FORMATS, default="table",
                        show_default=True)(command)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def emit(fmt: str, data: dict[str, Any], headers: Sequence[str],
         rows: Sequence[Sequence[object]], text: Callable[[], str]) -> None:
    """Print a result as JSON (its `as_dict()`), CSV (its rows) or text (built only if asked)."""
    if fmt == "json":
        echo_json(data)
    elif fmt == "csv":
        from multilateral.model.tables import csv_text
        click.echo(csv_text(headers, rows), nl=False)
    else:
        click.echo(text())
