"""The producer side of the broker: sends task messages by name, never imports the workers.

A message sent while serving a web request (or running a task that one caused) carries the
request's id in its ``request_id`` header, never in the task's arguments: the worker logs
under it (workers/tasks.py ``house_task``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

import redis
from celery import Celery

from sanchuang.runtime.celeryconfig import EVENTS, NOTIFICATIONS, SWEEPS, celery_config
from sanchuang.runtime.logs import REQUEST_ID
from sanchuang.settings import Settings

HANDLE_EVENTS = "sanchuang.handle_events"
DELIVER_NOTIFICATION = "sanchuang.deliver_notification"
REQUEST_ID_HEADER = "request_id"


def request_headers() -> dict[str, Any]:
    """The ``headers`` option of a task sent now: the current request id, if any."""
    request_id = REQUEST_ID.get()
    return {"headers": {REQUEST_ID_HEADER: request_id}} if request_id else {}


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
                                   queue=EVENTS, producer=producer, **request_headers())

    def deliver_notifications(self, notification_ids: Sequence[int]) -> None:
        with self.app.producer_or_acquire() as producer:
            for notification_id in notification_ids:
                self.app.send_task(DELIVER_NOTIFICATION, args=[notification_id],
                                   queue=NOTIFICATIONS, producer=producer,
                                   **request_headers())


def queue_depths(settings: Settings) -> dict[str, int] | None:
    """Messages waiting in each queue, read from a Redis broker (None on the folder broker,
    whose messages of all queues share one folder). Raises ``redis.RedisError`` when the
    broker does not answer."""
    if settings.embedded:
        return None
    client = redis.Redis.from_url(settings.broker, socket_timeout=2, socket_connect_timeout=2)
    try:
        return {queue: int(client.llen(queue)) for queue in (EVENTS, NOTIFICATIONS, SWEEPS)}
    finally:
        client.close()
