"""Stage 1a: bytes in, Unicode text out, or a clear refusal that names the input.

Articles arrive as files, directories of files or standard input, as HTML or
text in any common encoding. What cannot be an article (binary data, an empty
file, a page past the size limit) is refused here, before any work is spent.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from multilateral.errors import MultilateralError
from multilateral.model.text import strip_controls
from multilateral.settings import MAX_ARTICLE_BYTES, int_setting

MAX_BYTES = int_setting(MAX_ARTICLE_BYTES)
SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text")
_HTML_MARKERS = (b"<html", b"<!doctype html", b"<body", b"<p>", b"<div", b"<article", b"<head")


class UnreadableArticle(MultilateralError):
    """An input that is not an article we can read; the batch goes on without it."""

    exit_code = 2
    status = 422
    code = "unreadable_article"

    def __init__(self, name: str, problem: str, advice: str, *,
                 reason: str | None = None) -> None:
        self.name = name
        # A short reason when the input is readable but no article for us (another language,
        # no organization named): a page of a web archive so refused is skipped, not failed.
        self.reason = reason
        super().__init__(f"{name}: {problem}." + (f" {advice}" if advice else ""))

    def __reduce__(self) -> tuple[Any, ...]:
        # An outcome crosses processes (the readers of a Ray job): pickled as it stands,
        # since its arguments are not its message.
        return (_unreadable, (self.name, self.message, self.reason))


def _unreadable(name: str, message: str, reason: str | None) -> UnreadableArticle:
    error = UnreadableArticle.__new__(UnreadableArticle)
    MultilateralError.__init__(error, message)
    error.name, error.reason = name, reason
    return error


@dataclass(frozen=True)
class Raw:
    name: str  # the path or "-" as the user gave it
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Decoded:
    name: str
    sha256: str
    text: str
    is_html: bool
    encoding: str


def collect(paths: list[str], *, suffixes: tuple[str, ...] = SUFFIXES
            ) -> Iterator[Path | str | UnreadableArticle]:
    """Expand directories into their files whose names end in `suffixes` (sorted); `-`
    stands for stdin. A folder that cannot be listed comes out as its error, so that a
    batch counts it as failed."""
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, suffixes)
        else:
            yield path


def _walk(root: Path, suffixes: tuple[str, ...]) -> Iterator[Path | UnreadableArticle]:
    errors: list[OSError] = []
    found = [Path(folder) / name
             for folder, _, names in os.walk(root, onerror=errors.append) for name in names]
    for error in errors:
        yield UnreadableArticle(str(error.filename or root),
                                f"a folder that cannot be listed ({error.strerror})",
                                "Check its permissions, or leave it out of the batch.")
    yield from sorted(p for p in found if p.name.lower().endswith(suffixes) and p.is_file()
                      and not p.name.endswith(".gold.json"))


def load(item: Path | str, *, max_bytes: int = MAX_BYTES) -> Raw:
    if item == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return Raw("-", data)
    path = Path(item)
    if not path.exists():
        if path.is_symlink():
            raise UnreadableArticle(str(path), "a symbolic link that leads to no file (a loop, "
                                    "or its target is gone)", "Point it at the article file.")
        raise UnreadableArticle(str(path), "no such file", "Check the path.")
    if path.stat().st_size > max_bytes:
        raise UnreadableArticle(
            str(path), f"{path.stat().st_size:,} bytes is over the {max_bytes:,}-byte limit "
            "for one article", "Split the file, or save the article page alone.")
    try:
        return Raw(str(path), path.read_bytes())
    except OSError as exc:
        raise UnreadableArticle(str(path), f"cannot be read ({exc.strerror})",
                                "Check its permissions.") from None


def decode(raw: Raw, *, max_bytes: int = MAX_BYTES) -> Decoded:
    """Refuse what is not text, then decode with the encoding the bytes declare or show."""
    data = raw.data
    if len(data) > max_bytes:
        raise UnreadableArticle(raw.name, f"over the {max_bytes:,}-byte limit for one article",
                                "Split the input.")
    if not data.strip():
        raise UnreadableArticle(raw.name, "the file is empty", "Give an HTML or text article.")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableArticle(raw.name, "binary data, not an article",
                                "Give an HTML or text file (PDF and Word files are not read).")
    text, encoding = _decode_bytes(raw)
    head = data[:2048].lower()
    is_html = any(marker in head for marker in _HTML_MARKERS)
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    return Decoded(raw.name, raw.sha256, text, is_html, encoding)



# The encodings news pages come in; left free, the detector picks rare code pages
# (cp775 for a Latin-1 "Côte d'Ivoire").
_ENCODINGS = ["utf_16", "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "gb18030",
              "big5", "shift_jis", "euc_jp", "euc_kr", "cp1256", "iso8859_2", "cp1250"]
_DECLARED = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def _decode_bytes(raw: Raw) -> tuple[str, str]:
    try:
        return raw.data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(raw.data[:4096])
    if declared:
        try:
            name = declared.group(1).decode("ascii")
            return raw.data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to detection
    best = from_bytes(raw.data, cp_isolation=_ENCODINGS).best()
    if best is None or best.encoding is None:
        raise UnreadableArticle(raw.name, "not valid text in any common encoding",
                                "Save it as UTF-8 and try again.")
    text = str(best)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 20:
        raise UnreadableArticle(raw.name, "binary data, not an article",
                                "Give an HTML or text file.")
    return text, best.encoding
