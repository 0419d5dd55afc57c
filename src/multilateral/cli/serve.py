"""`multilateral serve`: the web site and JSON API over the same knowledge base."""

from __future__ import annotations

import os

import click

from multilateral.cli.base import current_kb, handled, main
from multilateral.settings import DATABASE, SECRET_KEY


@main.command(help="Serve the web site and JSON API (OpenAPI documentation at /docs).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Server processes (default: the machine's cores). They share the database, "
                   "its data version and the editors' sessions.")
@handled
def serve(host: str, port: int, workers: int | None) -> None:
    import uvicorn

    kb = current_kb()
    kb.serve_ready()  # fails here, with advice, if the database is missing or empty
    workers = workers or os.cpu_count() or 1
    # Each worker builds the app from the environment: the same database, and one CSRF key
    # for all (a form served by one worker is posted to another).
    os.environ[DATABASE.env] = kb.url
    import secrets
    os.environ.setdefault(SECRET_KEY.env, secrets.token_urlsafe(32))
    click.echo(f"Serving {kb.url} at http://{host}:{port}/ with {workers} worker"
               f"{'s' if workers > 1 else ''} (Ctrl-C stops)", err=True)
    # The app decides whom to believe about client addresses (the trusted-proxies setting);
    # uvicorn would otherwise take X-Forwarded-For from any local proxy.
    uvicorn.run("multilateral.web.app:serving_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning", proxy_headers=False)
