"""A corpus of copies made at run time from the own-words gold articles: each story
reprinted ten times with another site's header, its whitespace changed and a byline
line, and distinct stories that share a site's boilerplate (which must stay apart)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "gold" / "articles"

HEADERS = (
    "Home | World | Diplomacy", "WORLD NEWS", "Breaking news", "The Daily Courier - Politics",
    "International desk", "Latest headlines from our newsroom", "NEWS > GLOBAL AFFAIRS",
    "Reprinted with permission", "Wire service report", "Top story of the day")
BYLINES = (
    "By Staff Reporter", "By Our Correspondent", "By A. Writer, Wire Service",
    "By the International Desk", "Reporting by the news agency; editing by the desk")
# A site's long boilerplate, the same under every story it prints: distinct stories that
# carry it must not be taken for copies of one another.
BOILERPLATE = (
    "Subscribe to our newsletter to receive the day's most important stories in your inbox "
    "every morning. We respect your privacy and you can unsubscribe at any time. This site "
    "uses cookies to improve your experience and to show you relevant content; by "
    "continuing to browse you agree to our use of cookies. Follow us on social media for "
    "breaking news alerts, and share this story with your friends and colleagues. All "
    "rights reserved. No part of this publication may be reproduced without permission.")


@dataclass(frozen=True)
class Copy:
    story: str  # the gold file's stem
    name: str
    text: str


def stories(count: int = 30) -> list[Path]:
    """The first `count` gold articles (the seed article first)."""
    found = sorted(GOLD.glob("*.txt"))[:count]
    assert len(found) == count, f"only {len(found)} gold articles"
    return found


def reprint(text: str, rng: random.Random) -> str:
    """The story as another site prints it: its header line, a byline line, and its
    whitespace changed (lines joined or broken, spaces doubled)."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    out = []
    for paragraph in paragraphs:
        words = paragraph.split()
        line: list[str] = []
        lines = []
        width = rng.randint(50, 120)
        for word in words:
            line.append(word)
            if sum(len(w) + 1 for w in line) > width:
                lines.append(("  " if rng.random() < 0.2 else " ").join(line))
                line = []
        if line:
            lines.append(" ".join(line))
        out.append(("\n" if rng.random() < 0.5 else " ").join(lines)
                   + (" " * rng.randint(0, 3)))
    body = ("\n\n" if rng.random() < 0.7 else "\n\n\n").join(out)
    header = rng.choice(HEADERS)
    byline = rng.choice(BYLINES)
    return f"{header}\n\n{byline}\n\n{body}\n"


def copies(count: int = 30, each: int = 10, seed: int = 15) -> list[Copy]:
    """`each` reprints of each of `count` stories, shuffled (a crawl meets them in any
    order)."""
    rng = random.Random(seed)
    made = [Copy(path.stem, f"{path.stem}.copy{n:02d}.txt",
                 reprint(path.read_text(encoding="utf-8"), rng))
            for path in stories(count) for n in range(each)]
    rng.shuffle(made)
    return made


def with_boilerplate(count: int = 30, seed: int = 16) -> list[Copy]:
    """Each story once, under one site's header and over its boilerplate."""
    rng = random.Random(seed)
    return [Copy(path.stem, f"{path.stem}.site.txt",
                 reprint(path.read_text(encoding="utf-8"), rng) + "\n" + BOILERPLATE + "\n")
            for path in stories(count)]


def write(found: list[Copy], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for copy in found:
        path = folder / copy.name
        path.write_text(copy.text, encoding="utf-8")
        paths.append(path)
    return paths
