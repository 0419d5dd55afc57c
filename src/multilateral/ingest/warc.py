"""Stage 1a for web archives: the records of a WARC file (plain, or gzip by record), read
with fastwarc.

`scan` walks a file's records by their WARC headers alone: it never reads a payload, so a
restarted job passes over its done records cheaply. `read` seeks to one record by its
offset (in the file as stored: the compressed offset of its gzip member) and returns its
HTTP payload with its URL and capture day. Whatever is wrong is said with the file and the
offset: a corrupt or truncated record is one failure, a broken gzip member ends its file.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord

from multilateral.ingest.reading import MAX_BYTES, UnreadableArticle

SUFFIXES = (".warc", ".warc.gz")
# The payloads that can be an article; a response without a Content-Type is tried.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path | str) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def where(path: Path | str, offset: int) -> str:
    """How a record is named in messages: its file and offset."""
    return f"{path} (record at offset {offset})"


@dataclass(frozen=True)
class Header:
    """What a record says of itself before its payload is read."""

    offset: int
    type: str  # response, request, metadata, ...
    url: str | None
    length: int | None  # the WARC Content-Length: the HTTP headers and the payload


@dataclass(frozen=True)
class Skip:
    """A record that is no article, by its headers: not a response, not HTML or text."""

    offset: int
    reason: str


@dataclass(frozen=True)
class Record:
    """A response record's payload, ready for the article reader."""

    offset: int
    url: str | None
    captured: dt.date | None  # WARC-Date, else the HTTP Date: the day it was archived
    data: bytes


def scan(path: Path, *, max_bytes: int = MAX_BYTES
         ) -> Iterator[Header | Skip | UnreadableArticle]:
    """The file's records in order, lazily: a response record that may be an article as
    its Header, others as a Skip, a corrupt or oversized one as its error. A broken gzip
    member ends the file with an error naming where."""
    last: int | None = None
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield UnreadableArticle(str(path), f"cannot be read ({exc.strerror})",
                                "Check its permissions.")
        return
    try:
        with stream:
            for record in _records(stream, parse_http=False):
                last = record.stream_pos
                header = _header(record)
                yield triage(path, header, max_bytes) or header
    except OSError as exc:  # fastwarc: a gzip member that does not decompress, a bad header
        if last is None:
            yield UnreadableArticle(str(path), f"not a WARC archive ({exc})",
                                    "Give a .warc or .warc.gz file as a crawler writes it.")
        else:
            yield UnreadableArticle(str(path), f"the archive is broken after the record at "
                                    f"offset {last} ({exc}); the rest of the file is not "
                                    "read", "Check the file, or fetch it again.")
        return
    truncated = _truncated_member(path, last or 0) if str(path).lower().endswith(".gz") \
        else None
    if last is None and truncated is None:
        yield UnreadableArticle(str(path), "no WARC record in the file",
                                "Give a .warc or .warc.gz file as a crawler writes it.")
    elif truncated is not None:
        yield UnreadableArticle(where(path, truncated), "the file ends inside this gzip "
                                "member (a truncated download?)", "Fetch the file again.")


def triage(path: Path | str, header: Header, max_bytes: int = MAX_BYTES
           ) -> Skip | UnreadableArticle | None:
    """Why a record is not read, from its WARC headers alone; None when it is read."""
    if header.type == "unknown":
        return UnreadableArticle(where(path, header.offset), "a corrupt record (its WARC "
                                 "header names no record type)", "Check the archive.")
    if header.type != "response":
        return Skip(header.offset, f"{header.type} record")
    if header.length is None:
        return UnreadableArticle(where(path, header.offset), "a corrupt record (no "
                                 "Content-Length in its WARC header)", "Check the archive.")
    if header.length > max_bytes:
        return UnreadableArticle(where(path, header.offset), f"{header.length:,} bytes is "
                                 f"over the {max_bytes:,}-byte limit for one article; not "
                                 "read", "Raise MULTILATERAL_MAX_ARTICLE_BYTES to read it.")
    return None


