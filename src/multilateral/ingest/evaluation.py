"""`multilateral eval`: the extractor scored against the gold set, as FACTS.md says.

A predicted fact matches a gold fact of the same type when the type's keys agree
(names compared after resolution through the knowledge base's names, a party
also by its parent organization); each gold fact matches at most one prediction.
Dates are scored apart on matched facts, exact and at year level.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multilateral.errors import DataFileError, InvalidFact, MultilateralError
from multilateral.ingest import gold_real
from multilateral.ingest.pipeline import Extractor, extract, extract_bytes
from multilateral.ingest.reading import UnreadableArticle
from multilateral.model.facts import (
    FACT_TYPES,
    Agreement,
    Chairmanship,
    Document,
    Event,
    Fact,
    Founding,
    Membership,
    Resolution,
)
from multilateral.model.names import normalize

BANDS = ("0.8-1.0", "0.6-0.8", "0.0-0.6")  # confidence bands, precision reported for each
Resolver = Callable[[str, str], str]  # (entity type, name) -> id, or the normalised name


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class ClaimScores:
    """How many annotated claims `check` found, and how many it judged as the team did; on
    real pages also how many of the claims it reported are no gold claim at all."""

    gold: int = 0
    found: int = 0
    decided: int = 0  # found claims the checker judged (not unverifiable)
    right: int = 0  # of those, judged as the annotator's truth says
    abstained_right: int = 0  # unverifiable where the annotator also could not tell
    reported: int = 0  # claims the checker reported, on real pages whose claims are annotated
    false: int = 0  # of those, overlapping no gold claim
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "decided": self.decided,
                "right": self.right, "unverifiable": self.found - self.decided,
                "unverifiable_in_gold": self.abstained_right,
                "reported": self.reported, "false": self.false,
                "found_rate": round(self.found / self.gold, 4) if self.gold else 1.0,
                "verdict_accuracy": round(self.right / self.decided, 4) if self.decided
                else 1.0,
                # Against every annotated claim: a checker that abstains on everything has
                # no wrong verdict, but it gets none right either.
                "right_rate": round(self.right / self.gold, 4) if self.gold else 1.0,
                "false_rate": round(self.false / self.reported, 4) if self.reported
                else 0.0}


# What a verdict says about a claim's truth on the article's date.
TRUTH_OF = {"supported": "true", "outdated": "true", "contradicted": "false",
            "unverifiable": "unknown"}


@dataclass
class Evaluation:
    articles: int = 0
    failed: list[str] = field(default_factory=list)
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in FACT_TYPES})
    dated: int = 0
    date_exact: int = 0
    date_year: int = 0
    modality_right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    claims: ClaimScores = field(default_factory=ClaimScores)
    below_floors: list[str] = field(default_factory=list)
    # precision by confidence band: band -> [predicted, matched]
    bands: dict[str, list[int]] = field(default_factory=lambda: {b: [0, 0] for b in BANDS})
    # article dates: pages that state one, and how many of those the reader found right
    dates_stated: int = 0
    dates_found: int = 0
    note: str | None = None  # what was not scored, and how to fix it

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_type.values():
            total.gold += counts.gold
            total.predicted += counts.predicted
            total.matched += counts.matched
        return total

    def scores(self) -> dict[str, float]:
        overall = self.overall
        matched = overall.matched
        claims = self.claims.as_dict()
        return {"precision": overall.precision, "recall": overall.recall, "f1": overall.f1,
                "date_exact": self.date_exact / self.dated if self.dated else 1.0,
                "date_year": self.date_year / self.dated if self.dated else 1.0,
                "modality": self.modality_right / matched if matched else 1.0,
                "claims_found": claims["found_rate"],
                "verdict_accuracy": claims["verdict_accuracy"],
                "claims_right": claims["right_rate"],
                "claims_false": claims["false_rate"]}

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "failed": self.failed,
                "overall": self.overall.as_dict(),
                "by_type": {t: c.as_dict() for t, c in self.by_type.items()},
                "dates": {"matched_with_date": self.dated,
                          "exact": round(self.scores()["date_exact"], 4),
                          "year": round(self.scores()["date_year"], 4)},
                "modality": round(self.scores()["modality"], 4),
                "claims": self.claims.as_dict(),
                "precision_by_confidence": {
                    b: {"predicted": n, "matched": m,
                        "precision": round(m / n, 4) if n else None}
                    for b, (n, m) in self.bands.items()},
                "article_dates": {"stated": self.dates_stated, "found": self.dates_found},
                "note": self.note,
                "below_floors": self.below_floors,
                "errors": self.errors}


def band(confidence: float) -> str:
    return BANDS[0] if confidence >= 0.8 - 1e-9 else BANDS[1] if confidence >= 0.6 - 1e-9 \
        else BANDS[2]


def gold_pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(article, annotation) pairs: NNN_slug.html or .txt beside NNN_slug.gold.json."""
    if not gold_dir.is_dir():
        raise DataFileError(f"{gold_dir} is not a directory of gold articles. Give the folder "
                            "holding the *.gold.json files (gold/articles in the repository).")
    pairs = []
    for annotation in sorted(gold_dir.rglob("*.gold.json")):
        stem = annotation.name.removesuffix(".gold.json")
        article = next((annotation.with_name(stem + ext) for ext in (".txt", ".html", ".htm")
                        if annotation.with_name(stem + ext).exists()), None)
        if article is None:
            raise DataFileError(f"{annotation}: no article beside it ({stem}.txt or .html).")
        pairs.append((article, annotation))
    if not pairs:
        raise DataFileError(f"{gold_dir} holds no *.gold.json annotation.")
    return pairs


