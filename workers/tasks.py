"""Thin tasks: ids in, re-read from the store, call the bus, return nothing."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from celery import Celery
from celery.utils.time import get_exponential_backoff_interval

from models import bench
from models.errors import is_transient
from sanchuang.bootstrap import System, bootstrap
from sanchuang.delivery.deliver import deliver, make_mailer, make_texter
from sanchuang.delivery.mail import TransientMailError
from sanchuang.delivery.sms import TransientSmsError
from sanchuang.runtime import fsbroker
from sanchuang.runtime.celeryconfig import EVENTS, NOTIFICATIONS, SWEEPS, filesystem_options
from sanchuang.runtime.logs import REQUEST_ID
from sanchuang.runtime.queue import REQUEST_ID_HEADER
from sanchuang.settings import Settings
from workflows.commands import CloseDuePublicity, RemindOfDeadlines
from workflows.retry import RetriesExhausted

log = logging.getLogger("sanchuang.tasks")
TRANSIENT: tuple[type[Exception], ...] = (RetriesExhausted, TransientMailError,
                                          TransientSmsError, ConnectionError, TimeoutError)
MAX_RETRIES, MAX_BACKOFF_S = 8, 60
_system: dict[int, System] = {}


def transient(error: BaseException) -> bool:
    """Named transient failures only: the store's (see models.errors), a command that was
    still failing transiently after the bus's own retries, the mail server's, the SMS
    gateway's, the network's."""
    return isinstance(error, TRANSIENT) or is_transient(error)


def system(settings: Settings) -> System:
    """One System per worker process, built after the fork. A command is run again the
    bus's count of times only: Celery retries the task besides, freeing the pool meanwhile."""
    pid = os.getpid()
    if pid not in _system:
        _system.clear()
        _system[pid] = bootstrap(settings, retry_budget=0.0)
    return _system[pid]


def request_id_of(request: Any) -> str | None:
    """The id of the web request that caused this task (a message header), if any."""
    found = getattr(request, REQUEST_ID_HEADER, None) or (request.headers or {}).get(
        REQUEST_ID_HEADER)
    return str(found) if found else None


def house_task(app: Celery, name: str, queue: str) -> Callable[[Callable[..., Any]], Any]:
    """Every task: a dotted name, a queue, results ignored, structured logs (under the id of
    the web request that caused it, if one did), and retries with backoff only on named
    transient errors."""

    def decorate(func: Callable[..., Any]) -> Any:
        @app.task(name=name, bind=True, queue=queue, ignore_result=True, acks_late=True,
                  max_retries=MAX_RETRIES)
        @wraps(func)
        def task(self: Any, *args: Any) -> None:
            token = REQUEST_ID.set(request_id_of(self.request))
            try:
                run_logged(self, name, func, args)
            finally:
                REQUEST_ID.reset(token)

        return task

    return decorate


def run_logged(task: Any, name: str, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
    extra = {"task": name, "task_id": task.request.id, "task_args": args,
             "retries": task.request.retries}
    log.info("task started", extra=extra)
    try:
        func(*args)
    except Exception as error:
        if not transient(error):
            raise
        log.warning("task failed transiently; retrying",
                    extra={**extra, "error": type(error).__name__})
        raise task.retry(exc=error, countdown=get_exponential_backoff_interval(
            1, task.request.retries, MAX_BACKOFF_S, full_jitter=True)) from error
    log.info("task done", extra=extra)


def register(app: Celery, settings: Settings) -> None:
    lease = timedelta(seconds=settings.delivery_lease_seconds)

    @house_task(app, "sanchuang.handle_events", EVENTS)
    def handle_events(event_ids: list[int]) -> None:
        handle_in_batches(system(settings), event_ids)

    @house_task(app, "sanchuang.deliver_notification", NOTIFICATIONS)
    def deliver_notification(notification_id: int) -> None:
        deliver(system(settings).store, make_mailer(settings), notification_id, lease,
                make_texter(settings))

    @house_task(app, "sanchuang.sweep_publicity", SWEEPS)
    def sweep_publicity() -> None:
        system(settings).bus.handle(CloseDuePublicity())

    @house_task(app, "sanchuang.remind_deadlines", SWEEPS)
    def remind_deadlines() -> None:
        system(settings).bus.handle(RemindOfDeadlines())

    @house_task(app, "sanchuang.sweep_outbox", SWEEPS)
    def sweep_outbox() -> None:
        sweep(system(settings), settings, lease)

    @house_task(app, "sanchuang.bench_bare", EVENTS)
    def bench_bare(item_id: int) -> None:
        """The benchmark's baseline: one message, one UPDATE + INSERT transaction."""
        bench.touch(system(settings).store, item_id)


def handle_in_batches(sys_: System, event_ids: list[int]) -> None:
    """Apply a batch in one transaction; if it fails for a reason that is not transient,
    apply its events one by one so that a single bad event cannot hold up the others."""
    try:
        sys_.bus.handle_events(event_ids)
    except Exception as error:
        if transient(error) or len(event_ids) == 1:
            raise
        log.exception("batch failed; applying its events one by one",
                      extra={"event_ids": event_ids})
        for event_id in event_ids:
            apply_alone(sys_, event_id)


def apply_alone(sys_: System, event_id: int) -> None:
    try:
        sys_.bus.handle_events([event_id])
    except Exception as error:
        if transient(error):
            raise
        log.exception("event failed; it stays in the outbox", extra={"event_id": event_id})


def sweep(sys_: System, settings: Settings, lease: timedelta) -> None:
    """Re-publish events and e-mails that are still waiting after a while."""
    before = sys_.store.clock.now() - timedelta(seconds=settings.outbox_stale_seconds)
    with sys_.store.uow() as uow:
        events = uow.outbox.stale(before)
        notes = uow.notifications.stuck(before, lease)
    if events:
        log.warning("re-publishing stale events", extra={"count": len(events)})
        sys_.bus.queue.publish_events(events)
    if notes:
        log.warning("re-publishing undelivered notifications", extra={"count": len(notes)})
        sys_.bus.queue.deliver_notifications(notes)
    if settings.embedded:
        fsbroker.prune(filesystem_options(settings)["processed_folder"])
