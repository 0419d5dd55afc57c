"""`serve --workers N` shares one listening socket; the connections it accepts send each
answer at once (TCP_NODELAY), not after the client's delayed acknowledgement."""

from __future__ import annotations

import socket

from multilateral.web import serving


def test_connections_accepted_by_several_workers_send_without_delay() -> None:
    listener = serving.listening_socket(serving.config("127.0.0.1", 0, workers=2))
    try:
        listener.listen(1)  # as each worker's server does
        client = socket.create_connection(listener.getsockname()[:2])
        accepted, _ = listener.accept()
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        accepted.close()
        client.close()
    finally:
        listener.close()
