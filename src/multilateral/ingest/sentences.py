"""Sentences with their offsets into the cleaned text: the unit a fact's evidence is cut from."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A full stop ends a sentence unless it closes an abbreviation or an initial.
# A line that opens with a capital, a bullet or a credit ("© REUTERS / ...") starts anew.
_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z•*\-©])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Nos.", "Jan.", "Feb.", "Mar.",
                  "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
                  "U.S.", "U.N.", "U.K.", "e.g.", "i.e.", "etc.", "vs.", "Gen.", "Amb.",
                  "Prof.", "Art.", "para.", "approx.", "Inc.", "Ltd.", "H.E.")

# No paragraph ends on a comma or a word that needs its next one: a break there is a wrap.
_OPEN_END = re.compile(r"(?:,|\b(?:of|the|and|to|for|in|on|at|by|with|a|an|from))[ \t]*$")


def closes_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop ending at `end` closes an abbreviation or an initial ("No. 8",
    "U.S."), and so ends neither a sentence nor a clause."""
    before = text[max(0, end - 6):end]
    return any(before.endswith(abbr) for abbr in _ABBREVIATIONS) or bool(
        re.search(r"\b[A-Z]\.$", before))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if closes_abbreviation(text, match.start()):
            continue
        if match.group().startswith("\n") and _OPEN_END.search(
                text[max(0, match.start() - 12):match.start()]):
            continue  # "President of the\n\nUnited Republic of Tanzania": a line wrapped
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


# The rules look at a sentence as a whole, so their time grows with its square; a
# "sentence" longer than this (a page on one line, a list run on for pages) is cut at
# the last clause break before it, or the last space. The longest sentence of the
# own-words gold set is 437 characters.
MAX_SENTENCE = 1200
_BREAKS = ("; ", ", ", " ")


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        window = text[start:start + MAX_SENTENCE]
        cut = next((at + len(mark) for mark in _BREAKS
                    if (at := window.rfind(mark, MAX_SENTENCE // 2)) > 0), MAX_SENTENCE)
        _append(sentences, text, start, start + cut)
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
