"""`multilateral ingest` of one WARC archive in one process against `--workers 2` on Ray.

Builds a .warc.gz of --records pages at run time (the own-words gold articles, each page
numbered so no two share their content: see tests/warc_support.py), then times, in the same
run and each on a fresh copy of one loaded store:

- `single`: `multilateral ingest WARC`, the floor;
- `workers`: `ingest --workers 2`, a local Ray started for the job and shut down after;
- `cluster`: `ingest --cluster ADDRESS` against a Ray already up (`ray start --head`), as a
  real cluster is before a job (skipped with --no-cluster).

Each run's store must equal the single process's (articles with ids and sources, tags,
candidates with their facts, the ledger): the script fails if not. With --repeat N the
runs take turns N times and each time is the median (this machine's times vary by 10%
from one run to the next). Peak memory is sampled every 0.25 s over the job's processes
(the driver and, for Ray, every process of the session) and reported by quarter of the
run: flat means the last quarters hold no more than the first. The CPU seconds of those
processes over the job are summed by group (the driver, the readers, Ray's own): on two
cores a job can take no less than its CPU over two. Where the time goes besides: Ray's
start, the writer alone (storing the Documents a first pass read), and pickling the
outcomes, measured in this process.

    .venv/bin/python bench/warc_workers.py --repeat 3      # 300 pages
    .venv/bin/python bench/warc_workers.py --records 2000 --no-workers
    .venv/bin/python bench/warc_workers.py --records 10000 --floor-records 1000 --no-cluster
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from common import save  # noqa: E402
from multilateral.ingest import sources  # noqa: E402
from multilateral.ingest.sources import WorkItem  # noqa: E402
from multilateral.kb import KnowledgeBase  # noqa: E402
from store_dump import dump  # noqa: E402
from warc_support import crawl, write_warc  # noqa: E402

CLI = [str(ROOT / ".venv" / "bin" / "multilateral")]
RAY = str(ROOT / ".venv" / "bin" / "ray")
PORT = 6391
# Ray's token authentication, on for `ray start` by default: a driver that connects to the
# cluster says so (the token itself is the one `ray start` keeps in ~/.ray/auth_token).
_RAY_ENV = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "token"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=300, help="pages in the archive")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-cluster", action="store_true",
                        help="leave out the run against an already started Ray")
    parser.add_argument("--no-workers", action="store_true",
                        help="leave out the run with a local Ray started for the job")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run each N times, taking turns; report the medians")
    parser.add_argument("--floor-records", type=int, default=None, metavar="N",
                        help="time the single process on the first N pages alone (its rate "
                             "is the floor; the stores are then not compared)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warc-workers-") as folder:
        work = Path(folder)
        archive = work / "crawl.warc.gz"
        write_warc(archive, crawl(args.records))
        base = work / "base.db"
        KnowledgeBase(str(base)).init()
        result: dict[str, Any] = {"records": args.records, "workers": args.workers,
                                  "cores": os.cpu_count(),
                                  "archive_mb": round(archive.stat().st_size / 1e6, 2)}
        floor = archive
        if args.floor_records:
            floor = work / "floor.warc.gz"
            write_warc(floor, crawl(args.floor_records))
        counts = {"single": args.floor_records or args.records}
        runs: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        address = None if args.no_cluster else _ray_start(work, args.workers)
        try:
            for _ in range(args.repeat):
                runs.setdefault("single", []).append(_timed(work, base, floor, "single", []))
                if not args.no_workers:
                    runs.setdefault("workers", []).append(_timed(
                        work, base, archive, "workers", ["--workers", str(args.workers)]))
                if address:
                    runs.setdefault("cluster", []).append(_timed(
                        work, base, archive, "cluster",
                        ["--cluster", address, "--workers", str(args.workers)]))
        finally:
            if address:
                subprocess.run([RAY, "stop"], capture_output=True, check=False, env=_RAY_ENV)
        stores = {name: made[0][1] for name, made in runs.items()}
        for name, made in runs.items():
            result[name] = _median(made)
        rate = counts["single"] / result["single"]["seconds"]  # pages a second, the floor
        result["single"]["records"] = counts["single"]
        for name in stores:
            if name != "single":
                result[name]["speed_up"] = round(
                    args.records / result[name]["seconds"] / rate, 2)
                result[name]["same_store"] = (stores[name] == stores["single"]
                                              if not args.floor_records else None)
        result["per_core_records_per_s"] = {
            "single": round(rate, 1),
            **{name: round(args.records / result[name]["seconds"] / args.workers, 1)
               for name in stores if name != "single"}}
        result["breakdown"] = _breakdown(work, base, floor)
        save(f"warc_workers_{args.records}", result)
        assert all(result[n]["same_store"] is not False for n in stores if n != "single"), \
            "a Ray run's store differs from the single process's"


def _median(runs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """The median run's figures, with every run's seconds; all runs made one store."""
    stores = [store for _, store in runs]
    if any(store != stores[0] for store in stores):
        raise SystemExit("two runs of one kind made different stores")
    ordered = sorted((figures for figures, _ in runs), key=lambda f: f["seconds"])
    middle = dict(ordered[len(ordered) // 2])
    if len(runs) > 1:
        middle["all_seconds"] = [f["seconds"] for f, _ in runs]
        middle["seconds"] = round(statistics.median(middle["all_seconds"]), 2)
    return middle


def _timed(work: Path, base: Path, archive: Path, name: str, options: list[str]
           ) -> tuple[dict[str, Any], dict[str, Any]]:
    db = work / f"{name}.db"
    shutil.copyfile(base, db)
    command = [*CLI, "--db", str(db), "ingest", "--format", "json", *options, str(archive)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=_RAY_ENV)
    sampler = _Sampler(process.pid, ray=name != "single")
    sampler.start()
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # the driver's own CPU, to its exit
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"{name} failed ({process.returncode}): {err.decode()[-2000:]}")
    cpu = {"driver": round(usage.ru_utime + usage.ru_stime, 2), **sampler.cpu()}
    cpu["all"] = round(sum(cpu.values()), 2)
    return {"seconds": round(seconds, 2), "cpu_s": cpu, **sampler.summary()}, dump(str(db))


def _ray_start(work: Path, workers: int) -> str:
    subprocess.run([RAY, "start", "--head", f"--port={PORT}", f"--num-cpus={workers}",
                    "--include-dashboard=false", "--disable-usage-stats",
                    f"--temp-dir={work / 'ray'}"], check=True, capture_output=True,
                   env=_RAY_ENV)
    return f"127.0.0.1:{PORT}"


class _Sampler:
    """Resident memory of the job every 0.25 s: the driver's process tree, and for a Ray
    job every Ray process too (its workers are not the driver's children)."""

    def __init__(self, pid: int, ray: bool) -> None:
        self.pid = pid
        self.ray = ray
        self.samples: list[float] = []
        # CPU seconds of each process seen (user and system): the first reading of a
        # process already running when the job started, and the last
        self.first: dict[int, float] = {}
        self.last: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        self._cpu(first=True)
        while not self._stop.wait(0.25):
            self.samples.append(sum(_rss(pid) for pid in self._pids()) / 2**20)
            self._cpu(first=False)

    def _cpu(self, first: bool) -> None:
        ticks = os.sysconf("SC_CLK_TCK")
        for pid in self._pids() - {self.pid}:  # the driver's own is its rusage
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            seconds = (int(fields[11]) + int(fields[12])) / ticks
            if first:
                self.first[pid] = seconds
            group = "readers" if b"ray::_Reader" in cmd else "ray" if self.ray else "other"
            if self.last.get(pid, ("", 0.0))[0] == "readers":
                group = "readers"  # a reader's worker is named for what it runs, or idle
            self.last[pid] = (group, seconds)

    def cpu(self) -> dict[str, float]:
        """CPU seconds over the job by group (sampled: a process's last 0.25 s is missed)."""
        groups: dict[str, float] = {}
        for pid, (group, seconds) in self.last.items():
            groups[group] = groups.get(group, 0.0) + seconds - self.first.get(pid, 0.0)
        return {group: round(seconds, 2) for group, seconds in sorted(groups.items())}

    def _pids(self) -> set[int]:
        found = {self.pid}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent in found or (self.ray and (b"ray::" in cmd or b"raylet" in cmd
                                                 or b"gcs_server" in cmd
                                                 or b"site-packages/ray/" in cmd)):
                found.add(int(entry.name))
        return found

    def summary(self) -> dict[str, Any]:
        if not self.samples:
            return {}
        quarter = max(1, len(self.samples) // 4)
        quarters = [max(self.samples[i:i + quarter]) for i in
                    range(0, len(self.samples), quarter)][:4]
        return {"peak_rss_mb": round(max(self.samples)), "peak_by_quarter_mb":
                [round(q) for q in quarters]}


def _rss(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _breakdown(work: Path, base: Path, archive: Path) -> dict[str, float]:
    """Where a Ray job's time goes besides reading, measured in this process."""
    import ray

    db = work / "breakdown.db"
    shutil.copyfile(base, db)
    kb = KnowledgeBase(str(db))
    extractor = kb.extractor()
    items = [i for i in sources.items([str(archive)]) if isinstance(i, WorkItem)]
    started = time.perf_counter()
    outcomes = [sources.read(item, extractor) for item in items]
    reading = time.perf_counter() - started
    started = time.perf_counter()
    shipped = [pickle.loads(pickle.dumps(o, pickle.HIGHEST_PROTOCOL)) for o in outcomes]
    pickling = time.perf_counter() - started
    writing = _write(kb, items, shipped)
    kb.close()
    writing_pg = _write_pg(items, shipped)
    started = time.perf_counter()
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level="ERROR")
    ray_start = time.perf_counter() - started
    started = time.perf_counter()
    ray.shutdown()
    ray_stop = time.perf_counter() - started
    return {"records_read": len(items), "read_one_process_s": round(reading, 2),
            "pickle_round_trip_s": round(pickling, 2), "writer_alone_sqlite_s": round(writing, 2),
            "writer_alone_postgresql_fsync_off_s": writing_pg, "ray_init_s": round(ray_start, 2),
            "ray_shutdown_s": round(ray_stop, 2)}


def _write(kb: KnowledgeBase, items: list[WorkItem], outcomes: list[Any]) -> float:
    from multilateral.kb import ingesting
    started = time.perf_counter()
    for item, outcome in zip(items, outcomes, strict=True):
        ingesting.settle(kb.db, item, outcome)
    return time.perf_counter() - started


def _write_pg(items: list[WorkItem], outcomes: list[Any]) -> float | None:
    """The writer alone on the tests' throw-away PostgreSQL (fsync off: a lower bound)."""
    from pg_support import create_database, pg_bindir, running_server
    bindir = pg_bindir()
    if bindir is None:
        return None
    with running_server(bindir, "warc-workers-pg-") as server:
        kb = KnowledgeBase(create_database(server, "bench"))
        kb.init()
        seconds = _write(kb, items, outcomes)
        kb.close()
    return round(seconds, 2)


if __name__ == "__main__":
    main()
