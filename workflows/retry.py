"""Running a command again from scratch after a transient store error (a deadlock, a
serialization failure, a lost connection, a restarting server): a bounded number of times,
with jittered backoff. What counts as transient is the store's to say; it is injected."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def never(_error: BaseException) -> bool:
    return False


def half_jitter(ceiling: float) -> float:
    """Somewhere between half the ceiling and the ceiling, so that writers who collided
    come back at different moments."""
    return ceiling / 2 + random.uniform(0, ceiling / 2)


class RetriesExhausted(Exception):
    """A command failed transiently on every attempt; ``__cause__`` is the last error."""

    def __init__(self, command: str, retries: int, error: BaseException):
        super().__init__(f"{command}: still failing after {retries} retries: "
                         f"{type(error).__name__}")
        self.command, self.retries, self.error = command, retries, error


@dataclass(frozen=True)
class RetryPolicy:
    """``retries``: how many times a command is run again after its first attempt.
    ``budget``: seconds since the first attempt during which it is run again even after
    ``retries`` (an operator's command rides out a database restart; a worker's task has
    retries of its own and keeps the count alone)."""

    is_transient: Callable[[BaseException], bool] = never
    retries: int = 0
    first_delay: float = 0.1
    max_delay: float = 2.0
    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[float], float] = half_jitter
    budget: float = 0.0
    clock: Callable[[], float] = time.monotonic

    def delay(self, retry: int) -> float:
        """The pause before retry number ``retry`` (1, 2, …): doubling, capped, jittered."""
        return self.jitter(min(self.max_delay, self.first_delay * 2 ** (retry - 1)))

    def run(self, command: str, attempt: Callable[[], T]) -> T:
        """Call ``attempt`` until it succeeds, fails for a reason that is not transient
        (raised at once), or has failed transiently ``retries + 1`` times and the next
        pause would end past the ``budget``."""
        began, retry = self.clock(), 0
        while True:
            try:
                return attempt()
            except Exception as error:
                if not self.is_transient(error):
                    raise
                pause = self.delay(retry + 1)
                if retry >= self.retries and self.clock() - began + pause > self.budget:
                    raise RetriesExhausted(command, retry, error) from error
                retry += 1
                log.warning("transient store error; running the command again", extra={
                    "command": command, "attempt": retry + 1, "error": type(error).__name__,
                    "delay_s": round(pause, 3)})
                self.sleep(pause)
