"""Shared helpers for the benchmark scripts: timing summaries and result files."""

from __future__ import annotations

import json
import platform
import statistics
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50_ms": 1000 * cuts[49], "p95_ms": 1000 * cuts[94], "mean_ms":
            1000 * statistics.fmean(ordered), "n": len(ordered)}


def save(name: str, result: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    result = {"machine": f"{platform.machine()} {platform.python_version()}", **result}
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
