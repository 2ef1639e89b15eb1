"""Real stand-ins for a broken service, on loopback only: a closed port (a dead service) and a
listener that accepts connections and never answers (a hung one)."""

import socket
import threading
from contextlib import closing


def closed_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SilentListener:
    """A server on 127.0.0.1 that accepts every connection and never sends a byte.

    Use as a context manager (``with SilentListener() as hung: ... hung.port``) or call
    ``close()``."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        for conn in self.connections:
            conn.close()
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
