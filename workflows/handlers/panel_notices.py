"""Reviewers hear that they sit on a programme's panel and how much waits for them."""

from __future__ import annotations

from workflows import events
from workflows.calendar import local_date
from workflows.handlers.context import Deps
from workflows.handlers.notify import campaign_view, compose
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.ports import StoredEvent, UnitOfWork
from workflows.stages import Stage


def on_reviewers_assigned(group: list[StoredEvent], uow: UnitOfWork, deps: Deps) -> None:
    notes = []
    for stored in group:
        event = stored.event
        assert isinstance(event, events.ReviewersAssigned)
        campaign = uow.campaigns.get(event.campaign_id)
        waiting = [n for n in uow.nominations.in_stage(campaign.id, Stage.PANEL_REVIEW)
                   if n.programme.value == event.programme]
        days = campaign.policy.stage_deadline_days.get(Stage.PANEL_REVIEW.value)
        today = local_date(deps.clock.now())
        context = {"campaign": campaign_view(uow, campaign.id),
                   "programme_name": PROGRAMME_NAMES_ZH[Programme(event.programme)],
                   "count": len(waiting),
                   "due_on": campaign.calendar.last_day(today, days, "working") if days else None}
        reviewers = [a for a in uow.directory.accounts_with_role("reviewer")
                     if a.id in event.reviewer_ids]
        notes += compose(uow, deps, stored.id, "reviewer_assigned", reviewers, context)
    uow.notifications.add_many(notes)
