"""The rows a reference load writes, gathered in memory before one transaction stores them."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from multilateral.errors import DataFileError
from multilateral.model.dates import PartialDate
from multilateral.model.names import normalize

Row = dict[str, Any]
# Tables whose integer ids the bundle assigns (and the store offsets past rows it keeps).
SERIAL_TABLES = frozenset(
    {"names", "memberships", "chairmanships", "instruments", "events", "foundings"}
)


def data_dir() -> Path:
    """The folder of bundled reference data, inside the installed package."""
    return Path(str(resources.files("multilateral") / "data"))


def read_csv(relative: str) -> Iterator[Row]:
    """Rows of a bundled CSV; a missing or malformed file names itself."""
    path = data_dir() / relative
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            for line, row in enumerate(reader, start=2):
                if None in row:
                    raise DataFileError(
                        f"{path}, line {line}: more fields than the header names.")
                yield row
    except FileNotFoundError:
        raise DataFileError(
            f"Bundled data file {path} is missing: reinstall multilateral.") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"{path}: cannot read it as UTF-8 CSV ({exc}).") from None


def dated(prefix: str, value: PartialDate | None) -> Row:
    """The three columns the schema keeps for a partial date."""
    text, lo, hi = _columns(value) if value is not None else (None, None, None)
    return {prefix: text, f"{prefix}_lo": lo, f"{prefix}_hi": hi}


@lru_cache(maxsize=8192)
def _columns(value: PartialDate) -> tuple[str, dt.date, dt.date]:
    # COW's 18,688 spells start and end on a few hundred years: each is worked out once.
    return str(value), value.lo, value.hi


@dataclass
class Bundle:
    """Rows per table, fact ids assigned here so that sources can be linked before storing."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[str, Row] = field(default_factory=dict)
    links: list[Row] = field(default_factory=list)
    _next_id: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _names: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    _cited: set[tuple[str, int, str]] = field(default_factory=set)

    def add(self, table: str, row: Row) -> int:
        """Append a row; rows of fact tables get a local id (offset when stored)."""
        if table in SERIAL_TABLES and "id" not in row:
            self._next_id[table] += 1
            row = {"id": self._next_id[table], **row}
        self.rows[table].append(row)
        return int(row["id"]) if table in SERIAL_TABLES else 0

    def source(self, source_id: str, kind: str, title: str | None = None,
               citation: str | None = None, url: str | None = None,
               published: str | None = None) -> str:
        row = self.sources.setdefault(
            source_id, {"id": source_id, "kind": kind, "title": title, "citation": citation,
                        "url": url, "published": published})
        # The first row to give a page's date dates the page.
        row["published"] = row["published"] or published
        return source_id

    def url_source(self, url: str, published: str | None = None) -> str:
        return self.source(url, "url", url=url, published=published)

    def cite(self, fact_type: str, fact_id: int, *source_ids: str) -> None:
        for source_id in source_ids:
            # A fact refined twice (a COW spell split at two successions) cites once.
            if (fact_type, fact_id, source_id) not in self._cited:
                self._cited.add((fact_type, fact_id, source_id))
                self.links.append({"fact_type": fact_type, "fact_id": fact_id,
                                   "source_id": source_id})

    def name(self, entity_type: str, entity_id: str, name: str, kind: str, dataset: str,
             valid_from: PartialDate | None = None, valid_to: PartialDate | None = None) -> None:
        """Record a name once per entity and normalised form."""
        name = name.strip()
        norm = normalize(name)
        if not norm:
            return
        if norm in self._names[(entity_type, entity_id)]:
            # A dated former name says more than the same words as an undated alias.
            if valid_from or valid_to:
                for row in self.rows["names"]:
                    if (row["entity_id"], row["norm"]) == (entity_id, norm) \
                            and row["entity_type"] == entity_type:
                        row.update(kind=kind, **dated("valid_from", valid_from),
                                   **dated("valid_to", valid_to), dataset=dataset)
            return
        self._names[(entity_type, entity_id)].add(norm)
        self.add("names", {
            "entity_type": entity_type, "entity_id": entity_id, "name": name, "norm": norm,
            "kind": kind, **dated("valid_from", valid_from), **dated("valid_to", valid_to),
            "dataset": dataset,
        })

    def lookup(self, entity_type: str) -> dict[str, set[str]]:
        """Normalised name -> entity ids, for linking rows while loading."""
        index: dict[str, set[str]] = defaultdict(set)
        for (kind, entity_id), norms in self._names.items():
            if kind == entity_type:
                for norm in norms:
                    index[norm].add(entity_id)
        return index
