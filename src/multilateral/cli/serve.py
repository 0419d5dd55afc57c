"""`multilateral serve`: the web site and JSON API over the same knowledge base."""

from __future__ import annotations

import click

from multilateral.cli.base import current_kb, handled, main


@main.command(help="Serve the web site and JSON API (OpenAPI documentation at /docs).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@handled
def serve(host: str, port: int) -> None:
    import uvicorn

    from multilateral.web import WebSettings, create_app

    kb = current_kb()
    kb.engine  # noqa: B018  (fail here, with advice, if the database is missing or empty)
    app = create_app(WebSettings(database=kb.url, warm_up=True))
    click.echo(f"Serving {kb.url} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