def read(path: Path | str, offset: int, *, max_bytes: int = MAX_BYTES) -> Record | Skip:
    """The response record at `offset`; raises UnreadableArticle when it cannot be read.
    The payload is read as stored first (a record cut short shows in its length); one sent
    gzip-compressed or chunked is then read again, decoded, up to `max_bytes`."""
    name = where(path, offset)
    try:
        with Path(path).open("rb") as stream:
            record = _record_at(stream, offset, name, decode=False)
            refused = triage(path, _header(record), max_bytes) or _not_text(record, offset)
            if isinstance(refused, UnreadableArticle):
                raise refused
            if refused is not None:
                return refused
            data = record.reader.read()
            if len(data) < record.content_length:
                raise UnreadableArticle(name, f"a truncated record ({len(data):,} of "
                                        f"{record.content_length:,} bytes)",
                                        "Fetch the file again.")
            if _encoded(record):
                data = _record_at(stream, offset, name, decode=True).reader.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableArticle(name, f"the record cannot be read ({exc})",
                                "Check the archive.") from None
    if len(data) > max_bytes:
        raise UnreadableArticle(name, f"decoded, it is over the {max_bytes:,}-byte limit for "
                                "one article", "Raise MULTILATERAL_MAX_ARTICLE_BYTES to read it.")
    return Record(offset, _url(record), _captured(record), data)


def _record_at(stream: BinaryIO, offset: int, name: str, *, decode: bool) -> WarcRecord:
    stream.seek(offset)
    record = next(iter(ArchiveIterator(stream, parse_http=True, fsspec_args=False,
                                       auto_decode="all" if decode else "none")), None)
    if record is None or record.stream_pos != offset:
        raise UnreadableArticle(name, "no WARC record starts at this offset",
                                "List the file's records again.")
    return record


def _encoded(record: WarcRecord) -> bool:
    """Whether the HTTP payload is stored compressed or chunked, as it was sent."""
    headers = record.http_headers
    if headers is None:
        return False
    return any((headers.get(field) or "identity").strip().lower() != "identity"
               for field in ("Content-Encoding", "Transfer-Encoding"))


def _records(stream: BinaryIO, *, parse_http: bool) -> ArchiveIterator:
    return ArchiveIterator(stream, parse_http=parse_http, fsspec_args=False)


def _header(record: WarcRecord) -> Header:
    length = record.headers.get("Content-Length")
    return Header(record.stream_pos, str(record.record_type), _url(record),
                  int(length) if length and length.strip().isdigit() else None)


def _url(record: WarcRecord) -> str | None:
    url = record.headers.get("WARC-Target-URI")
    return url.strip().strip("<>") or None if url else None


def _not_text(record: WarcRecord, offset: int) -> Skip | None:
    status = record.http_headers.status_code if record.http_headers else None
    if status is not None and status != 200:
        return Skip(offset, f"HTTP {status}")
    kind = (record.http_content_type or "").split(";")[0].strip().lower()
    if kind and kind not in TEXT_TYPES:
        return Skip(offset, kind)
    return None


def _captured(record: WarcRecord) -> dt.date | None:
    for moment in (record.record_date, record.http_date):
        if moment is not None:
            return moment.date()
    return None


def _truncated_member(path: Path, start: int) -> int | None:
    """The offset of a gzip member the file ends inside, looked for from `start` (the last
    record fastwarc gave: it ends a file quietly at a cut member). Streamed, and each
    member's output dropped as it comes: memory stays bounded whatever the file holds."""
    inflate: Any = None
    at = position = start  # the member being checked; the first byte not yet fed
    with path.open("rb") as stream:
        stream.seek(start)
        data = b""
        while True:
            if not data:
                data = stream.read(1 << 16)
                if not data:
                    return at if inflate is not None else None
            if inflate is None:
                inflate, at = zlib.decompressobj(wbits=31), position
            try:
                inflate.decompress(data, 1 << 20)
            except zlib.error:
                return at
            rest = inflate.unused_data if inflate.eof else inflate.unconsumed_tail
            position += len(data) - len(rest)
            data = rest
            if inflate.eof:
                inflate = None
