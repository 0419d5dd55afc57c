"""State lines: which states a succession continues as one member (the USSR and Russia),
read from the succession table (reference/successions.py, kept by the load in `meta`)."""

from __future__ import annotations

from typing import Any


def lineages(rows: list[dict[str, Any]]) -> dict[str, str]:
    """State id -> the id of the line it belongs to, for states that one succession
    continues: the USSR and Russia are one member, West Germany and Germany, Serbia and
    Montenegro and Serbia (the last successor names the line). Merged, absorbed and
    dissolved states begin or end a membership: no line."""
    parent = {row["predecessor"]: row["successor"] for row in rows
              if row["kind"] == "continued"}
    line = {}
    for state in parent:
        last = state
        while last in parent:
            last = parent[last]
        line[state] = last
        line[last] = last
    return line
