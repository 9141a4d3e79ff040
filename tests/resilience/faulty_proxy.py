"""A TCP proxy in front of the real Elasticsearch node that can play dead, for outage tests.

The shared node is never stopped or frozen: the portal is pointed at this
proxy instead, and the proxy misbehaves on the node's behalf.

- `forward`: bytes go both ways, as if the portal talked to the node itself;
- `refuse`: a killed node: the listening socket is closed (new connections
  are refused) and every open connection is reset;
- `freeze`: a SIGSTOPped node: connections are accepted and requests read, but
  nothing is ever answered (what the node had started to send is dropped too).

It counts the HTTP requests it sees in each mode, so a test can tell how many
requests reached a dead node (the portal should stop asking after the first
failure), and it can reset the connection carrying one chosen request
(`reset_request`) to make a failure land partway through a piece of work.
"""

from __future__ import annotations

import contextlib
import random
import re
import selectors
import socket
import struct
import threading
from collections import Counter
from urllib.parse import urlsplit

MODES = ("forward", "refuse", "freeze")
# A request line; JSON bodies never hold a raw CRLF, so this never matches inside one.
REQUEST_LINE = re.compile(rb"(?:GET|HEAD|POST|PUT|DELETE) (\S+) HTTP/1\.[01]\r\n")
# Below Linux's ephemeral range (32768-60999): no outgoing connection takes the port while it is closed for `refuse`.
PORT_RANGE = (20000, 32000)
CHUNK = 65536


def _reset(sock: socket.socket) -> None:
    """Cut a connection as the kernel does a killed process's: shut down first, which also wakes this proxy's
    thread blocked reading it (a bare close would not), then close without lingering."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class _Pair:
    """One client connection and, while forwarding, its connection to the node."""

    def __init__(self, client: socket.socket, upstream: socket.socket | None):
        self.client = client
        self.upstream = upstream

    def close(self) -> None:
        _reset(self.client)
        if self.upstream is not None:
            _reset(self.upstream)


class FaultyProxy:
    def __init__(self, upstream_url: str):
        parts = urlsplit(upstream_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 9200)
        self.mode = "forward"
        self.requests: Counter[str] = Counter()  # requests seen, by the mode they arrived in
        self.paths: list[str] = []  # every request's path, in order (index names appear in them)
        self._lock = threading.Lock()
        self._pairs: set[_Pair] = set()
        self._reset_next: tuple[re.Pattern[bytes], int, str] | None = None
        self._running = True
        self._listener: socket.socket | None = None
        self.port = self._bind()
        self.url = f"http://127.0.0.1:{self.port}"
        self._accepting = threading.Thread(target=self._accept_loop, name="faulty-proxy-accept", daemon=True)
        self._accepting.start()

    # Control -------------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"Unknown proxy mode {mode!r}; expected one of {MODES}")
        with self._lock:
            self._set_mode(mode)

    def _set_mode(self, mode: str) -> None:
        previous, self.mode = self.mode, mode
        if mode == "refuse":
            self._close_listener()
        elif self._listener is None:
            self._listener = self._listen(self.port)
        # A killed node's connections die with it. A frozen node's stay open, silent; once it thaws they
        # are cut, as clients that timed out have given up on them anyway.
        if mode == "refuse" or (previous == "freeze" and mode != "freeze"):
            self._drop_connections()

    def reset_request(self, path_pattern: str, occurrence: int = 1, then: str = "forward") -> None:
        """Reset the connection carrying the `occurrence`-th request whose path matches, once; then go on in mode
        `then`: forwarding (a dropped connection) or refusing (the node died as that request arrived)."""
        if then not in MODES:
            raise ValueError(f"Unknown proxy mode {then!r}; expected one of {MODES}")
        with self._lock:
            self._reset_next = (re.compile(path_pattern.encode()), occurrence, then)

    def close(self) -> None:
        self._running = False
        with self._lock:
            self._close_listener()
            self._drop_connections()
        self._accepting.join(timeout=2)

    # Sockets -------------------------------------------------------------------------------------

    def _bind(self) -> int:
        for _ in range(200):
            port = random.randint(*PORT_RANGE)
            try:
                self._listener = self._listen(port)
            except OSError:
                continue
            return port
        raise RuntimeError("The faulty proxy found no free port")

    @staticmethod
    def _listen(port: int) -> socket.socket:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind(("127.0.0.1", port))
            listener.listen(64)
        except OSError:
            listener.close()
            raise
        listener.setblocking(False)
        return listener

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _drop_connections(self) -> None:
        for pair in self._pairs:
            pair.close()
        self._pairs.clear()

    def _accept_loop(self) -> None:
        while self._running:
            with self._lock:
                listener = self._listener
            if listener is None:
                threading.Event().wait(0.02)
                continue
            selector = selectors.DefaultSelector()
            try:
                selector.register(listener, selectors.EVENT_READ)
                ready = selector.select(timeout=0.05)
            except (OSError, ValueError):  # closed by set_mode meanwhile
                continue
            finally:
                selector.close()
            if ready:
                self._accept(listener)

    def _accept(self, listener: socket.socket) -> None:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        client.setblocking(True)
        with self._lock:
            if self.mode == "refuse":
                _reset(client)
                return
            upstream = None
            if self.mode == "forward":
                try:
                    upstream = socket.create_connection(self.upstream, timeout=5)
                    upstream.settimeout(None)
                except OSError:
                    _reset(client)
                    return
            pair = _Pair(client, upstream)
            self._pairs.add(pair)
        threading.Thread(target=self._pump, args=(pair, client, upstream, self._request), daemon=True).start()
        if upstream is not None:
            threading.Thread(target=self._pump, args=(pair, upstream, client, self._response), daemon=True).start()

    def _pump(self, pair: _Pair, source: socket.socket, target: socket.socket | None, look) -> None:
        """Move what arrives on one side to the other while the pair lives. `look(pair, data)`, called under the
        lock, says whether to pass it on, or None to cut the connection."""
        while True:
            try:
                data = source.recv(CHUNK)
            except OSError:
                data = b""
            with self._lock:
                verdict = look(pair, data) if data and pair in self._pairs else None
                if verdict is None:
                    self._forget(pair)
                    return
            if verdict and target is not None:
                try:
                    target.sendall(data)
                except OSError:
                    with self._lock:
                        self._forget(pair)
                    return

    def _request(self, pair: _Pair, data: bytes) -> bool | None:
        """Count each request; forward it, swallow it (freeze: read and never answer) or cut it (reset_request)."""
        paths = [match.group(1).decode("latin-1") for match in REQUEST_LINE.finditer(data)]
        self.requests[self.mode] += len(paths)
        self.paths += paths
        if then := self._reset_now(paths):
            self._set_mode(then)
            return None
        return self.mode == "forward"

    def _response(self, pair: _Pair, data: bytes) -> bool:
        return self.mode == "forward"  # a frozen node sends nothing, not even what it had ready

    def _reset_now(self, paths: list[str]) -> str | None:
        """The mode to go on in, when one of these requests is the one to reset."""
        if self._reset_next is None:
            return None
        pattern, remaining, then = self._reset_next
        for path in paths:
            if pattern.search(path.encode()):
                remaining -= 1
                if remaining == 0:
                    self._reset_next = None
                    return then
        self._reset_next = (pattern, remaining, then)
        return None

    def _forget(self, pair: _Pair) -> None:
        if pair in self._pairs:
            self._pairs.discard(pair)
            pair.close()
