"""Question commands: each opens the knowledge base, asks it one question, prints the answer
as a table, JSON or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from multilateral.cli.base import (
    STATUSES,
    current_kb,
    echo_json,
    emit,
    format_option,
    handled,
    main,
    on_option,
)
from multilateral.cli.text import (
    ORG_CSV_HEADERS,
    clip,
    counts_text,
    org_rows,
    org_text,
    table,
)
from multilateral.model.status import Status
from multilateral.model.tables import history_table, members_table, memberships_table


@main.command(help="Create the database schema and load the bundled reference data.")
@click.option("--force", is_flag=True, help="Reload even if the data are current.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def init(force: bool, fmt: str) -> None:
    report = current_kb().init(force=force, on_wait=lambda msg: click.echo(msg, err=True))
    if fmt == "json":
        echo_json(report.as_dict())
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
    result = current_kb().members(org, on, status)
    headers, rows = (shown := members_table(result)).headers, shown.rows

    def text() -> str:
        out = [f"{result.org.name} ({result.org.id}) on {result.on}: "
               f"{counts_text(result.counts, 'no one')}"]
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

    emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="What STATE (or an organization) belongs to on a date, and how.")
@click.argument("state")
@on_option
@format_option
@handled
def memberships(state: str, on: str | None, fmt: str) -> None:
    result = current_kb().memberships(state, on)
    headers, rows = (shown := memberships_table(result)).headers, shown.rows

    def text() -> str:
        out = [f"{result.state.name} ({result.state.id}) on {result.on}: "
               f"{len(result.certain)} organizations, {len(result.uncertain)} uncertain"]
        return "\n".join(out + ["", table(headers[:6], [r[:6] for r in rows])]) if rows else out[0]

    emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="Every change of status in ORG, in date order, with sources.")
@click.argument("org")
@click.option("--state", help="Only this member: a state, or an organization (the SCO at "
                               "the UN General Assembly).")
@format_option
@handled
def history(org: str, state: str | None, fmt: str) -> None:
    result = current_kb().history(org, state)
    headers, rows = (shown := history_table(result)).headers, shown.rows

    def text() -> str:
        title = f"{result.org.name} ({result.org.id})"
        if result.state:
            title += f": {result.state.name}"
        out = [f"History of {title}, {len(rows)} changes", ""]
        out.append(table(headers[:6], [[*row[:5], clip(str(row[5]))] for row in rows]))
        return "\n".join(out + [f"Note: {note}" for note in result.notes])

    emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="An organization: names, founding, parent and bodies, counts, chair, "
                   "instruments, events, conflicts.")
@click.argument("org")
@click.option("--on", "on", metavar="DATE", help="Also count members on this date.")
@format_option
@handled
def org(org: str, on: str | None, fmt: str) -> None:
    profile = current_kb().org(org, on)
    emit(fmt, profile.as_dict(), ORG_CSV_HEADERS, org_rows(profile), lambda: org_text(profile))


@main.command(help="Where the sources disagree (COW, the hand tables, the SCO seed, the 2020 "
                   "CIA Factbook), for ORG or for every organization, counted by kind.")
@click.argument("org", required=False)
@format_option
@handled
def conflicts(org: str | None, fmt: str) -> None:
    result = current_kb().conflicts(org)
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

    emit(fmt, result.as_dict(), headers, rows, text)


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
    result = current_kb().overlap(first, second, on, wanted or None)
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

    emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="The members' share of the world's population in a year (World Bank).")
@click.argument("org")
@click.option("--on", "on", metavar="YEAR|DATE",
              help="A year, or a day (members that day, population of its year). "
                   "Default: the latest year with figures.")
@click.option("--status", type=STATUSES, default="member", show_default=True)
@format_option
@handled
def share(org: str, on: str | None, status: str, fmt: str) -> None:
    result = current_kb().share(org, on, status)
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

    emit(fmt, result.as_dict(), headers, rows, text)


@main.command(help="Find organizations, states and places by part of a name.")
@click.argument("text")
@click.option("--type", "entity_type", type=click.Choice(["organization", "state", "place"]))
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="At most this many matches.")
@format_option
@handled
def find(text: str, entity_type: str | None, limit: int, fmt: str) -> None:
    found = current_kb().find(text, entity_type, limit + 1)
    more = len(found) > limit
    found = found[:limit]
    headers = ["type", "id", "name", "matched"]
    rows = [[ref.type, ref.id, ref.name, matched] for ref, matched in found]
    data = {"query": text, "results": [{**ref.as_dict(), "matched": m} for ref, m in found],
            "more": more}

    def text_out() -> str:
        if not rows:
            return "No match."
        cut = (f"\nThe first {limit} matches; there are more: give a longer text or a larger "
               "--limit.") if more else ""
        return table(headers, rows) + cut

    emit(fmt, data, headers, rows, text_out)


@main.command(help="Write the knowledge base as CSV (and Parquet where pyarrow is installed): "
                   "every spell with its sources, and the Correlates of War IGO state-year "
                   "layout extended to the latest full year, each with a README.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--last-year", type=click.IntRange(1816, 2100), default=None,
              help="The last year of the state-year table (default: last year).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handled
def export(directory: Path, last_year: int | None, fmt: str) -> None:
    report = current_kb().export(directory, last_year)
    if fmt == "json":
        echo_json(report.as_dict())
        return
    click.echo(table(["file", "rows"], [[name, f"{rows:,}"] for name, rows in
                                        report.files.items()]))
    click.echo(f"Written to {report.directory} (README.md there says what each file holds).")
