"""Seconds to read one-line pages of 0.1, 0.3 and 1 MB: reading must grow linearly with the
text. The floor is the same page's bytes decoded and split into sentences alone (what any
reader pays to look at every character), measured in the same run."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import save
from multilateral.ingest.pipeline import extract_bytes
from multilateral.ingest.reading import Raw, decode
from multilateral.ingest.sentences import split_sentences
from multilateral.kb import KnowledgeBase

CLAUSE = ("India and Pakistan joined the Shanghai Cooperation Organisation as members in 2017, "
          "and Iran, Belarus and Mongolia were observers of the SCO while NATO and the EU met; ")
SIZES = (100_000, 300_000, 1_000_000)


def page(size: int) -> bytes:
    return ("SCO news\n\nPublished 1 June 2019\n\n" + (CLAUSE * (size // len(CLAUSE) + 1))[:size]
            ).encode()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(str(Path(tmp) / "kb.db"))
        kb.init()
        extractor = kb.extractor()
        rows = []
        for size in SIZES:
            data = page(size)
            started = time.perf_counter()
            split_sentences(decode(Raw("p.txt", data)).text)
            floor = time.perf_counter() - started
            started = time.perf_counter()
            extract_bytes("p.txt", data, extractor)
            seconds = time.perf_counter() - started
            rows.append({"bytes": size, "seconds": round(seconds, 2),
                         "floor_seconds": round(floor, 3), "ratio": round(seconds / floor, 1),
                         "seconds_per_mb": round(seconds / size * 1e6, 2)})
            print(f"{size:>9,} bytes: {seconds:6.2f} s (floor {floor:.3f} s, "
                  f"{seconds / floor:.0f}x), {seconds / size * 1e6:.2f} s/MB")
        kb.close()
    growth = rows[-1]["seconds_per_mb"] / rows[0]["seconds_per_mb"]
    print(f"seconds per MB at 1 MB / at 0.1 MB: {growth:.2f} (1.0 is linear)")
    save("long_page", {"rows": rows, "growth": round(growth, 2)})


if __name__ == "__main__":
    main()
