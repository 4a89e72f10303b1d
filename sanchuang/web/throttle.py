"""A per-address limit on how often a public form may be sent, kept in this process.

Each web process counts on its own (run N processes and an address may send N times the
limit); the counts are lost on restart. Enough against a careless flood from one address;
not a defence against a distributed one."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from threading import Lock


class Throttle:
    def __init__(self, limit: int, period_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.period, self.clock = limit, period_seconds, clock
        self.seen: dict[str, deque[float]] = {}
        self.lock = Lock()

    def allow(self, address: str) -> bool:
        """Count one attempt from ``address``; False when it is over the limit."""
        now = self.clock()
        with self.lock:
            times = self.seen.setdefault(address, deque())
            while times and times[0] <= now - self.period:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True
