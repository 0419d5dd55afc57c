"""A population share an article states, against the World Bank's figures for the members
of that year, with the tolerance its wording allows ("over 40%", "about 42%", "42%")."""

from __future__ import annotations

from typing import Any

from multilateral.model.results import Share

# "about 42%" may be off by this many percentage points; "42%" by half a point.
ABOUT_TOLERANCE = 2.0
EXACT_TOLERANCE = 0.5


def judge_share(share: Share, stated: float, qualifier: str | None
                ) -> tuple[bool, str, dict[str, Any]]:
    """Whether the stated share holds, why, and the figures behind it."""
    percent = 100 * share.share
    ok, tolerance = _within(percent, stated, qualifier)
    figure = {"percent": round(percent, 1), "year": share.year, "members": len(share.members),
              "population": share.total, "world": share.world, "tolerance": tolerance,
              "source": "World Bank SP.POP.TOTL"}
    text = (f"The {len(share.members)} members held {percent:.1f}% of the world's "
            f"population in {share.year} ({share.total:,} of {share.world:,}, World Bank)")
    if ok:
        return True, f"{text}; {tolerance}.", figure
    return False, (f"{text}, not {qualifier + ' ' if qualifier else ''}{stated:g}% "
                   f"({tolerance})."), figure


def _within(actual: float, stated: float, qualifier: str | None) -> tuple[bool, str]:
    if qualifier in ("over", "more than", "above", "at least"):
        return actual >= stated, f"'{qualifier} {stated:g}%' needs at least {stated:g}%"
    if qualifier in ("less than", "under"):
        return actual < stated, f"'{qualifier} {stated:g}%' needs under {stated:g}%"
    if qualifier in ("nearly", "almost", "close to"):
        return stated - 2 * ABOUT_TOLERANCE <= actual <= stated, \
            f"'{qualifier} {stated:g}%' allows {stated - 2 * ABOUT_TOLERANCE:g}–{stated:g}%"
    if qualifier:
        return abs(actual - stated) <= ABOUT_TOLERANCE, \
            f"'{qualifier} {stated:g}%' allows ±{ABOUT_TOLERANCE:g} points"
    return abs(actual - stated) <= EXACT_TOLERANCE, \
        f"'{stated:g}%' allows ±{EXACT_TOLERANCE:g} points"
