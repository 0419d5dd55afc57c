"""World Bank total population (SP.POP.TOTL), 1960-2024, with the world row WLD."""

from __future__ import annotations

from multilateral.errors import DataFileError
from multilateral.reference.bundle import Bundle, read_csv

DATASET = "wb-population"
WORLD = "WLD"


def load_population(bundle: Bundle) -> None:
    bundle.source(DATASET, "dataset", "World Bank, Population, total (SP.POP.TOTL), 1960-2024",
                  "World Bank, World Development Indicators, SP.POP.TOTL (CC BY 4.0), "
                  "via datasets/population commit 425fc44 (ODC-PDDL-1.0).",
                  "https://data.worldbank.org/indicator/SP.POP.TOTL")
    for row in read_csv("wb-population/population.csv"):
        try:
            year, value = int(row["Year"]), int(float(row["Value"]))
        except ValueError:
            raise DataFileError(f"wb-population/population.csv: bad row {row}") from None
        bundle.add("population", {"code": row["Country Code"], "year": year, "value": value,
                                  "dataset": DATASET})
