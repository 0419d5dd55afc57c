"""One line on stderr that an ingest updates in place: records read, articles stored,
failed, per second. Written only to a terminal: a pipe or a log file gets nothing."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from multilateral.kb import IngestReport

EVERY = 0.2  # seconds between redraws: a fast batch is not slowed by its own progress


class ProgressLine:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self._drawn = 0.0
        self._width = 0

    def __call__(self, report: IngestReport, *, final: bool = False) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if not final and now - self._drawn < EVERY:
            return
        self._drawn = now
        line = (f"{report.read:,} read, {report.stored:,} stored, {report.failed:,} failed, "
                f"{report.per_second():.1f}/s"
                + (f" ({report.done_before:,} done before)" if report.done_before else ""))
        # pad over the last line's tail: the counts only grow, but the rate may shrink
        self.stream.write("\r" + line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def close(self, report: IngestReport | None) -> None:
        if self.shown and self._width:
            if report is not None:
                self(report, final=True)
            self.stream.write("\n")
            self.stream.flush()
