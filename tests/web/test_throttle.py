"""The per-address throttle counts attempts in a sliding window, per address."""

from __future__ import annotations

from sanchuang.web.throttle import Throttle


class Ticking:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_over_the_limit_is_refused_until_its_oldest_attempt_ages_out() -> None:
    clock = Ticking()
    throttle = Throttle(limit=5, period_seconds=600, clock=clock)
    assert [throttle.allow("10.0.0.1") for _ in range(6)] == [True] * 5 + [False]
    assert throttle.allow("10.0.0.2")  # another address has its own count
    clock.now += 599
    assert not throttle.allow("10.0.0.1")
    clock.now += 1
    assert throttle.allow("10.0.0.1")
