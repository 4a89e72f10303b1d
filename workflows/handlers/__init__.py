"""The handler tables: one per message type. Commands have one handler, events any number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workflows import commands, events
from workflows.handlers import campaigns, nominations, notify, publicity
from workflows.handlers.context import Deps

COMMAND_HANDLERS: dict[type[commands.Command], Callable[..., Any]] = {
    commands.CreateCampaign: campaigns.create_campaign,
    commands.CreateNomination: nominations.create_nomination,
    commands.SubmitNomination: nominations.move_stage,
    commands.ResubmitNomination: nominations.move_stage,
    commands.WithdrawNomination: nominations.move_stage,
    commands.ReturnForRevision: nominations.move_stage,
    commands.AcceptNomination: nominations.move_stage,
    commands.RejectNomination: nominations.move_stage,
    commands.RecordVeto: nominations.move_stage,
    commands.RevokeTitle: nominations.move_stage,
    commands.SubmitNominations: nominations.move_stages,
    commands.AcceptNominations: nominations.move_stages,
    commands.RecordReview: nominations.record_review,
    commands.RecordReviews: nominations.record_reviews,
    commands.OpenPublicity: publicity.open_publicity,
    commands.CloseDuePublicity: publicity.close_due_publicity,
    commands.FileObjection: publicity.file_objection,
    commands.ResolveObjection: publicity.resolve_objection,
    commands.PublishCommendation: publicity.publish_commendation,
}


def _effect(handler: Callable[..., None]) -> Callable[..., None]:
    """Adapt a handler that does not need the event id."""

    def run(event: events.Event, uow: Any, deps: Deps, event_id: int) -> None:
        handler(event, uow, deps)

    run.__name__ = handler.__name__
    return run


_stage_notice = [notify.on_stage_changed]

#: Event name -> handlers, each called as handler(event, uow, deps, event_id).
EVENT_HANDLERS: dict[str, list[Callable[..., None]]] = {
    **{name: list(_stage_notice) for name in notify.STAGE_NOTICES},
    "ReviewRecorded": [_effect(nominations.conclude_panel)],
    "PublicityOpened": [notify.on_publicity_opened],
    "ObjectionFiled": [notify.on_objection_filed],
    "ObjectionResolved": [notify.on_objection_resolved],
}
EVENT_HANDLERS["NominationSubmitted"].append(_effect(nominations.check_submission))
EVENT_HANDLERS["NominationResubmitted"].append(_effect(nominations.check_submission))

__all__ = ["COMMAND_HANDLERS", "EVENT_HANDLERS", "Deps"]
