"""The message bus: commands run in one unit of work; events come back through the outbox."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from workflows.commands import Command
from workflows.errors import DomainError
from workflows.handlers import COMMAND_HANDLERS, EVENT_HANDLERS, Deps
from workflows.ports import Queue, StoredEvent, UnitOfWork

log = logging.getLogger(__name__)


class MessageBus:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], deps: Deps, queue: Queue):
        self.uow_factory, self.deps, self.queue = uow_factory, deps, queue

    def handle(self, command: Command) -> Any:
        """Run one command all-or-nothing; a refusal raises and changes nothing."""
        handler = COMMAND_HANDLERS[type(command)]
        with self.uow_factory() as uow:
            result = handler(command, uow, self.deps)
            uow.commit()
        self.ring(uow)
        return result

    def handle_events(self, event_ids: Sequence[int]) -> int:
        """Apply a batch of outbox events in one transaction; each runs at most once."""
        with self.uow_factory() as uow:
            claimed = uow.outbox.claim(event_ids, self.deps.clock.now())
            for stored in claimed:
                self.dispatch(stored, uow)
            uow.commit()
        self.ring(uow)
        return len(claimed)

    def dispatch(self, stored: StoredEvent, uow: UnitOfWork) -> None:
        for handler in EVENT_HANDLERS.get(stored.event.name, ()):
            try:
                with uow.savepoint():
                    handler(stored.event, uow, self.deps, stored.id)
            except DomainError as refusal:
                log.warning("event handler refused", extra={
                    "event_id": stored.id, "event": stored.event.name,
                    "handler": handler.__name__, "reason": str(refusal)})

    def ring(self, uow: UnitOfWork) -> None:
        """Tell the workers what was committed. If the broker is down the sweeper catches up."""
        try:
            if uow.committed_event_ids:
                self.queue.publish_events(uow.committed_event_ids)
            if uow.committed_notification_ids:
                self.queue.deliver_notifications(uow.committed_notification_ids)
        except Exception:  # noqa: BLE001 - the rows are committed; the sweeper re-publishes
            log.warning("could not reach the broker; the outbox sweeper will re-publish",
                        exc_info=True)
