"""The producer side of the broker: sends task messages by name, never imports the workers."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from celery import Celery

from sanchuang.runtime.celeryconfig import EVENTS, NOTIFICATIONS, celery_config
from sanchuang.settings import Settings

HANDLE_EVENTS = "sanchuang.handle_events"
DELIVER_NOTIFICATION = "sanchuang.deliver_notification"


class CeleryQueue:
    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def app(self) -> Celery:
        app = Celery("sanchuang-producer", set_as_current=False)
        app.conf.update(celery_config(self.settings))
        return app

    def publish_events(self, event_ids: Sequence[int]) -> None:
        size = self.settings.event_batch
        with self.app.producer_or_acquire() as producer:
            for start in range(0, len(event_ids), size):
                self.app.send_task(HANDLE_EVENTS, args=[list(event_ids[start:start + size])],
                                   queue=EVENTS, producer=producer)

    def deliver_notifications(self, notification_ids: Sequence[int]) -> None:
        with self.app.producer_or_acquire() as producer:
            for notification_id in notification_ids:
                self.app.send_task(DELIVER_NOTIFICATION, args=[notification_id],
                                   queue=NOTIFICATIONS, producer=producer)
