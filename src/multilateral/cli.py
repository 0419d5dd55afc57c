"""The command line: each command opens the knowledge base, asks one question, prints it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from multilateral.errors import MultilateralError
from multilateral.kb import KnowledgeBase
from multilateral.model.membership import Standing
from multilateral.model.results import OrgProfile
from multilateral.model.status import Status
from multilateral.render import csv_text, table
from multilateral.settings import DATABASE

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = click.Choice(["table", "json", "csv"])
STATUSES = click.Choice([status.value for status in Status], case_sensitive=False)
_DB = DATABASE


class Failure(click.ClickException):
    """A domain error at the CLI edge: its message, and its own exit code."""

    def __init__(self, error: MultilateralError) -> None:
        super().__init__(error.message)
        self.exit_code = error.exit_code  # type: ignore[misc]  # click declares it on the class


def handled(command: F) -> F:
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MultilateralError as error:
            raise Failure(error) from None
        except ValueError as error:  # a bad --status and the like
            raise click.UsageError(str(error)) from None
    return wrapper  # type: ignore[return-value]


@click.group(help="multilateral: international organizations and their members, over time.")
@click.option("--db", envvar=_DB.env, default=None, metavar="URL",
              help=f"{_DB.help} Default: {_DB.default}. Environment: {_DB.env}.")
@click.version_option(package_name="multilateral")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    ctx.obj = KnowledgeBase(db)
    ctx.call_on_close(ctx.obj.close)


def on_option(command: F) -> F:
    return click.option("--on", "on", metavar="DATE",
                        help="YYYY, YYYY-MM or YYYY-MM-DD (default: today).")(command)


def format_option(command: F) -> F:
    return click.option("--format", "fmt", type=FORMATS, default="table",
                        show_default=True)(command)


def _kb() -> KnowledgeBase:
    kb = click.get_current_context().find_object(KnowledgeBase)
    assert kb is not None
    return kb


def _emit(fmt: str, data: dict[str, Any], headers: Sequence[str],
          rows: Sequence[Sequence[object]], text: Callable[[], str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(csv_text(headers, rows), nl=False)
    else:
        click.echo(text())


STANDING_HEADERS = ["status", "subject", "id", "since", "certainty", "datasets", "note",
                    "sources"]


def _standing_row(st: Standing) -> list[object]:
    """One member (or organization) and where it stands, as `members` and `memberships` show."""
    return [st.shown_status, st.subject.name, st.subject.id, _since(st),
            st.certainty, _datasets(st), st.reason or "", _urls(st)]


def _datasets(standing: Standing) -> str:
    return ", ".join(dict.fromkeys(claim.dataset for claim in standing.claims))


def _urls(standing: Standing) -> str:
    return " ".join(dict.fromkeys(source.url for claim in standing.claims
                                  for source in claim.sources if source.url))


def _since(standing: Standing) -> str:
    starts = dict.fromkeys(f"{c.start} ({c.dataset})" for c in standing.claims
                           if c.start is not None and c.status == standing.status)
    return "; ".join(starts) if len(starts) > 1 else str(standing.since or "")


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plural(count: int, status: str) -> str:
    label = status.replace("_", " ")
    # "6 suspended", not "6 suspendeds": a participle takes no plural.
    return f"{count} {label}{'' if count == 1 or label.endswith('ed') else 's'}"


@main.command(help="Create the database schema and load the bundled reference data.")
@click.option("--force", is_flag=True, help="Reload even if the data are current.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def init(force: bool, fmt: str) -> None:
    report = _kb().init(force=force, on_wait=lambda msg: click.echo(msg, err=True))
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    verb = "Loaded" if report.loaded else "Already current, nothing changed:"
    counts = ", ".join(f"{v:,} {k}" for k, v in report.counts.items())
    click.echo(f"{verb} {report.database} in {report.seconds:.1f} s ({counts}).")


@main.command(help="Who belongs to ORG on a date, by status, since when, per which source.")
@click.argument("org")
@on_option
@click.option("--status", type=STATUSES, help="Only this status.")
@format_option
@handled
def members(org: str, on: str | None, status: str | None, fmt: str) -> None:
    result = _kb().members(org, on, status)
    headers = ["status", "state", *STANDING_HEADERS[2:]]
    rows = [_standing_row(st) for st in result.certain + result.conflicts + result.uncertain]

    def text() -> str:
        counts = ", ".join(_plural(n, s) for s, n in result.counts.items()) or "no one"
        counts += f" ({result.suspended} suspended)" if result.suspended else ""
        out = [f"{result.org.name} ({result.org.id}) on {result.on}: {counts}"]
        if result.certain:
            out += ["", table(headers[:6], [row[:6] for row in rows[:len(result.certain)]])]
        if result.conflicts:
            out += ["", "Sources disagree:"]
            out += [f"  {st.subject.name}: {st.reason}" for st in result.conflicts]
        if result.uncertain:
            out += ["", f"Uncertain on {result.on} ({len(result.uncertain)}):"]
            out += [f"  {st.subject.name}: {'/'.join(st.possible)} ({st.reason})"
                    for st in result.uncertain]
        if result.pending:
            out += ["", "Decided, not yet in effect:"]
            out += [f"  {p['member']['name']}: {p['status']} (decided {p['decided']})"
                    for p in result.pending]
        out += [f"Note: {note}" for note in result.notes]
        return "\n".join(out)

    _emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="What STATE (or an organization) belongs to on a date, and how.")
@click.argument("state")
@on_option
@format_option
@handled
def memberships(state: str, on: str | None, fmt: str) -> None:
    result = _kb().memberships(state, on)
    headers = ["status", "organization", *STANDING_HEADERS[2:]]
    rows = [_standing_row(st) for st in result.certain + result.conflicts + result.uncertain]

    def text() -> str:
        out = [f"{result.state.name} ({result.state.id}) on {result.on}: "
               f"{len(result.certain)} organizations, {len(result.uncertain)} uncertain"]
        return "\n".join(out + ["", table(headers[:6], [r[:6] for r in rows])]) if rows else out[0]

    _emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="Every change of status in ORG, in date order, with sources.")
@click.argument("org")
@click.option("--state", help="Only this member: a state, or an organization (the SCO at "
                               "the UN General Assembly).")
@format_option
@handled
def history(org: str, state: str | None, fmt: str) -> None:
    result = _kb().history(org, state)
    headers = ["date", "change", "status", "state", "dataset", "reason", "sources"]
    rows = [[ch.date or "?", ch.change, ch.claim.status, ch.claim.member.name, ch.claim.dataset,
             ch.claim.end_reason if ch.change == "end" else (ch.claim.note or ""),
             " ".join(src.url for src in ch.claim.sources if src.url)]
            for ch in result.changes]

    def text() -> str:
        title = f"{result.org.name} ({result.org.id})"
        if result.state:
            title += f": {result.state.name}"
        out = [f"History of {title}, {len(rows)} changes", ""]
        out.append(table(headers[:6], [[*row[:5], _clip(str(row[5]))] for row in rows]))
        return "\n".join(out + [f"Note: {note}" for note in result.notes])

    _emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="An organization: names, founding, parent and bodies, counts, chair, "
                   "instruments, events, conflicts.")
@click.argument("org")
@click.option("--on", "on", metavar="DATE", help="Also count members on this date.")
@format_option
@handled
def org(org: str, on: str | None, fmt: str) -> None:
    p = _kb().org(org, on)
    if fmt != "table":
        _emit(fmt, p.as_dict(), ORG_CSV_HEADERS, _org_rows(p), lambda: "")
        return

    def counts(c: dict[str, int]) -> str:
        return ", ".join(_plural(n, s) for s, n in c.items()) or "none known"

    out = [f"{p.org.name} ({p.org.id})", f"  kind: {p.kind}"]
    others = [n for n in p.names if n["name"] != p.org.name]
    if others:
        out.append("  also: " + "; ".join(
            n["name"] + (f" ({n['kind']} {n['valid_from'] or ''}-{n['valid_to'] or ''})"
                         if n["kind"] == "former" else "") for n in others))
    if p.website:
        out.append(f"  website: {p.website}")
    for f in p.foundings:
        out.append(f"  founded: {f['date']}{' in ' + f['place'] if f['place'] else ''} "
                   f"({f['dataset']})")
    if p.dissolved:
        out.append(f"  dissolved: {p.dissolved}")
    if p.parent:
        out.append(f"  part of: {p.parent.name} ({p.parent.id})")
    if p.bodies:
        out.append("  bodies: " + "; ".join(f"{b.name} ({b.id})" for b in p.bodies))
    out.append(f"  today ({p.today}): {counts(p.counts_today)}")
    if p.on is not None and p.counts_on is not None:
        out.append(f"  on {p.on}: {counts(p.counts_on)}")
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
    click.echo("\n".join(out))


ORG_CSV_HEADERS = ["section", "date", "end", "kind", "name", "detail", "dataset"]


def _org_rows(p: OrgProfile) -> list[list[object]]:
    """The profile as one long table: a row per name, founding, count, chair, instrument,
    event and conflict, for spreadsheets."""
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


@main.command(help="Where the sources disagree (COW, the hand tables, the SCO seed, the 2020 "
                   "CIA Factbook), for ORG or for every organization, counted by kind.")
@click.argument("org", required=False)
@format_option
@handled
def conflicts(org: str | None, fmt: str) -> None:
    result = _kb().conflicts(org)
    headers = ["org", "kind", "subject", "datasets", "description"]
    rows = [[c.org.id, c.kind, c.subject, ", ".join(c.datasets), c.description]
            for c in result.conflicts]

    def text() -> str:
        scope = f"{result.org.name} ({result.org.id})" if result.org else \
            f"{len(result.compared)} organizations with more than one source"
        kinds = ", ".join(f"{n} {kind}" for kind, n in result.by_kind.items()) or "none"
        out = [f"Sources disagree {len(result.conflicts)} times on {scope}: {kinds}"]
        if not result.org and result.by_org:
            kinds_seen = list(result.by_kind)
            out += ["", table(["org", "total", *kinds_seen], [
                [org_id, sum(counts.values()), *(counts.get(k, 0) for k in kinds_seen)]
                for org_id, counts in result.by_org.items()])]
        current = None
        for conflict in result.conflicts:
            if conflict.org.id != current:
                current = conflict.org.id
                out += ["", f"{conflict.org.name} ({current}):"]
            out.append(f"  {conflict.kind}: {conflict.description}")
        return "\n".join(out)

    _emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="States that belong to both organizations on a date, by status.")
@click.argument("first")
@click.argument("second")
@on_option
@click.option("--status", "statuses", type=STATUSES, multiple=True,
              help="Count states with this status in both (repeatable). Default: member.")
@click.option("--any-status", is_flag=True, help="Count every status (candidates, partners...).")
@format_option
@handled
def overlap(first: str, second: str, on: str | None, statuses: tuple[str, ...],
            any_status: bool, fmt: str) -> None:
    wanted = [status.value for status in Status] if any_status else list(statuses)
    result = _kb().overlap(first, second, on, wanted or None)
    a, b = result.orgs
    headers = ["state", "id", f"status in {a.id}", f"status in {b.id}", "certainty"]
    rows = [[r["state"]["name"], r["state"]["id"], r["status_a"], r["status_b"], r["certainty"]]
            for r in result.rows]

    def text() -> str:
        sure = sum(1 for r in result.rows if r["certainty"] == "certain")
        out = [f"{a.name} and {b.name} on {result.on}: {sure} states certainly in both "
               f"{'in any status' if any_status else 'as ' + ' or '.join(result.statuses)}, "
               f"{len(rows) - sure} uncertain"]
        return "\n".join(out + ["", table(headers, rows)]) if rows else out[0]

    _emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="The members' share of the world's population in a year (World Bank).")
@click.argument("org")
@click.option("--on", "on", metavar="YEAR|DATE",
              help="A year, or a day (members that day, population of its year). "
                   "Default: the latest year with figures.")
@click.option("--status", type=STATUSES, default="member", show_default=True)
@format_option
@handled
def share(org: str, on: str | None, status: str, fmt: str) -> None:
    result = _kb().share(org, on, status)
    headers = ["state", "iso3", "population", "year"]
    rows = [[m["state"]["name"], m["iso3"], m["population"], result.year] for m in result.members]

    def text() -> str:
        out = [f"{result.org.name} on {result.on}: {len(result.members)} "
               f"{status.replace('_', ' ')}s hold {100 * result.share:.1f}% of the world's "
               f"population in {result.year}",
               f"  {result.total:,} of {result.world:,} (World Bank SP.POP.TOTL, WLD)",
               f"  Counted: {result.rule}", "",
               table(headers, [[r[0], r[1], f"{r[2]:,}", r[3]] for r in rows])]
        if result.missing:
            out.append("No population figure for: "
                       + ", ".join(m["state"]["name"] for m in result.missing))
        if result.uncertain:
            out.append("Not counted, status uncertain on that date: "
                       + ", ".join(u["name"] for u in result.uncertain))
        return "\n".join(out)

    _emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="Find organizations, states and places by part of a name.")
@click.argument("text")
@click.option("--type", "entity_type", type=click.Choice(["organization", "state", "place"]))
@format_option
@handled
def find(text: str, entity_type: str | None, fmt: str) -> None:
    found = _kb().find(text, entity_type)
    headers = ["type", "id", "name", "matched"]
    rows = [[ref.type, ref.id, ref.name, matched] for ref, matched in found]
    data = {"query": text, "results": [{**ref.as_dict(), "matched": m} for ref, m in found]}
    _emit(fmt, data, headers, rows, lambda: table(headers, rows) if rows else "No match.")


@main.command(help="Serve the web site and JSON API (OpenAPI documentation at /docs).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@handled
def serve(host: str, port: int) -> None:
    import uvicorn

    from multilateral.web import WebSettings, create_app

    kb = _kb()
    kb.engine  # noqa: B018  (fail here, with advice, if the database is missing or empty)
    app = create_app(WebSettings(database=kb.url, warm_up=True))
    click.echo(f"Serving {kb.url} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.group(help="API tokens for writes (ingest, review, feature).")
def token() -> None:
    pass


@token.command("create", help="Make a token and print it once; only its hash is stored. "
                              "Readers may only read, editors also write (ingest, review, "
                              "feature), admins also manage tokens through the API.")
@click.option("--role", type=click.Choice(["reader", "editor", "admin"]), required=True)
@click.option("--name", help="Who or what the token is for.")
@handled
def token_create(role: str, name: str | None) -> None:
    made, secret = _kb().create_token(role, name)
    click.echo(secret)
    click.echo(f"Token {made.id} ({role}) created. It is shown only this once.", err=True)


@token.command("list", help="Tokens made so far (never their secrets).")
@format_option
@handled
def token_list(fmt: str) -> None:
    made = _kb().list_tokens()
    headers = ["id", "role", "name", "created_at", "last_used_at", "revoked_at"]
    rows = [[item[key] for key in headers] for item in made]
    _emit(fmt, {"tokens": made}, headers, rows,
          lambda: table(headers, rows) if rows else "No tokens.")


@token.command("revoke", help="Revoke a token by its id: it stops working at once.")
@click.argument("token_id", type=int)
@handled
def token_revoke(token_id: int) -> None:
    _kb().revoke_token(token_id)
    click.echo(f"Token {token_id} revoked.")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# The article commands live in their own module; importing it registers them on `main`.
from multilateral import cli_articles  # noqa: E402, F401
