"""`ingest` from one WARC archive against the same pages as HTML files, in one process.

The floor is ingesting the pages as separate files (one file read, one transaction and
one ledger row each). The archive without capture dates (`archive_undated`) reads the
same pages: its ratio is what scanning records by header, seeking back to each response
and the ledger lookups by chunk cost. The archive with capture dates (`archive`) also
dates the undated pages by the capture day, so relative dates resolve and more facts get
dated: more reading work, not the archive's. Also timed: a restart of the finished
archive (every record passed over by the ledger), as a share of the first run. Each run
starts from a copy of one initialised SQLite file; rounds alternate the three.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from common import save  # noqa: E402
from multilateral.ingest import warc  # noqa: E402
from multilateral.kb import KnowledgeBase  # noqa: E402
from warc_support import crawl, write_warc  # noqa: E402

PAGES = 120
ROUNDS = 3


def timed(db: Path, paths: list[str]) -> tuple[float, int]:
    kb = KnowledgeBase(str(db))
    kb.extractor()  # the gazetteer is built once per job, outside the timing
    start = time.perf_counter()
    report = kb.ingest(paths)
    elapsed = time.perf_counter() - start
    kb.close()
    return elapsed, report.stored


def reading(path: Path) -> float:
    """Scanning the archive's records and reading each response's payload, alone: the
    WARC layer's own cost inside an ingest."""
    start = time.perf_counter()
    for entry in warc.scan(path):
        if isinstance(entry, warc.Header):
            warc.read(path, entry.offset)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        template = root / "template.db"
        kb = KnowledgeBase(str(template))
        kb.init()
        kb.close()
        records = crawl(PAGES)
        warc = root / "crawl.warc.gz"
        write_warc(warc, records)
        undated = root / "undated.warc.gz"
        write_warc(undated, [replace(r, date="") for r in records])
        size = warc.stat().st_size
        pages = root / "pages"
        pages.mkdir()
        for n, record in enumerate(r for r in records if r.type == "response"):
            (pages / f"{n:04d}.html").write_bytes(record.body)
        runs: dict[str, list[float]] = {"files": [], "archive_undated": [], "archive": [],
                                        "restart": []}
        given = {"files": pages, "archive_undated": undated, "archive": warc}
        for round_ in range(ROUNDS):
            for kind, path in given.items():
                db = root / f"{kind}{round_}.db"
                shutil.copyfile(template, db)
                elapsed, stored = timed(db, [str(path)])
                assert stored == PAGES, (kind, stored)
                runs[kind].append(elapsed)
                if kind == "archive":
                    runs["restart"].append(timed(db, [str(path)])[0])
        reading_s = statistics.median(reading(warc) for _ in range(ROUNDS))
    files_s, archive_s, undated_s, restart_s = (
        statistics.median(runs[k]) for k in ("files", "archive", "archive_undated", "restart"))
    save("warc_ingest", {
        "pages": PAGES, "records": len(records), "warc_bytes": size,
        "files_pages_per_s": round(PAGES / files_s, 1),
        "archive_undated_pages_per_s": round(PAGES / undated_s, 1),
        "archive_undated_vs_files": round(files_s / undated_s, 3),
        "archive_pages_per_s": round(PAGES / archive_s, 1),
        "archive_vs_files": round(files_s / archive_s, 3),
        "reading_s": round(reading_s, 3),
        "reading_share_of_ingest": round(reading_s / archive_s, 4),
        "restart_s": round(restart_s, 3),
        "restart_share_of_first_run": round(restart_s / archive_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    })


if __name__ == "__main__":
    main()
