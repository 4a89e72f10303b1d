"""The message bus: commands run in one unit of work; events come back through the outbox."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from workflows.commands import Command
from workflows.errors import DomainError
from workflows.handlers import COMMAND_HANDLERS, EVENT_HANDLERS, Deps
from workflows.ports import Queue, StoredEvent, UnitOfWork
from workflows.retry import RetryPolicy

log = logging.getLogger(__name__)


class MessageBus:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], deps: Deps, queue: Queue,
                 batch: int = 0, retry: RetryPolicy | None = None):
        """``batch``: when handling events, also take up to this many other waiting ones.
        ``retry``: how often a command that failed transiently is run again from scratch."""
        self.uow_factory, self.deps, self.queue, self.batch = uow_factory, deps, queue, batch
        self.retry = retry or RetryPolicy()

    def handle(self, command: Command) -> Any:
        """Run one command all-or-nothing; a refusal raises and changes nothing. A transient
        store error runs it again in a new unit of work; what a failed attempt raised is
        rolled back with it."""
        return self.attempt(type(command).__name__, lambda: self.handle_once(command))

    def handle_events(self, event_ids: Sequence[int]) -> int:
        """Apply a batch of outbox events in one transaction; each runs at most once."""
        return self.attempt("handle_events", lambda: self.handle_events_once(event_ids))

    def attempt(self, name: str, run: Callable[[], Any]) -> Any:
        try:
            return self.retry.run(name, run)
        except DomainError:
            raise
        except Exception:
            log.exception("command failed", extra={"command": name})
            raise

    def handle_once(self, command: Command) -> Any:
        handler = COMMAND_HANDLERS[type(command)]
        with self.uow_factory() as uow:
            result = handler(command, uow, self.deps)
            uow.commit()
        self.ring(uow)
        return result

    def handle_events_once(self, event_ids: Sequence[int]) -> int:
        with self.uow_factory() as uow:
            extra = self.batch - len(event_ids)
            claimed = uow.outbox.claim(event_ids, self.deps.clock.now(), extra)
            lock_named_nominations(claimed, uow)
            for group in by_name(claimed):
                self.dispatch(group, uow)
            uow.commit()
        self.ring(uow)
        return len(claimed)

    def dispatch(self, group: list[StoredEvent], uow: UnitOfWork) -> None:
        """Run every handler of these same-named events, each handler on the whole group in
        a savepoint; if it refuses, retry it one event at a time so only the bad one fails."""
        for handler in EVENT_HANDLERS.get(group[0].event.name, ()):
            self.run_handler(handler, group, uow)

    def run_handler(self, handler: Callable[..., None], group: list[StoredEvent],
                    uow: UnitOfWork) -> None:
        try:
            with uow.savepoint():
                handler(group, uow, self.deps)
        except DomainError as refusal:
            if len(group) > 1:
                for stored in group:
                    self.run_handler(handler, [stored], uow)
                return
            log.warning("event handler refused", extra={
                "event_id": group[0].id, "event": group[0].event.name,
                "handler": handler.__name__, "reason": str(refusal)})

    def ring(self, uow: UnitOfWork) -> None:
        """Tell the workers what was committed. If the broker is down the sweeper catches up."""
        try:
            if uow.committed_event_ids:
                self.queue.publish_events(uow.committed_event_ids)
            if uow.committed_notification_ids:
                self.queue.deliver_notifications(uow.committed_notification_ids)
        except Exception:  # the rows are committed; the sweeper re-publishes
            log.warning("could not reach the broker; the outbox sweeper will re-publish",
                        exc_info=True)


def lock_named_nominations(claimed: Sequence[StoredEvent], uow: UnitOfWork) -> None:
    """Lock every nomination the batch names, in id order, before any handler runs: each
    handler locks its own rows in order, but one after another they would not be."""
    ids = sorted({i for s in claimed if isinstance(i := getattr(s.event, "nomination_id", None),
                                                   str)})
    if ids:
        uow.nominations.get_many(ids, lock=True)


def by_name(claimed: Sequence[StoredEvent]) -> list[list[StoredEvent]]:
    """Group events by name, groups in the order their first event was raised."""
    groups: dict[str, list[StoredEvent]] = {}
    for stored in claimed:
        groups.setdefault(stored.event.name, []).append(stored)
    return list(groups.values())
