"""Everything twice: two beat processes at once; every event and every notification
published twice. Every task may run twice, so each still has one effect."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from campaigns import Outcome
from faulted import FaultedCampaign, assert_like_undisturbed, fault_settings, in_flight
from smtp_sink import Mailboxes

from models import queries
from sanchuang.runtime.processes import wait_for
from sanchuang.runtime.queue import CeleryQueue
from sanchuang.settings import Settings


class TwiceQueue:
    """The doorbell rung twice for every event and notification the campaign commits."""

    def __init__(self, settings: Settings):
        self.queue, self.rung = CeleryQueue(settings), 0

    def publish_events(self, event_ids: Sequence[int]) -> None:
        for _ in range(2):
            self.queue.publish_events(event_ids)
        self.rung += len(event_ids)

    def deliver_notifications(self, notification_ids: Sequence[int]) -> None:
        for _ in range(2):
            self.queue.deliver_notifications(notification_ids)
        self.rung += len(notification_ids)


def test_two_beats_at_once_send_each_reminder_and_close_each_window_once(
        tmp_path: Path, pg_url: str, broker_url: str, smtp: tuple[int, Mailboxes],
        undisturbed: Outcome) -> None:
    port, boxes = smtp
    with FaultedCampaign(fault_settings(tmp_path, pg_url, broker_url, port)) as campaign:
        second = campaign.workers.start_another("beat", "-s", str(tmp_path / "second-beat"))
        flight = campaign.strike(lambda: None)
        disturbed = campaign.finish()
        beats = [campaign.workers.procs[key].poll() is None for key in ("beat", second)]
    assert flight, "nothing was in flight while the two beats ran"
    assert beats == [True, True], "the two beats did not both run through the campaign"
    assert_like_undisturbed(disturbed, undisturbed, boxes, once_on_the_wire=True)


def test_every_event_and_notification_published_twice_has_one_effect(
        tmp_path: Path, pg_url: str, broker_url: str, smtp: tuple[int, Mailboxes],
        undisturbed: Outcome) -> None:
    port, boxes = smtp
    settings = fault_settings(tmp_path, pg_url, broker_url, port)
    twice = TwiceQueue(settings)
    with FaultedCampaign(settings, twice) as campaign:
        store = campaign.run.system.store

        def again() -> None:  # and what the workers raised themselves, once more
            twice.publish_events(queries.event_ids(store))
            twice.deliver_notifications([n["id"] for n in queries.notifications(store)])

        flight = campaign.strike(again)
        disturbed = campaign.finish()
        again()
        consumed = wait_for(lambda: not in_flight(store, settings.broker), 60)
    assert consumed, "the last duplicates were not consumed"
    assert flight, "nothing was in flight when everything was published again"
    assert twice.rung > 0
    assert_like_undisturbed(disturbed, undisturbed, boxes, once_on_the_wire=True)
