"""WARC files written by hand for the tests: the bytes the WARC 1.0 format lays down (a
header block, the content, two CRLFs), one gzip member per record for .warc.gz, so that a
test can cut, corrupt or inflate any record it names."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from html import escape
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles"


@dataclass(frozen=True)
class Rec:
    type: str  # response, request, metadata
    url: str
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-03-05T10:00:00Z"
    status: int = 200
    declared: int | None = None  # a Content-Length that lies (a truncated record)
    encoding: str = ""  # "gzip" or "chunked": the payload as a server sent it

    def block(self) -> bytes:
        if self.type == "response":
            body, sent = self.body, f"Content-Length: {len(self.body)}"
            if self.encoding == "gzip":
                body = gzip.compress(self.body, mtime=0)
                sent = f"Content-Encoding: gzip\r\nContent-Length: {len(body)}"
            elif self.encoding == "chunked":
                body = b"".join(b"%x\r\n%s\r\n" % (len(self.body[at:at + 100]),
                                                    self.body[at:at + 100])
                                for at in range(0, len(self.body), 100)) + b"0\r\n\r\n"
                sent = "Transfer-Encoding: chunked"
            return (f"HTTP/1.1 {self.status} OK\r\nContent-Type: {self.content_type}\r\n"
                    f"{sent}\r\n\r\n").encode() + body
        if self.type == "request":
            return f"GET {self.url} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
        return self.body or b"fetchTimeMs: 12\r\n"

    def to_bytes(self) -> bytes:
        block = self.block()
        kind = {"response": "application/http; msgtype=response",
                "request": "application/http; msgtype=request"}.get(
                    self.type, "application/warc-fields")
        ident = hashlib.sha1(f"{self.type} {self.url}".encode()).hexdigest()
        length = len(block) if self.declared is None else self.declared
        date = f"WARC-Date: {self.date}\r\n" if self.date else ""  # "": none (a bench)
        head = (f"WARC/1.0\r\nWARC-Type: {self.type}\r\nWARC-Target-URI: {self.url}\r\n"
                f"{date}WARC-Record-ID: <urn:uuid:{ident}>\r\n"
                f"Content-Type: {kind}\r\nContent-Length: {length}\r\n\r\n").encode()
        return head + block + b"\r\n\r\n"


def warc_bytes(records: list[Rec], *, gz: bool) -> tuple[bytes, list[int]]:
    """The file's bytes and each record's offset in them."""
    out = bytearray()
    offsets = []
    for record in records:
        offsets.append(len(out))
        data = record.to_bytes()
        out += gzip.compress(data, mtime=0) if gz else data
    return bytes(out), offsets


def write_warc(path: Path, records: list[Rec]) -> list[int]:
    data, offsets = warc_bytes(records, gz=path.name.endswith(".gz"))
    path.write_bytes(data)
    return offsets


def page(text: str, title: str = "") -> bytes:
    """A plain HTML page around an article's text, a paragraph per line."""
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in text.splitlines()
                         if line.strip())
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<article><h1>{escape(title)}</h1>\n{paragraphs}</article></body></html>").encode()


def gold_texts() -> list[tuple[str, str]]:
    """The own-words gold articles (name, text), in name order."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.txt"))]


def crawl(count: int) -> list[Rec]:
    """A crawl of `count` distinct pages made from the gold articles (each page a request,
    a response and a metadata record), each varied by a numbered line of its own so that no
    two share their content."""
    texts = gold_texts()
    records: list[Rec] = []
    for n in range(count):
        name, text = texts[n % len(texts)]
        url = f"https://news.example.org/{n:03d}/{name}"
        body = page(f"{text}\n(Edition {n} of the archive.)", title=name.replace("_", " "))
        records += [Rec("request", url), Rec("response", url, body),
                    Rec("metadata", url)]
    return records