# Judges an extracted document's claims: [(start, end, verdict)] in its cleaned text.
ClaimJudge = Callable[[Document], list[tuple[int, int, str]]]


def evaluate(gold_dir: Path, extractor: Extractor, resolve: Resolver,
             parents: dict[str, str], judge: ClaimJudge | None = None,
             split: str | None = "dev") -> Evaluation:
    """Score a gold folder: the own-words articles beside their annotations, or a set of
    real pages (`pages.jsonl`), of which `split` is scored."""
    if gold_real.is_real_set(gold_dir):
        return _evaluate_real(gold_dir, extractor, _Keys(resolve, parents), judge, split)
    result = Evaluation()
    for article, annotation in gold_pairs(gold_dir):
        gold = _read_gold(annotation)
        try:
            document = extract(article, extractor)
        except UnreadableArticle as exc:
            result.failed.append(exc.message)
            continue
        result.articles += 1
        _score(article.name, _gold_facts(annotation, gold["facts"]), document.facts, result,
               _Keys(resolve, parents))
        if judge is not None and gold.get("claims"):
            _score_claims(article.name, gold["claims"], document, judge(document), result.claims)
    return result


def _evaluate_real(gold_dir: Path, extractor: Extractor, keys: _Keys,
                   judge: ClaimJudge | None, split: str | None) -> Evaluation:
    result = Evaluation()
    real = gold_real.load(gold_dir, split)
    result.note = real.note
    for page, text in real.cached:
        gold = _gold_facts(gold_dir / gold_real.PAGES, list(gold_real.resolved_facts(page, text)))
        try:
            document = extract_bytes(f"{page.id}.txt", text.encode("utf-8"), extractor)
        except UnreadableArticle as exc:
            result.failed.append(exc.message)
            continue
        result.articles += 1
        if page.published:
            result.dates_stated += 1
            result.dates_found += document.published == page.published
            if document.published != page.published:
                result.errors.append({"article": page.id, "error": "article date",
                                      "fact": {"published": page.published},
                                      "predicted": document.published})
        _score(page.id, gold, document.facts, result, keys)
        if judge is not None and page.claims is not None:
            _score_real_claims(page.id, gold_real.resolved_claims(page, text), document,
                               judge(document), result.claims)
    return result


