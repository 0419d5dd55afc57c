"""Scoring the reader and the checker against a gold set, and holding them to its floors."""

from __future__ import annotations

from pathlib import Path

from multilateral.errors import MultilateralError
from multilateral.ingest import evaluation, gold_real
from multilateral.kb.checking import Checking
from multilateral.kb.desk import ArticleDesk
from multilateral.store.resolve import resolve


class Evaluating:
    def __init__(self, desk: ArticleDesk, checking: Checking) -> None:
        self.desk = desk
        self.checking = checking

    def evaluate(self, gold_dir: Path, *, floors: Path | None = None,
                 claims: bool = True, split: str | None = "dev") -> evaluation.Evaluation:
        """Score `gold_dir`; the result lists the floors it falls below (`floors`, or the
        floors.json beside the gold set, if any)."""
        extractor = self.desk.extractor()
        cache: dict[tuple[str, str], str] = {}
        with self.desk.db.connect() as connection:
            def resolver(kind: str, name: str) -> str:
                key = (kind, name)
                if key not in cache:
                    try:
                        cache[key] = resolve(connection, kind, name).id
                    except MultilateralError:
                        cache[key] = "~"
                return cache[key]
            result = evaluation.evaluate(gold_dir, extractor, resolver,
                                         extractor.gazetteer.parents,
                                         self.checking.judge_claims if claims else None,
                                         split)
        # The real pages' scores are reported, not gated: CI holds the own-words set's floors.
        floors_path = floors or (None if gold_real.is_real_set(gold_dir)
                                 else evaluation.floors_beside(gold_dir))
        if floors_path is not None:
            result.below_floors = evaluation.check_floors(
                result.scores(), evaluation.read_floors(floors_path))
        return result
