"""The web site and JSON API over the library: `create_app(settings)` builds the application."""

from multilateral.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
