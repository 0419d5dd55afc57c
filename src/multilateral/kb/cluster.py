"""The ingest job on Ray: items read in parallel by a pool of readers, stored by one writer.

    kb.ingest(["crawl/"], cluster=Cluster(workers=4))  # KnowledgeBase.ingest runs `run`

1. the driver starts a pool of `workers` reader actors (`ingest.worker.Reader`) first
2. while they start, it lists the work items (`ingest.sources`: files, WARC records by
   offset), passes over those the ledger has done, as a single process does
   (`kb.ingesting`), and reads the names to look for from the store; it hands them to
   the readers, each of which builds the gazetteer once
3. batches of items go to the least busy reader, two at most in flight each, so that no
   reader waits for the writer; a reader returns each outcome with its fingerprints
4. the driver is the one writer: it keeps each outcome in the items' order with
   `ingesting.step`, the single process's own step (one transaction an article, its
   ledger row in it), so that the store is the one a single process makes: the same
   articles with the same ids, the same candidates.

Ray core's actors, not Ray Data: on two cores Ray Data's own coordinating actors took
about 5 s of CPU of a 300-page job that one process reads in 14 s (`bench/warc_workers.py`),
and its operators add nothing to a pool that reads batches and hands them back in order.

Workers never touch the store, so on a cluster only the driver needs to reach it (a
PostgreSQL URL); the items' files must be readable at the same paths on every node.
Ray is an optional extra, imported only here and only when a job runs.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from multilateral.errors import MultilateralError
from multilateral.kb.database import Database
from multilateral.kb.outcomes import IngestItem, IngestReport

if TYPE_CHECKING:  # the reading stack is imported once the readers are starting
    from multilateral.ingest import sources
    from multilateral.ingest.sources import WorkItem
    from multilateral.model.names import KnownNames

INSTALL = "pip install 'multilateral[scale]'"
# Items per batch handed to a reader: small enough that two workers share 300 pages evenly
# and the writer starts early, large enough that a batch's overhead (a few ms) is noise.
BATCH_SIZE = 8
DEPTH = 2  # batches in flight a reader: one it reads, one waiting


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


def run(db: Database, paths: list[str], cluster: Cluster, *, force: bool = False,
        on_item: Callable[[IngestItem], None] | None = None,
        on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """`ingesting.run` with the reading done on Ray. The readers start first: Ray's worker
    processes boot and import the reading stack while the driver lists the items and
    reads the names to look for (a second of the 300-page job on two cores). The price: a
    job with nothing left to read starts them too."""
    ray = _import_ray()
    started = _connect(ray, cluster)
    pool = _Pool(ray, cluster.workers or _cpus(ray), require_subject=not force)
    report = IngestReport()
    try:
        from multilateral.ingest.sources import WorkItem
        from multilateral.kb import ingesting
        from multilateral.store import queries
        listed, done = _listing(db, paths)
        unread = [item for item in listed if isinstance(item, WorkItem) and item.key not in done]
        with db.connect() as connection:
            pool.learn(queries.known_names(connection))
        reads = pool.reads(unread, cluster.batch_size)
        for entry in listed:  # the reads come in the order of the unread items
            ingesting.keep(report, ingesting.step(db, entry, done, report,
                                                  lambda _: next(reads)),
                           on_item, on_progress)
    finally:
        pool.close()
        if started:
            ray.shutdown()
    return report


def _listing(db: Database, paths: list[str]
             ) -> tuple[list[sources.Listed], dict[str, int | None]]:
    """Every item under `paths` and what the ledger has done of them, asked as a single
    process asks (a chunk of keys a query). The driver holds the list (paths and offsets,
    a few hundred bytes an item, never a page): a crawl of many millions of records is
    given to several jobs, a part each."""
    from multilateral.ingest import sources
    from multilateral.kb import ingesting
    listed: list[sources.Listed] = []
    done: dict[str, int | None] = {}
    for chunk in ingesting.chunks(sources.items(paths)):
        listed.extend(chunk)
        done.update(ingesting.finished(db, chunk))
    if not listed:
        raise sources.nothing_found(paths)
    return listed, done


class _Pool:
    """The reader actors and the batches in flight. Batches go out in the items' order to
    the least busy reader and come back in that order: a reader has `DEPTH` at most, so
    the next waits on it while it reads one, and the driver holds no more than the pool's
    batches in flight (memory stays bounded whatever the crawl's size)."""

    def __init__(self, ray: Any, size: int, *, require_subject: bool) -> None:
        self.ray = ray
        from multilateral.ingest.worker import Reader  # light: the readers import the rest
        reader = ray.remote(num_cpus=1)(Reader)
        self.actors = [reader.remote(require_subject=require_subject) for _ in range(size)]
        self.busy = [0] * size
        self.flight: deque[tuple[Any, int]] = deque()

    def learn(self, known: KnownNames) -> None:
        names = self.ray.put(known)  # once into the object store, whatever the pool's size
        for actor in self.actors:
            actor.learn.remote(names)  # an actor runs its calls in order: before any read

    def reads(self, unread: list[WorkItem], batch_size: int) -> Iterator[sources.Read]:
        """Each unread item's outcome with its fingerprints, in the items' order."""
        from multilateral.ingest import reading
        batches = [unread[i:i + batch_size] for i in range(0, len(unread), batch_size)]
        for actor in self.actors[len(batches):]:  # fewer batches than readers
            self.ray.kill(actor)
        self.actors = self.actors[:len(batches)]
        self.busy = self.busy[:len(batches)]
        given = 0
        while given < len(batches) or self.flight:
            while given < len(batches) and min(self.busy) < DEPTH:
                actor = self.busy.index(min(self.busy))
                batch = [(item, reading.load("-").data if item.path == "-" else b"")
                         for item in batches[given]]
                self.flight.append((self.actors[actor].read.remote(batch), actor))
                self.busy[actor] += 1
                given += 1
            ref, actor = self.flight.popleft()
            batch_reads = self.ray.get(ref)
            self.busy[actor] -= 1
            yield from batch_reads

    def close(self) -> None:
        """End the readers (on a cluster they would hold their CPUs for the job's life)."""
        for actor in self.actors:
            self.ray.kill(actor)


def _cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


# -- Ray itself ------------------------------------------------------------------------------


def _import_ray() -> Any:
    try:
        import ray
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
