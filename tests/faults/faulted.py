"""A campaign struck by one fault while work is in flight, and what every faulted run must
show against the undisturbed run of the same seed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import redis
from campaigns import Outcome, Workers, audit_problems, outcome, prepare, settings_for
from smtp_sink import Mailboxes

from models import queries
from models.store import Store
from sanchuang.delivery.mail import message_id
from sanchuang.settings import Settings
from workflows import commands as c
from workflows.ports import Queue
from workflows.stages import Stage

#: Every faulted campaign runs this seed, so one undisturbed run serves them all.
SEED = 11


@dataclass(frozen=True)
class InFlight:
    """What was still under way at one moment: outbox events not yet handled, notifications
    not yet delivered, broker messages waiting or taken but not acknowledged."""

    events: int
    notifications: int
    messages: int

    def __bool__(self) -> bool:
        return bool(self.events or self.notifications or self.messages)


def in_flight(store: Store, broker_url: str) -> InFlight:
    counts = queries.notification_counts(store)
    client = redis.Redis.from_url(broker_url, socket_timeout=2)
    messages = sum(client.llen(q) for q in ("events", "notifications")) + client.hlen("unacked")
    return InFlight(queries.pending_events(store), counts["pending"] + counts["sending"],
                    messages)


def fault_settings(folder: Path, pg_url: str, broker_url: str, smtp_port: int) -> Settings:
    return settings_for(folder, pg_url, broker_url, smtp_host="127.0.0.1", smtp_port=smtp_port)


class FaultedCampaign:
    """The demo campaign of ``SEED`` with a worker and a beat; ``strike`` enters every mark
    of the panel and, at once, while the workers conclude the panels and send the e-mails,
    measures what is in flight and runs the fault."""

    def __init__(self, settings: Settings, queue: Queue | None = None):
        self.settings = settings
        self.run = prepare(settings, SEED, queue)
        self.workers = Workers(settings)

    def __enter__(self) -> FaultedCampaign:
        self.workers.start("worker", "beat")
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.workers.stop_all()

    def to_panel(self) -> list[tuple]:
        """Launch, nominate, review, and draw the panel's marks (not yet entered)."""
        for step in (self.run.launch, self.run.nominate, self.run.preliminary):
            step()
        return self.run.marking_plan()

    def enter(self, plan: list[tuple]) -> None:
        for nid, reviewer, marks in plan:
            self.run.bus.handle(c.RecordReview(nid, reviewer, marks))

    def strike(self, fault: Callable[[], None]) -> InFlight:
        """Score every nomination, then measure what is in flight and run ``fault``."""
        self.enter(self.to_panel())
        flight = in_flight(self.run.system.store, self.settings.broker)
        fault()
        return flight

    def finish(self) -> Outcome:
        """From the panel's conclusions to the commendation, and the outcome once settled."""
        self.run.wait_until_none(Stage.PANEL_REVIEW, "评审汇总")
        for step in (self.run.publicity, self.run.objections, self.run.elapse,
                     self.run.commend):
            step()
        return outcome(self.run)


def expected(calm: Outcome) -> Counter[tuple[str, str, str]]:
    """The notifications a campaign sends: kind, recipient and channel of each (a
    complainant's recipient id is drawn afresh in each run)."""
    return Counter((n["kind"], n["recipient"].partition(":")[0] if
                    n["recipient"].startswith("complainant:") else n["recipient"], n["channel"])
                   for n in queries.notifications(calm.store))


def assert_like_undisturbed(run: Outcome, calm: Outcome, boxes: Mailboxes,
                            once_on_the_wire: bool = False) -> None:
    """Same commended list and stage counts, every stage move once in an intact audit chain,
    every notification delivered once, each e-mail received (by Message-ID); with
    ``once_on_the_wire`` no e-mail was even sent twice."""
    assert run.problems == []
    assert run.commended == calm.commended
    assert run.summary == calm.summary
    assert audit_problems(run.store, run.campaign_id) == []
    notes = queries.notifications(run.store)
    assert {n["status"] for n in notes} == {"delivered"}
    assert dict(expected(run)) == dict(expected(calm))
    emails = {message_id(n["id"]) for n in notes if n["channel"] == "email"}
    assert emails
    assert set(boxes.by_message_id) == emails
    if once_on_the_wire:
        assert set(boxes.received.values()) == {1}
