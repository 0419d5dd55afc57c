"""The copy lookup's cost per article as the store grows (store/copies.py).

A SQLite store made by the project's schema holds N stories' fingerprints (30 real gold
stories and N-30 random signatures standing for the rest); each of the 300 reprints of
the 30 stories is looked up (band-key hits, confirmed over the threshold) and so is each
of 300 texts found nowhere. The floor is the lookup's first step alone, the indexed
query for the exact text hash, timed in the same run at the same size. A flat ratio
means the lookup costs no more in a larger store than its band hits.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, insert, select

from common import save
from multilateral.model.facts import Document
from multilateral.model.shingles import PERMUTATIONS, Print, Signature
from multilateral.store import copies as store_copies
from multilateral.store import schema as s

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from copies_support import copies, stories  # noqa: E402

SIZES = (1_000, 10_000, 50_000)


def fill(url: str, size: int, rng: random.Random) -> None:
    engine = create_engine(url)
    s.metadata.create_all(engine)
    with engine.begin() as connection:
        for article_id, path in enumerate(stories(), start=1):
            document = Document(path.name, f"{article_id:064x}", path.read_text("utf-8"))
            store_copies.index(connection, article_id, Print.of(document.text))
        rows, bands = [], []
        for article_id in range(31, size + 1):
            signature = Signature(tuple(rng.getrandbits(32) for _ in range(PERMUTATIONS)))
            rows.append({"article_id": article_id, "text_hash": f"{article_id:064x}",
                         "signature": signature.to_bytes()})
            bands += [{"band_key": k, "article_id": article_id}
                      for k in sorted(set(signature.band_keys()))]
            if len(rows) == 5_000:
                connection.execute(insert(s.story_prints), rows)
                connection.execute(insert(s.story_bands), bands)
                rows, bands = [], []
        if rows:
            connection.execute(insert(s.story_prints), rows)
            connection.execute(insert(s.story_bands), bands)
    engine.dispose()


def measure(url: str, prints: list[tuple[Document, Print]]
            ) -> tuple[float, float, int]:
    engine = create_engine(url)
    found = 0
    with engine.connect() as connection:
        started = time.perf_counter()
        for document, fingerprint in prints:
            found += store_copies.original_of(connection, document, fingerprint) is not None
        lookup = (time.perf_counter() - started) / len(prints)
        started = time.perf_counter()
        for _, fingerprint in prints:
            connection.scalar(select(s.story_prints.c.article_id).where(
                s.story_prints.c.text_hash == fingerprint.text_hash).limit(1))
        floor = (time.perf_counter() - started) / len(prints)
    engine.dispose()
    return lookup, floor, found


def main() -> None:
    rng = random.Random(15)
    reprints = [Document(c.name, c.name, c.text) for c in copies()]
    unseen = [Document(f"u{i}", f"u{i}", " ".join(f"w{rng.getrandbits(40):x}"
                                                 for _ in range(250))) for i in range(300)]
    prints = [(d, Print.of(d.text)) for d in reprints + unseen]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            url = f"sqlite:///{folder}/store{size}.db"
            fill(url, size, rng)
            lookup, floor, found = measure(url, prints)
            results.append({"stories_in_store": size, "lookups": len(prints),
                            "copies_found": found, "lookup_ms": round(1000 * lookup, 3),
                            "floor_hash_query_ms": round(1000 * floor, 3),
                            "ratio": round(lookup / floor, 2)})
    save("copy_lookup", {"sizes": results})


if __name__ == "__main__":
    main()
