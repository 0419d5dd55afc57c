"""The ingest job on Ray: items read in parallel by a pool of readers, stored by one writer.

    kb.ingest(["crawl/"], cluster=Cluster(workers=4))  # ArticleDesk.ingest calls the job

1. the driver lists the items (`items`) and reads the names to look for from the store
2. Ray Data hands the items, in batches, to a pool of `workers` reader actors; each builds
   the gazetteer once, from the names the driver passed in, and reads its batches into
   Documents (`_Reader`)
3. the driver is the one writer: it stores each Document, in the order of the items
   (`preserve_order`), through the same `store_document` as a single process, one
   transaction an article, so that the store is the one a single process makes: the same
   articles with the same ids, the same candidates.

Workers never touch the store, so on a cluster only the driver needs to reach it (a
PostgreSQL URL); the items' files must be readable at the same paths on every node.
Ray is an optional extra, imported only here and only when a job runs.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multilateral.errors import MultilateralError
from multilateral.ingest import gazetteer, reading
from multilateral.ingest.pipeline import Extractor, extract, extract_bytes
from multilateral.ingest.reading import UnreadableArticle
from multilateral.kb.outcomes import IngestItem, IngestReport
from multilateral.model.facts import Document
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


@dataclass(frozen=True)
class Cluster:
    """Where the job runs: `workers` readers on a local Ray started for the job, or on the
    Ray cluster at `address` (`ray start --head` prints it); None: one a CPU there."""

    workers: int | None = None
    address: str | None = None
    batch_size: int = BATCH_SIZE


# -- the items: what one reader reads (a file now; a WARC record once it is read) ------------


def items(found: list[Path | str | UnreadableArticle]) -> list[dict[str, Any]]:
    """One row per item, in the batch's order: a file by its path (the worker that gets it
    reads it), standard input by its bytes (read here: a worker has none), or the error
    that listing it met. No column holds None: Arrow would make a float column of it."""
    rows: list[dict[str, Any]] = []
    for item in found:
        if isinstance(item, UnreadableArticle):
            rows.append({"kind": "error", "name": item.name, "data": b"",
                         "error": item.message})
        elif item == "-":
            rows.append({"kind": "bytes", "name": "-", "data": reading.load("-").data,
                         "error": ""})
        else:
            rows.append({"kind": "file", "name": str(item), "data": b"", "error": ""})
    return rows


def read_item(kind: str, name: str, data: bytes, extractor: Extractor) -> Document:
    """The Document an item holds; raises UnreadableArticle as a single process would."""
    if kind == "bytes":
        return extract_bytes(name, data, extractor)
    return extract(Path(name), extractor)


class _Reader:
    """One worker of the pool: the gazetteer is built once, then batch after batch is read.
    A Document travels back pickled (it holds nested facts that Arrow would flatten); an
    item that cannot be read travels back as its error, and the batch goes on."""

    def __init__(self, known: KnownNames, require_subject: bool, max_bytes: int) -> None:
        self.extractor = Extractor(gazetteer.build(known), max_bytes=max_bytes,
                                   require_subject=require_subject)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        names: list[str] = []
        documents: list[bytes] = []
        errors: list[str] = []
        for kind, name, data, error in zip(batch["kind"], batch["name"], batch["data"],
                                           batch["error"], strict=True):
            names.append(str(name))
            document = b""
            if kind != "error":
                try:
                    document = pickle.dumps(read_item(str(kind), str(name), bytes(data),
                                                      self.extractor), pickle.HIGHEST_PROTOCOL)
                except UnreadableArticle as exc:
                    error = exc.message
            documents.append(document)
            errors.append(str(error))
        return {"name": names, "document": documents, "error": errors}


# -- the job ---------------------------------------------------------------------------------


def ingest_on_ray(found: list[Path | str | UnreadableArticle], known: KnownNames,
                  store: Callable[[Document], IngestItem], cluster: Cluster, *,
                  force: bool = False, on_item: Callable[[IngestItem], None] | None = None
                  ) -> IngestReport:
    """Read the items on Ray with readers that look for `known` names, and `store` each
    Document in the items' order, as `ArticleDesk.ingest` does in one process."""
    ray = _import_ray()
    rows = items(found)
    # the names, not a gazetteer: 300 KB pickled, and each reader builds its own in 0.3 s
    options = {"known": known, "require_subject": not force, "max_bytes": reading.MAX_BYTES}
    report = IngestReport()
    started = _connect(ray, cluster)
    console = _quiet_console()
    try:
        for name, document, error in _read(ray, rows, options, cluster):
            item = IngestItem(name, error=error) if error else store(pickle.loads(document))
            report.items.append(item)
            if on_item is not None:
                on_item(item)
    finally:
        for handler, level in console:
            handler.setLevel(level)
        if started:
            ray.shutdown()
    return report


def _read(ray: Any, rows: list[dict[str, Any]], options: dict[str, Any], cluster: Cluster
          ) -> Iterator[tuple[str, bytes, str]]:
    """(name, pickled Document, error or "") per item, in the items' order."""
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the writer stores in the items' order
    context.enable_progress_bars = False  # the CLI draws its own
    workers = cluster.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = ray.data.from_items(rows).map_batches(
        _Reader, fn_constructor_kwargs=options, batch_size=cluster.batch_size,
        compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
    for batch in dataset.iter_batches(batch_size=cluster.batch_size, batch_format="numpy"):
        for name, document, error in zip(batch["name"], batch["document"], batch["error"],
                                         strict=True):
            yield str(name), bytes(document), str(error)


def _quiet_console() -> list[tuple[logging.Handler, int]]:
    """Ray Data narrates each run on the console (the plan, its start and end): the job's
    own progress line says it, so its console handlers show errors alone while the job
    runs; Ray Data's log file in the session folder keeps the rest."""
    handlers = [h for h in logging.getLogger("ray.data").handlers
                if not isinstance(h, logging.FileHandler)]
    before = [(handler, handler.level) for handler in handlers]
    for handler in handlers:
        handler.setLevel(logging.ERROR)
    return before


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
        ray.init(address=cluster.address, **quiet)
    else:
        # "local": a Ray of the job's own even where `ray start` runs one on this machine
        ray.init(address="local", num_cpus=cluster.workers or os.cpu_count() or 1,
                 include_dashboard=False, **quiet)
    return True
