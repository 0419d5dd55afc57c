"""`multilateral token`: API tokens for writes, made, listed and revoked."""

from __future__ import annotations

import click

from multilateral.cli.base import current_kb, emit, format_option, handled, main
from multilateral.cli.text import table


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
    made, secret = current_kb().create_token(role, name)
    click.echo(secret)
    click.echo(f"Token {made.id} ({role}) created. It is shown only this once.", err=True)


@token.command("list", help="Tokens made so far (never their secrets).")
@format_option
@handled
def token_list(fmt: str) -> None:
    made = current_kb().list_tokens()
    headers = ["id", "role", "name", "created_at", "last_used_at", "revoked_at"]
    rows = [[item[key] for key in headers] for item in made]
    emit(fmt, {"tokens": made}, headers, rows,
          lambda: table(headers, rows) if rows else "No tokens.")


@token.command("revoke", help="Revoke a token by its id: it stops working at once.")
@click.argument("token_id", type=int)
@handled
def token_revoke(token_id: int) -> None:
    current_kb().revoke_token(token_id)
    click.echo(f"Token {token_id} revoked.")