def _score_real_claims(name: str, claims: list[dict[str, Any]], document: Document,
                       verdicts: list[tuple[int, int, str]], scores: ClaimScores) -> None:
    """A real page's gold claims (the claims format of gold/real/README.md): found when a
    reported claim overlaps the span, right when the verdict is the annotated one (outdated
    is not supported); a reported claim overlapping no gold claim is a false claim."""
    spans: list[tuple[int, int]] = []
    for claim in claims:
        at = _place(document.text, claim["text"], claim["start"])
        if at is None:
            continue  # the claim sits in page chrome the cleaner removed
        start, end = at
        spans.append(at)
        scores.gold += 1
        miss = {"article": name, "claim": claim["text"][:120], "kind": claim["kind"],
                "truth": claim["verdict"]}
        overlapping = [(min(e, end) - max(s, start), v) for s, e, v in verdicts
                       if s < end and start < e]
        if not overlapping:
            scores.misses.append({**miss, "error": "not found"})
            continue
        scores.found += 1
        decided = [(overlap, v) for overlap, v in overlapping if v != "unverifiable"]
        if not decided:
            scores.abstained_right += claim["verdict"] == "unverifiable"
            scores.misses.append({**miss, "error": "unverifiable"})
            continue
        scores.decided += 1
        # The widest reported claim decides; several as wide must all be right (a reader sees all).
        said = {v for overlap, v in decided if overlap == max(decided)[0]}
        verdict = min(said - {claim["verdict"]}, default=claim["verdict"])
        if verdict == claim["verdict"]:
            scores.right += 1
        else:
            scores.misses.append({**miss, "error": "verdict", "verdicts": [verdict]})
    for start, end, verdict in verdicts:
        scores.reported += 1
        if not any(start < e and s < end for s, e in spans):
            scores.false += 1
            scores.misses.append({"article": name, "claim": document.text[start:end][:120],
                                  "error": "false claim", "verdicts": [verdict]})


def _place(text: str, span: str, near: int) -> tuple[int, int] | None:
    """Where a span of the raw page lies in the cleaned text: cleaning drops chrome lines
    and trailing blanks, so offsets shift and whitespace may change; the occurrence
    nearest its raw offset."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in span.split()))
    places = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return min(places, key=lambda p: abs(p[0] - near)) if places else None


def _score_claims(name: str, claims: list[dict[str, Any]], document: Document,
                  verdicts: list[tuple[int, int, str]], scores: ClaimScores) -> None:
    """A gold claim is found when a judged claim overlaps its text; right when the verdict
    says what the annotator's `truth` says."""
    for claim in claims:
        text = str(claim.get("text", ""))
        at = document.text.find(text)
        if not text or at < 0:
            continue  # the claim sits in page chrome the cleaner removed
        scores.gold += 1
        end = at + len(text)
        overlapping = [v for s, e, v in verdicts if s < end and at < e]
        if not overlapping:
            scores.misses.append({"article": name, "claim": text[:120], "error": "not found"})
            continue
        scores.found += 1
        decided = [v for v in overlapping if v != "unverifiable"]
        if not decided:
            # the knowledge base lacks what it would take: an abstention, not a verdict
            scores.abstained_right += claim.get("truth") == "unknown"
            scores.misses.append({"article": name, "claim": text[:120],
                                  "error": "unverifiable", "truth": claim.get("truth")})
            continue
        scores.decided += 1
        truths = {TRUTH_OF[v] for v in decided}
        if claim.get("truth") in truths:
            scores.right += 1
        else:
            scores.misses.append({"article": name, "claim": text[:120], "error": "verdict",
                                  "truth": claim.get("truth"),
                                  "verdicts": sorted(set(decided))})


def _read_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"{path}: not a readable JSON annotation ({exc}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise DataFileError(f"{path}: expected an object with a \"facts\" list (FACTS.md).")
    return data


def _gold_facts(path: Path, facts: list[Any]) -> list[Fact]:
    out = []
    for number, fact in enumerate(facts, 1):
        try:
            out.append(Fact.from_dict(fact))
        except InvalidFact as exc:
            raise DataFileError(f"{path}, fact {number}: {exc.message}") from None
    return out


