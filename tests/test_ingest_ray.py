"""`ingest --workers N` on a real local Ray: the store it makes is the one a single process
makes (articles with their ids and sources, tags, candidates with their facts, the ledger),
bad items counted as failed and the rest stored, and a second job passes over what the
first finished; without Ray, the option says how to install it. One Ray is started for
the module and shared by its tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import ray
from click.testing import CliRunner, Result

from multilateral.cli import main
from pg_support import create_database
from store_dump import dump
from warc_support import GOLD, Rec, crawl, write_warc

Urls = Callable[[str], str]


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    """A Ray of two CPUs for the module: the job uses a Ray this process already runs."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_store(request: pytest.FixtureRequest, tmp_path: Path) -> Urls:
    """Makes loaded stores of one backend, each a copy of the same template."""
    if request.param == "sqlite":
        template = Path(request.getfixturevalue("sqlite_url"))

        def copy(name: str) -> str:
            shutil.copyfile(template, tmp_path / f"{name}.db")
            return str(tmp_path / f"{name}.db")
        return copy
    server = request.getfixturevalue("pg_template").rsplit("/", 1)[0]
    return lambda name: create_database(server, f"ray_{name}", template="multilateral_template")


@pytest.fixture()
def batch(tmp_path: Path) -> list[str]:
    """A WARC of six pages (each with its request and metadata records) ending in a
    truncated record, a gold article as a file, and a file that is no article."""
    records = crawl(6)
    records.append(Rec("response", "https://news.example.org/cut", b"<html><p>cut",
                       declared=5000))
    archive = tmp_path / "in" / "crawl.warc"
    archive.parent.mkdir()
    write_warc(archive, records)
    broken = tmp_path / "in" / "broken.html"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    # A story of its own: the seed would be a near copy of the crawl's first page.
    return [str(archive), str(GOLD / "035_ministry_uzbekistan_eaeu_observer.txt"),
            str(broken)]


def ingest(url: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", url, "ingest", "--format", "json", *args])


def test_two_workers_make_the_store_one_process_makes(fresh_store: Urls,
                                                      batch: list[str]) -> None:
    one, two = fresh_store("one"), fresh_store("two")
    single = ingest(one, *batch)
    workers = ingest(two, "--workers", "2", *batch)
    assert single.exit_code == workers.exit_code == 1, workers.output
    assert workers.exception is None or isinstance(workers.exception, SystemExit), \
        repr(workers.exception) + workers.output
    report = json.loads(workers.stdout)
    assert report == json.loads(single.stdout)
    assert report["stored"] == 7 and report["failed"] == 2  # the cut record, broken.html
    assert report["skipped_by_reason"] == {"metadata record": 6, "request record": 6}
    errors = [item["error"] for item in report["items"] if item["error"]]
    assert "a truncated record" in errors[0] and "broken.html: binary data" in errors[1]
    stored = dump(two)
    assert stored == dump(one)
    assert [row[0] for row in stored["articles"]] == list(range(1, 8))
    assert len(stored["candidates"]) > 7 * 3
    if "postgresql" in two:
        return  # the ledger is one code for both; a second job costs the module seconds
    again = json.loads(ingest(two, "--workers", "2", *batch).stdout)
    assert again["stored"] == 0 and again["done_before"] == 7 and again["failed"] == 2
    assert dump(two) == stored


def test_without_ray_the_option_says_how_to_install_it(tmp_path: Path,
                                                       sqlite_url: str) -> None:
    """A Python in which `import ray` fails (sys.modules['ray'] = None), not a mocked job."""
    url = str(tmp_path / "kb.db")
    shutil.copyfile(sqlite_url, url)
    shim = ("import sys; sys.modules['ray'] = None; sys.argv[0] = 'multilateral'; "
            "from multilateral.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", shim, "--db", url, "ingest", "--workers",
                             "2", str(GOLD / "000_seed.txt")], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    assert "pip install 'multilateral[scale]'" in result.stderr
    assert dump(url)["articles"] == []
