"""Running the site under uvicorn: one process, or several sharing one listening socket.

uvicorn opens the shared socket with protocol 0, and asyncio turns Nagle's algorithm off
only on connections whose protocol is TCP by name; so with `--workers 2` every answer's
body waited for the client's delayed acknowledgement of its headers, 40 ms an answer
(measured: 44 ms a request over one keep-alive connection, against 0.7 ms with one worker).
Linux gives each accepted connection the listening socket's TCP_NODELAY, so it is set there.
"""

from __future__ import annotations

import contextlib
import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

APP = "multilateral.web.app:serving_app"


def config(host: str, port: int, workers: int) -> uvicorn.Config:
    # The app decides whom to believe about client addresses (the trusted-proxies setting);
    # uvicorn would otherwise take X-Forwarded-For from any local proxy.
    return uvicorn.Config(APP, factory=True, host=host, port=port, workers=workers,
                          log_level="warning", proxy_headers=False)


def listening_socket(settings: uvicorn.Config) -> socket.socket:
    sock = settings.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def run(host: str, port: int, workers: int) -> None:
    """Serve until stopped (Ctrl-C or a signal)."""
    settings = config(host, port, workers)
    if workers == 1:
        uvicorn.run(APP, factory=True, host=host, port=port, log_level="warning",
                    proxy_headers=False)
        return
    # What uvicorn.run does for several workers, with the socket made here.
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(settings, sockets=[listening_socket(settings)]).run()