class _Keys:
    def __init__(self, resolve: Resolver, parents: dict[str, str]) -> None:
        self.resolve = resolve
        self.parents = parents

    def entity(self, kinds: tuple[str, ...], name: Any) -> str:
        if not name:
            return ""
        for kind in kinds:
            found = self.resolve(kind, str(name))
            if not found.startswith("~"):
                return found
        return "~" + normalize(str(name))

    def root(self, name: Any) -> str:
        entity = self.entity(("organization", "state"), name)
        while entity in self.parents:
            entity = self.parents[entity]
        return entity

    def key(self, fact: Fact) -> tuple[Any, ...]:
        org, member = ("organization",), ("state", "organization")
        if isinstance(fact, Membership):
            return (self.entity(org, fact.org), self.entity(member, fact.state),
                    fact.status, fact.change)
        if isinstance(fact, Agreement):
            return (fact.kind, frozenset(self.root(p) for p in fact.parties))
        if isinstance(fact, Resolution):
            return (self.entity(org, fact.body), self.entity(member, fact.subject))
        if isinstance(fact, Chairmanship):
            return (self.entity(org, fact.org), self.entity(("state",), fact.state))
        if isinstance(fact, Founding):
            return (self.entity(org, fact.org),)
        assert isinstance(fact, Event)
        return (fact.kind,)

    def matches(self, gold: Fact, predicted: Fact) -> bool:
        if self.key(gold) != self.key(predicted):
            return False
        if not isinstance(gold, Event) or not isinstance(predicted, Event):
            return True
        same_place = bool(gold.place) and self.entity(
            ("place",), gold.place) == self.entity(("place",), predicted.place)
        same_date = bool(gold.date) and gold.date == predicted.date
        return same_place or same_date


def _score(name: str, gold: list[Fact], predicted: list[Fact], result: Evaluation,
           keys: _Keys) -> None:
    unmatched = list(predicted)
    for fact in predicted:
        result.by_type[fact.type].predicted += 1
        result.bands[band(fact.confidence)][0] += 1
    for fact in gold:
        result.by_type[fact.type].gold += 1
        candidates = [p for p in unmatched if p.type == fact.type and keys.matches(fact, p)]
        # one to one, and where several predictions fit, the one whose date agrees
        hit = next((p for p in candidates if p.when == fact.when),
                   candidates[0] if candidates else None)
        if hit is None:
            result.errors.append({"article": name, "error": "missed", "fact": _brief(fact)})
            continue
        unmatched.remove(hit)
        result.bands[band(hit.confidence)][1] += 1
        result.by_type[fact.type].matched += 1
        if hit.modality == fact.modality or {hit.modality, fact.modality} <= {"asserted",
                                                                               "reported"}:
            result.modality_right += 1
        want, got = fact.when, hit.when
        if want:
            result.dated += 1
            if want == got:
                result.date_exact += 1
            else:
                result.errors.append({"article": name, "error": "date", "fact": _brief(fact),
                                      "predicted": got})
            if got and str(want)[:4] == str(got)[:4]:
                result.date_year += 1
    for fact in unmatched:
        result.errors.append({"article": name, "error": "spurious", "fact": _brief(fact)})


def _brief(fact: Fact) -> dict[str, Any]:
    data = fact.as_dict()
    data.pop("confidence")
    data.pop("evidence")
    data.pop("also", None)
    data["evidence"] = fact.evidence.text[:160]
    return {k: v for k, v in data.items() if v not in (None, [], "") and not k.endswith("_id")
            and k != "party_ids"}


def check_floors(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """The floors a run falls below, as messages; empty when all hold."""
    return [f"{name} {scores.get(name, 0.0):.3f} is below the floor {floor:.3f}"
            for name, floor in floors.items() if scores.get(name, 0.0) + 1e-9 < floor]


def floors_beside(gold_dir: Path) -> Path | None:
    """The floors file of a gold set: in it, or beside it (gold/floors.json for gold/articles)."""
    return next((p for p in (gold_dir / "floors.json", gold_dir.parent / "floors.json")
                 if p.exists()), None)


def read_floors(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data.items() if not k.startswith("_")}
    except (OSError, ValueError, AttributeError) as exc:
        raise MultilateralError(f"{path}: not a readable floors file ({exc}). It holds "
                                "{\"f1\": 0.85, ...}.") from None
