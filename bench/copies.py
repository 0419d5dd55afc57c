"""Choosing the copy finder's figures (model/shingles.py) by measurement.

The corpus is made at run time (tests/copies_support.py): 300 reprints of 30 own-words
gold stories (another header, byline and whitespace each) and the 30 stories once more
over one site's shared boilerplate. Per shingle size: the lowest Jaccard similarity
between two copies of one story and the highest between two distinct stories (exact sets).
Then, per MinHash size and banding, the LSH run the store makes: each text in turn looked
up by its band keys and confirmed over the threshold, else indexed as a new story;
stories found, copies missed, stories merged wrongly, and signature time per text beside
the floor of hashing its words (sha256).
"""

from __future__ import annotations

import hashlib
import itertools
import sys
import time
from pathlib import Path

from common import save
from multilateral.model.shingles import Signature, shingles, words

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from copies_support import copies, with_boilerplate  # noqa: E402


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def similarities(size: int) -> dict[str, float]:
    reprints = copies()
    sets = [(c.story, shingles(c.text, size)) for c in reprints]
    same = [jaccard(a, b) for (sa, a), (sb, b) in itertools.combinations(sets, 2) if sa == sb]
    printed = with_boilerplate()
    plate = [shingles(c.text, size) for c in printed]
    # a story over the boilerplate is still that story: its lowest similarity to a reprint
    site = [jaccard(shingles(p.text, size), found) for p in printed for story, found in sets
            if story == p.story]
    apart = [jaccard(a, b) for a, b in itertools.combinations(plate, 2)]
    first = {}
    for story, found in sets:
        first.setdefault(story, found)
    apart += [jaccard(a, b) for a, b in itertools.combinations(first.values(), 2)]
    return {"shingle": size, "copies_min": round(min(same), 3),
            "site_copy_min": round(min(site), 3),
            "distinct_max": round(max(apart), 3), "gap": round(min(same) - max(apart), 3)}


def lsh_run(size: int, permutations: int, bands: int, threshold: float) -> dict[str, object]:
    texts = [(c.story, c.text) for c in copies()] + [
        (c.story + "+site", c.text) for c in with_boilerplate()]
    index: dict[int, list[int]] = {}
    kept: list[tuple[str, Signature]] = []
    owner: dict[str, set[int]] = {}
    compared = 0
    started = time.perf_counter()
    signatures = [Signature.of(text, size, permutations) for _, text in texts]
    signing = (time.perf_counter() - started) / len(texts)
    started = time.perf_counter()
    for _ in range(5):
        for _, text in texts:
            hashlib.sha256(" ".join(words(text)).encode()).hexdigest()
    floor = (time.perf_counter() - started) / len(texts) / 5
    for (story, _), signature in zip(texts, signatures, strict=True):
        assert signature is not None
        keys = signature.band_keys(bands)
        hits = {i for key in keys for i in index.get(key, [])}
        compared += len(hits)
        best = max(((signature.similarity(kept[i][1]), i) for i in hits), default=(0.0, -1))
        if best[0] >= threshold:
            owner.setdefault(story.removesuffix("+site"), set()).add(best[1])
            continue
        kept.append((story, signature))
        for key in keys:
            index.setdefault(key, []).append(len(kept) - 1)
        owner.setdefault(story.removesuffix("+site"), set()).add(len(kept) - 1)
    # each story's reprints and its boilerplate printing are one story (the same words)
    wrong = sum(1 for story, ids in owner.items()
                for i in ids if kept[i][0].removesuffix("+site") != story)
    return {"shingle": size, "permutations": permutations, "bands": bands,
            "rows": permutations // bands, "threshold": threshold,
            "stories_found": len(kept), "stories_made": len(owner),
            "texts_merged_wrongly": wrong, "band_hits_per_text": round(compared / len(texts), 2),
            "sign_ms": round(1000 * signing, 3), "floor_sha256_ms": round(1000 * floor, 3),
            "ratio_to_floor": round(signing / floor, 1)}


def main() -> None:
    sizes = [similarities(size) for size in (2, 3, 4, 5, 6, 8)]
    runs = [lsh_run(size, permutations, bands, threshold)
            for size in (3, 5)
            for permutations, bands in ((64, 16), (128, 32), (128, 16), (256, 64))
            for threshold in (0.45, 0.6)]
    save("copies", {"similarities": sizes, "lsh": runs})


if __name__ == "__main__":
    main()
