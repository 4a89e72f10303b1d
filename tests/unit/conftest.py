"""Puts this folder on sys.path (for ``fakes`` and ``flows``) and builds the bus with fakes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeClock, FakeQueue, FakeRenderer, FakeUnitOfWork
from flows import NOW, Flow, seed

from workflows.bus import MessageBus
from workflows.handlers import Deps


@pytest.fixture
def flow() -> Flow:
    clock, renderer, queue = FakeClock(NOW), FakeRenderer(), FakeQueue()
    uow = FakeUnitOfWork(clock)
    seed(uow.committed)
    bus = MessageBus(lambda: uow, Deps(clock, renderer, email_enabled=True), queue)
    return Flow(bus, uow, queue, clock, renderer).with_campaign()
