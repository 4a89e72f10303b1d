"""What batch event handlers share: the nominations a batch of events concerns."""

from __future__ import annotations

from workflows import events
from workflows.handlers.context import nomination_ids
from workflows.ports import StoredEvent


def test_a_batch_concerns_each_nomination_once_in_the_order_first_raised() -> None:
    group = [StoredEvent(1, events.ReviewRecorded("n2", "r1")),
             StoredEvent(2, events.VettingCleared("n1")),
             StoredEvent(3, events.ReviewRecorded("n2", "r2")),
             StoredEvent(4, events.OutsideScoresRecorded("n3"))]

    assert nomination_ids(group) == ["n2", "n1", "n3"]
