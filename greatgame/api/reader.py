"""The server's read-only connection: one DuckDB connection shared by all requests, let go often.

Opening the database file costs about 30 ms, more than most queries, so the server keeps one
read-only connection open and gives each request its own cursor (``con.cursor()``: DuckDB's
way to use one database from several threads). But DuckDB lets no one open the file for
writing while any process has it open, so the connection must not be held for long:

* it is closed when no request has used it for ``idle`` seconds (1 s);
* under steady load it is closed at the latest ``max_age`` seconds (3 s) after the last pause:
  new requests wait, those in flight finish, and the file stays closed for ``gap`` seconds
  (0.6 s). A writer retries its lock every 0.5 s at most, for 5 s (``store.connect``), so it
  gets in within about 4 s even while the server is busy; then requests answer 503 as before.

Every reopening reads the file as it is then, so a finished ingest shows within ``max_age``.

At most ``limit`` (8) requests hold a cursor at a time, served in the order they came. This
keeps two cores busy without 40 threads fighting over them, and it bounds how long a pause
waits for the requests in flight. Waiting happens in the event loop (``await anyio.sleep``),
never in a worker thread, so waiting requests cannot starve the ones they wait for; opening
and closing run in worker threads.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import anyio

from greatgame.store import Store

logger = logging.getLogger(__name__)

IDLE = 1.0  # seconds without a request before the file is closed
MAX_AGE = 3.0  # seconds the file may stay open under load without a pause
GAP = 0.6  # seconds the file stays closed when it was taken away from a busy server
POLL = 0.005  # seconds between looks while a request waits for the connection
LIMIT = 8  # requests reading at the same time; the others wait their turn, first come first served


class SharedReader:
    """One read-only ``Store`` shared by the requests; ``await acquire(path)`` gives a cursor Store."""

    def __init__(self, idle: float = IDLE, max_age: float = MAX_AGE, gap: float = GAP, limit: int = LIMIT):
        self.idle, self.max_age, self.gap, self.limit = idle, max_age, gap, limit
        self._lock = threading.Condition()
        self._store: Store | None = None  # the open connection (its ``con`` is the parent of the cursors)
        self._users = 0  # cursors handed out and not yet given back
        self._tickets = 0  # requests are served in the order they asked: ticket numbers
        self._serving = 0  # the ticket whose turn it is
        self._gone: set[int] = set()  # tickets given up (failed or cancelled requests)
        self._draining = False  # closing as soon as the users are done; no new cursors meanwhile
        self._opening = False
        self._epoch = 0.0  # when the file was opened after a pause of at least ``gap``
        self._closed_at: float | None = None
        self._closed_until = 0.0  # no reopening before this (the pause left for a writer)
        self._last_used = 0.0
        self._failure: tuple[float, Exception] | None = None  # the last failed opening, shared with waiters
        self._reaper: threading.Thread | None = None
        self._fingerprint: tuple | None = None

    async def acquire(self, path: str | Path, lock_timeout: float) -> Store:
        """A Store over a fresh cursor of the shared connection, opening the file when needed.

        Raises what opening raises (``DatabaseLocked``, ``StoreError``, ``SchemaOutOfDate``), also
        to the requests that were waiting while another one tried to open it.
        """
        asked = time.monotonic()
        with self._lock:
            ticket = self._tickets
            self._tickets += 1
        try:
            while True:
                with self._lock:
                    granted = self._grant(ticket, str(path))
                    if granted is not None:
                        return granted
                    if self._failure is not None and self._failure[0] >= asked:
                        raise self._failure[1]
                    now = time.monotonic()
                    must_open = self._store is None and not self._opening and now >= self._closed_until
                    self._opening = self._opening or must_open
                if must_open:
                    await anyio.to_thread.run_sync(self._open, str(path), lock_timeout)
                else:
                    await anyio.sleep(POLL)
        except BaseException:  # failed, or the client went away: let the next ticket through
            with self._lock:
                self._gone.add(ticket)
                self._skip_gone()
            raise

    def _grant(self, ticket: int, path: str) -> Store | None:
        """A cursor Store when it is ``ticket``'s turn and the connection has room (lock held)."""
        store = self._store
        if store is not None and store.path != path:
            self._draining = True  # the app was pointed at another database
        if store is None or self._draining or ticket != self._serving or self._users >= self.limit:
            return None
        self._users += 1
        self._serving += 1
        self._skip_gone()
        self._last_used = time.monotonic()
        return _CursorStore(store.path, store.con.cursor(), self._fingerprint)

    def _skip_gone(self) -> None:
        while self._serving in self._gone:
            self._gone.discard(self._serving)
            self._serving += 1

    def release(self, store: Store) -> None:
        """Give a cursor Store back (after the request)."""
        store.close()
        with self._lock:
            self._users -= 1
            self._last_used = time.monotonic()
            if self._users == 0:
                self._lock.notify_all()

    def close(self) -> None:
        """Close the connection now (at shutdown); the next request opens it again."""
        with self._lock:
            self._draining = True
            self._lock.notify_all()
        if self._reaper is not None:
            self._reaper.join(timeout=30)

    @property
    def is_open(self) -> bool:
        """Whether the file is open (for tests and logs)."""
        return self._store is not None

    def _open(self, path: str, lock_timeout: float) -> None:
        try:
            store = Store(path, read_only=True, lock_timeout=lock_timeout)
            fingerprint = file_state(path)  # after opening: no writer can change the file while it is open
        except Exception as exc:
            with self._lock:
                self._opening = False
                self._failure = (time.monotonic(), exc)
            raise
        with self._lock:
            now = time.monotonic()
            if self._closed_at is None or now - self._closed_at >= self.gap:
                self._epoch = now  # a pause long enough for a writer: the clock starts again
            self._store, self._opening, self._failure = store, False, None
            self._fingerprint = fingerprint
            self._draining, self._last_used = False, now
            if self._reaper is None:
                self._reaper = threading.Thread(target=self._reap, name="greatgame-reader", daemon=True)
                self._reaper.start()

    def _reap(self) -> None:
        """Background thread while the file is open: close it when idle, old, or asked to."""
        while True:
            with self._lock:
                self._lock.wait(0.05)
                now = time.monotonic()
                if now - self._epoch >= self.max_age:
                    self._draining = True
                idle = self._users == 0 and now - self._last_used >= self.idle
                if not (idle or (self._draining and self._users == 0)):
                    continue
                store, pause = self._store, self._draining
                self._store, self._reaper, self._draining = None, None, False
                self._closed_at = now
                self._closed_until = now + self.gap if pause else now
            _close(store, pause)
            return


class _CursorStore(Store):
    """A Store over a cursor of the shared connection (closing it closes only the cursor).

    ``fingerprint`` names the state of the file it reads (see ``file_state``): answers computed
    from one state can be reused for another request that reads the same state.
    """

    def __init__(self, path: str, cursor, fingerprint: tuple | None):  # noqa: D107 - the parent opened and checked
        self.path = path
        self.read_only = True
        self.con = cursor
        self.fingerprint = fingerprint


def file_state(path: str | Path) -> tuple:
    """Identity, size and modification time of the database file and of its write-ahead log.

    Every write changes one of them, so two connections that see the same state read the same data.
    """
    out: list = [str(Path(path).resolve())]
    for name in (str(path), f"{path}.wal"):
        try:
            st = Path(name).stat()
            out.append((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


def _close(store: Store | None, pause: bool) -> None:
    if store is None:
        return
    store.close()
    logger.debug("closed the database %s (%s)", store.path, "pause for writers" if pause else "idle")

