"""Articles per second for `extract` over HTML pages of 10-50 KB, on one core.

The floor is trafilatura's own extraction of the same pages with the same
options (what any pipeline built on it pays); our figure includes it plus
decoding, metadata, mentions, dates, rules and merging. Rounds alternate the
two so both see the same machine. Peak memory is the process's maximum RSS.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from html import escape
from pathlib import Path

import trafilatura

from common import save
from multilateral.ingest.cleaning import trafilatura_options
from multilateral.ingest.reading import Raw, decode
from multilateral.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
SIZES_KB = (10, 20, 30, 40, 50)
ROUNDS = 5


def pages() -> list[bytes]:
    """Every gold text article wrapped in page chrome until it weighs 10 to 50 KB, and
    the gold HTML pages."""
    sources = sorted((ROOT / "gold" / "articles").glob("*.txt")) + sorted(
        (ROOT / "tests" / "articles").glob("*.txt"))
    nav = "".join(f'<li><a href="/section/{i}">Section {i} news and analysis</a></li>'
                  for i in range(40))
    built = []
    for index, source in enumerate(sources):
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in
                             source.read_text(encoding="utf-8").split("\n\n") if p.strip())
        target = SIZES_KB[index % len(SIZES_KB)] * 1024
        page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{t}</title>"
                "<meta property='article:published_time' content='2023-06-12'></head><body>"
                "<nav><ul>{nav}</ul></nav><main><article><h1>{t}</h1>{body}</article></main>"
                "{aside}<footer><ul>{nav}</ul></footer></body></html>")
        aside = ""
        html = page.format(t=escape(source.stem), nav=nav, body=paragraphs, aside=aside)
        while len(html.encode()) < target:
            aside += ("<aside><h3>Most read</h3><ul>" + "".join(
                f"<li><a href='/story/{index}/{i}'>Another story headline number {i} that "
                "readers followed this week</a></li>" for i in range(12)) + "</ul></aside>")
            html = page.format(t=escape(source.stem), nav=nav, body=paragraphs, aside=aside)
        built.append(html.encode())
    # the gold set's own navigation-heavy pages, as they are
    built += [page.read_bytes() for page in sorted((ROOT / "gold" / "articles").glob("*.html"))]
    return built


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(str(Path(tmp) / "bench.db"))
        kb.init()
        kb.extractor()  # the gazetteer is built once per batch, not per page
        rss_ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        corpus = pages()
        decoded = [decode(Raw(f"page{i}.html", page)).text for i, page in enumerate(corpus)]
        floor_rates, our_rates = [], []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            for html in decoded:
                trafilatura.bare_extraction(html, **trafilatura_options())
            floor_rates.append(len(decoded) / (time.perf_counter() - started))
            started = time.perf_counter()
            for i, page in enumerate(corpus):
                kb.extract_bytes(f"page{i}.html", page)
            our_rates.append(len(corpus) / (time.perf_counter() - started))
        rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kb.close()
    floor = statistics.median(floor_rates)
    ours = statistics.median(our_rates)
    save("extract_speed", {
        "pages": len(corpus),
        "kb_min_max": [round(min(map(len, corpus)) / 1024, 1),
                       round(max(map(len, corpus)) / 1024, 1)],
        "rounds": ROUNDS, "trafilatura_pages_per_s": round(floor, 1),
        "extract_pages_per_s": round(ours, 1), "ratio": round(ours / floor, 3),
        "rss_after_gazetteer_mb": round(rss_ready / 1024, 1),
        "rss_peak_mb": round(rss_peak / 1024, 1), "python": sys.version.split()[0]})


if __name__ == "__main__":
    main()
