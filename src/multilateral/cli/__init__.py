"""The command line. `main` is the `multilateral` group; importing the command modules
attaches their commands to it. Each command opens the knowledge base, calls one method and
prints the answer."""

from multilateral.cli import articles, changes, questions, serve, tokens  # noqa: F401  (register)
from multilateral.cli.base import main

__all__ = ["main"]
