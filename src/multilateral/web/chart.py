"""The membership timeline as SVG, drawn on the server: one row per member (or per
organization, for a state), one bar per source's claim, coloured by status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

from multilateral.model.status import label as status_label

COLOURS = {"member": "#1f5f99", "associate": "#6a8fc4", "observer": "#e08a1e",
           "dialogue_partner": "#3c9a5f", "partner": "#8a5fb0", "candidate": "#b0b0b0",
           "suspended": "#b23a3a"}
LABEL_W, ROW_H, TOP, WIDTH = 190, 18, 26, 960


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    span = max((last - first).days, 1)
    return LABEL_W + (WIDTH - LABEL_W - 10) * (day - first).days / span


def _tick_years(first: int, last: int) -> range:
    years = max(last - first, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 12)
    return range((first + step - 1) // step * step, last + 1, step)


def timeline_svg(data: dict[str, Any], on: str | None = None, link: str = "") -> Markup:
    """`data` is `Timeline.as_dict()`; `on` marks the "as of" day; `link` prefixes each
    row label's link (`/state/` or `/org/`)."""
    first = dt.date.fromisoformat(data["first_day"])
    last = dt.date.fromisoformat(data["last_day"])
    rows = data["rows"]
    height = TOP + ROW_H * max(len(rows), 1) + 8
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
           f'viewBox="0 0 {WIDTH} {height}" width="100%" '
           f'aria-label="Membership timeline of {escape(data["subject"]["name"])}">']
    for year in _tick_years(first.year, last.year):
        x = _x(dt.date(year, 1, 1), first, last)
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 8}" '
                   'class="tick"/>'
                   f'<text x="{x:.1f}" y="{TOP - 10}" class="year">{year}</text>')
    for i, row in enumerate(rows):
        y = TOP + i * ROW_H
        label = escape(row["name"])
        out.append(f'<a href="{escape(link + row["id"])}"><text x="{LABEL_W - 6}" '
                   f'y="{y + ROW_H - 5}" class="label">{label}</text></a>')
        datasets = list(dict.fromkeys(bar["dataset"] for bar in row["bars"]))
        lane_h = (ROW_H - 4) / len(datasets)
        for bar in row["bars"]:
            x0 = _x(dt.date.fromisoformat(bar["first_day"]), first, last)
            x1 = _x(dt.date.fromisoformat(bar["last_day"]), first, last)
            lane = datasets.index(bar["dataset"])
            status = bar["status"]
            until = bar["end"] or ("open" if bar["open_end"] else "?")
            tip = f'{row["name"]}: {status_label(status)} {bar["start"]} to {until} ' \
                  f'({bar["dataset"]})'
            out.append(f'<rect x="{x0:.1f}" y="{y + 2 + lane * lane_h:.1f}" '
                       f'width="{max(x1 - x0, 2):.1f}" height="{lane_h - 1:.1f}" '
                       f'fill="{COLOURS.get(status, "#777")}" class="bar {escape(status)}">'
                       f'<title>{escape(tip)}</title></rect>')
    if on:
        day = dt.date.fromisoformat(on) if len(on) == 10 else None
        if day and first <= day <= last:
            x = _x(day, first, last)
            out.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 8}" '
                       f'class="on"><title>as of {escape(on)}</title></line>')
    out.append("</svg>")
    return Markup("".join(out))


def legend() -> Markup:
    # Classes, not inline styles: the pages' Content-Security-Policy allows no inline style.
    items = "".join(f'<span class="key"><i class="swatch {status}"></i>'
                    f'{status_label(status)}</span>' for status in COLOURS)
    return Markup(f'<p class="legend">{items}</p>')
