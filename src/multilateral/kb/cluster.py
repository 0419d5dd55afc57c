"""The ingest job on Ray: items read in parallel by a pool of readers, stored by one writer.

    kb.ingest(["crawl/"], cluster=Cluster(workers=4))  # ArticleDesk.ingest runs `run`

1. the driver lists the work items (`ingest.sources`: files, WARC records by offset) and
   passes over those the ledger has done, as a single process does (`kb.ingesting`)
2. Ray Data hands the items left, in batches, to a pool of `workers` reader actors; each
   builds the gazetteer once, from the names the driver read from the store and passed in,
   and reads its batches with `sources.read` (`_Reader`)
3. the driver is the one writer: it keeps each outcome, in the items' order
   (`preserve_order`), with `ingesting.settle`, the single process's own step (one
   transaction an article, its ledger row in it), so that the store is the one a single
   process makes: the same articles with the same ids, the same candidates.

Workers never touch the store, so on a cluster only the driver needs to reach it (a
PostgreSQL URL); the items' files must be readable at the same paths on every node.
Ray is an optional extra, imported only here and only when a job runs.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from multilateral.errors import MultilateralError
from multilateral.ingest import gazetteer, reading, sources
from multilateral.ingest.pipeline import Extractor, extract_bytes
from multilateral.ingest.reading import UnreadableArticle
from multilateral.ingest.sources import WorkItem
from multilateral.kb import ingesting
from multilateral.kb.database import Database
from multilateral.kb.outcomes import IngestItem, IngestReport
from multilateral.model.names import KnownNames

INSTALL = "pip install 'multilateral[scale]'"
# Items per batch handed to a reader: small enough that two workers share 300 pages evenly
# and the writer starts early, large enough that a batch's overhead (a few ms) is noise.
BATCH_SIZE = 8


class RayMissing(MultilateralError):
    exit_code = 2
    code = "ray_missing"

    def __init__(self) -> None:
        super().__init__("--workers and --cluster run the job on Ray, which is not installed. "
                         f"Install it with `{INSTALL}`, or leave the options out to read in "
                         "one process.")


class ClusterUnreachable(MultilateralError):
    exit_code = 2
    code = "cluster_unreachable"

    def __init__(self, address: str, problem: str) -> None:
        super().__init__(f"No Ray cluster answers at {address} ({problem}). Start one with "
                         "`ray start --head` and give the address it prints; if the cluster "
                         "authenticates by token (Ray's default), set RAY_AUTH_MODE=token "
                         "and the cluster's token (RAY_AUTH_TOKEN, as `ray get-auth-token` "
                         "prints it on the head). Or leave --cluster out to start a local "
                         "Ray for the job.")


@dataclass(frozen=True)
class Cluster:
    """Where the job runs: `workers` readers on a local Ray started for the job, or on the
    Ray cluster at `address` (`ray start --head` prints it); None: one a CPU there."""

    workers: int | None = None
    address: str | None = None
    batch_size: int = BATCH_SIZE


def run(db: Database, known: KnownNames, paths: list[str], cluster: Cluster, *,
        force: bool = False, on_item: Callable[[IngestItem], None] | None = None,
        on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """`ingesting.run` with the reading done on Ray by readers that look for `known`."""
    ray = _import_ray()
    listed, done = _listing(db, paths)
    unread = [item for item in listed if isinstance(item, WorkItem) and item.key not in done]
    options = {"known": known, "require_subject": not force, "max_bytes": reading.MAX_BYTES}
    report = IngestReport()
    started = _connect(ray, cluster) if unread else False
    console = _quiet_console()
    outcomes = _read(ray, unread, options, cluster)
    try:
        for entry in listed:  # the outcomes come in the order of the unread items
            ingesting.keep(report, ingesting.step(db, entry, done, report,
                                                  lambda _: next(outcomes)),
                           on_item, on_progress)
    finally:
        outcomes.close()  # ends Ray Data's run while Ray is still up
        for handler, level in console:
            handler.setLevel(level)
        if started:
            ray.shutdown()
    return report


def _listing(db: Database, paths: list[str]
             ) -> tuple[list[sources.Listed], dict[str, int | None]]:
    """Every item under `paths` and what the ledger has done of them, asked as a single
    process asks (a chunk of keys a query). The driver holds the list (paths and offsets,
    a few hundred bytes an item, never a page), which Ray Data needs whole: a crawl of
    many millions of records is given to several jobs, a part each."""
    listed: list[sources.Listed] = []
    done: dict[str, int | None] = {}
    for chunk in ingesting.chunks(sources.items(paths)):
        listed.extend(chunk)
        done.update(ingesting.finished(db, chunk))
    if not listed:
        raise sources.nothing_found(paths)
    return listed, done


# -- the readers -----------------------------------------------------------------------------


def _rows(unread: list[WorkItem]) -> list[dict[str, Any]]:
    """One row per item to read, of plain columns (no None: Arrow would make a float column
    of it). Standard input is read here, by the driver: a worker has none."""
    return [{"path": item.path, "offset": -1 if item.offset is None else item.offset,
             "stamp": item.stamp, "data": reading.load("-").data if item.path == "-" else b""}
            for item in unread]


class _Reader:
    """One worker of the pool: the gazetteer is built once, then batch after batch is read.
    An outcome travels back pickled: a Document holds nested facts that Arrow would
    flatten, and a failure or a skip is an outcome too (the batch goes on past it)."""

    def __init__(self, known: KnownNames, require_subject: bool, max_bytes: int) -> None:
        self.extractor = Extractor(gazetteer.build(known), max_bytes=max_bytes,
                                   require_subject=require_subject)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        outcomes = []
        for path, offset, stamp, data in zip(batch["path"], batch["offset"], batch["stamp"],
                                             batch["data"], strict=True):
            item = WorkItem(str(path), None if offset < 0 else int(offset), str(stamp))
            outcomes.append(pickle.dumps(self.read(item, bytes(data)), pickle.HIGHEST_PROTOCOL))
        return {"outcome": outcomes}

    def read(self, item: WorkItem, data: bytes) -> sources.Outcome:
        if item.path != "-":
            return sources.read(item, self.extractor)
        try:  # stdin, as `sources.read` reads it, from the bytes the driver read
            return extract_bytes("-", data, self.extractor)
        except UnreadableArticle as exc:
            return exc


def _read(ray: Any, unread: list[WorkItem], options: dict[str, Any], cluster: Cluster
          ) -> Generator[sources.Outcome, None, None]:
    """The outcome of each item, in the items' order (Ray starts on the first asked)."""
    if not unread:
        return
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the writer stores in the items' order
    context.enable_progress_bars = False  # the CLI draws its own line
    # a block a batch: as many inputs as batches for the pool to share out, and no more
    # readers than batches
    blocks = -(-len(unread) // cluster.batch_size)
    workers = min(blocks, cluster.workers or max(1, int(ray.cluster_resources().get("CPU", 1))))
    dataset = ray.data.from_items(_rows(unread), override_num_blocks=blocks).map_batches(
        _Reader, fn_constructor_kwargs=options, batch_size=cluster.batch_size,
        compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
    for batch in dataset.iter_batches(batch_size=cluster.batch_size, batch_format="numpy"):
        for outcome in batch["outcome"]:
            yield pickle.loads(outcome)


# -- Ray itself ------------------------------------------------------------------------------


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise RayMissing() from None
    return ray


def _connect(ray: Any, cluster: Cluster) -> bool:
    """Connect to the cluster, or start a local Ray for the job (True: shut it down after).
    A Ray this process already runs (a test's, a notebook's) is used as it is."""
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline, and no reporting home
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    if cluster.address:
        try:
            ray.init(address=cluster.address, **quiet)
        except ConnectionError as exc:
            raise ClusterUnreachable(cluster.address, str(exc)) from None
    else:
        # "local": a Ray of the job's own even where `ray start` runs one on this machine
        ray.init(address="local", num_cpus=cluster.workers or os.cpu_count() or 1,
                 include_dashboard=False, **quiet)
    return True


def _quiet_console() -> list[tuple[logging.Handler, int]]:
    """Ray Data narrates each run on the console (its plan, start and end): the job's own
    progress line says it, so its console handlers show errors alone while the job runs;
    Ray Data's log file in the session folder keeps the rest."""
    handlers = [h for h in logging.getLogger("ray.data").handlers
                if not isinstance(h, logging.FileHandler)]
    before = [(handler, handler.level) for handler in handlers]
    for handler in handlers:
        handler.setLevel(logging.ERROR)
    return before
