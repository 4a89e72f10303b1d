"""Deadline reminders: once a day, one message per recipient listing all that is due."""

from __future__ import annotations

from datetime import date, datetime

from workflows import commands, events
from workflows.calendar import local_date
from workflows.deadlines import ACTS, Due, due_on, reminder_context, reminders
from workflows.handlers.context import Deps
from workflows.handlers.notify import campaign_view, compose
from workflows.handlers.vetting import overdue_vetting
from workflows.ports import Account, StoredEvent, UnitOfWork, VettingUnitOfWork


def remind_of_deadlines(cmd: commands.RemindOfDeadlines, uow: UnitOfWork, deps: Deps) -> int:
    now = deps.clock.now()
    if not uow.reminder_days.claim(local_date(now), now):
        return 0
    uow.emit(events.DeadlinesDue(local_date(now).isoformat()))
    return 1


def send_reminders(group: list[StoredEvent[events.DeadlinesDue]], uow: VettingUnitOfWork,
                   deps: Deps) -> None:
    for stored in group:
        today = date.fromisoformat(stored.event.day)
        items, campaigns = due_items(uow, deps.clock.now())
        notes = []
        villages = uow.directory.village_names({d.village_id for d in items})
        for (who, key), dues in sorted(reminders(items, today).items()):
            context = {"campaign": campaigns[min(dues, key=lambda d: d.due_on).nomination_id],
                       **reminder_context(dues, today, who, villages)}
            notes += compose(uow, deps, stored.id, "deadline_reminder",
                             recipients(uow, who, key), context)
        uow.notifications.add_many(notes)


def due_items(uow: VettingUnitOfWork, now: datetime) -> tuple[list[Due], dict[str, dict]]:
    items, campaigns = [], {}
    waiting = {n.id: n for n in uow.nominations.waiting_in(list(ACTS))}
    for nomination in waiting.values():
        day = due_on(uow.campaigns.get(nomination.campaign_id), nomination)
        if day is not None:
            items.append(Due(nomination.id, nomination.display_name, nomination.stage, day,
                             nomination.village_id))
        campaigns[nomination.id] = campaign_view(uow, nomination.campaign_id)
    for request in overdue_vetting(uow, now):  # the departments answer through the 文明办
        if request.nomination_id in waiting:
            nomination = waiting[request.nomination_id]
            items.append(Due(nomination.id, nomination.display_name, nomination.stage,
                             local_date(request.due_at), nomination.village_id, "secretariat",
                             f"联合审查：{request.department}未复函"))
    return items, campaigns


def recipients(uow: UnitOfWork, who: str, village_id: str) -> list[Account]:
    if who == "village":
        return uow.directory.village_accounts(village_id)
    return uow.directory.accounts_with_role(who)
