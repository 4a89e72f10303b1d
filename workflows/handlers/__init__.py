"""The handler tables: one per message type. Commands have one handler, events any number."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from workflows import commands
from workflows.handlers import (
    attachments,
    campaigns,
    deadlines,
    nominations,
    notify,
    objection_cases,
    panel,
    panel_admin,
    panel_notices,
    publicity,
    ranking,
    rubrics,
    substitution,
    titles,
    vetting,
    village,
    weighting,
)
from workflows.handlers.context import Deps
from workflows.ports import StoredEvent

#: Command type -> its one handler: handler(command, uow, deps), read-only.
COMMAND_HANDLERS: Mapping[type[commands.Command], Callable[..., Any]] = MappingProxyType({
    commands.CreateCampaign: campaigns.create_campaign,
    commands.CreateNomination: nominations.create_nomination,
    commands.RemindOfDeadlines: deadlines.remind_of_deadlines,
    commands.ReviseRubric: rubrics.revise_rubric,
    commands.RecordOutsideScores: weighting.record_outside_scores,
    commands.RepinNominations: rubrics.repin_nominations,
    commands.RecordAssemblyVotes: village.record_assembly_votes,
    commands.RecordConsent: village.record_consent,
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
    commands.RecordReview: panel.record_review,
    commands.RecordReviews: panel.record_reviews,
    commands.RecordVote: panel.record_vote,
    commands.AnswerVetting: vetting.answer_vetting,
    commands.ClearVettingList: vetting.clear_vetting_list,
    commands.SetReviewerProfile: panel_admin.set_reviewer_profile,
    commands.AssignReviewers: panel_admin.assign_reviewers,
    commands.DeclareConflict: panel_admin.declare_conflict,
    commands.RankPanel: ranking.rank_panel,
    commands.MoveCategory: ranking.move_category,
    commands.OpenPublicity: publicity.open_publicity,
    commands.CloseDuePublicity: publicity.close_due_publicity,
    commands.FileObjection: publicity.file_objection,
    commands.ResolveObjection: publicity.resolve_objection,
    commands.RecordObjection: objection_cases.record_objection,
    commands.AssignInvestigator: objection_cases.assign_investigator,
    commands.SubstituteNominee: substitution.substitute_nominee,
    commands.PublishCommendation: publicity.publish_commendation,
    commands.AttachFile: attachments.attach_file,
    **titles.HANDLERS,
})


EventHandler = Callable[..., None]


def each(handler: EventHandler) -> EventHandler:
    """Make a batch handler of one written for a single event: handler(event, uow, deps, id)."""

    def run(group: list[StoredEvent], uow: Any, deps: Deps) -> None:
        for stored in group:
            handler(stored.event, uow, deps, stored.id)

    run.__name__ = handler.__name__
    return run


#: Event name -> handlers, declared once and read-only. Each handler takes a batch of
#: same-named events: handler(group, uow, deps); they run in the order listed.
EVENT_HANDLERS: Mapping[str, tuple[EventHandler, ...]] = MappingProxyType({
    "NominationSubmitted": (nominations.check_submissions, notify.stage_notices),
    "NominationResubmitted": (nominations.check_submissions, notify.stage_notices),
    "NominationReturned": (notify.stage_notices,),
    "NominationAccepted": (vetting.open_vetting, panel_admin.flag_on_accept,
                           notify.stage_notices),
    "PanelPassed": (notify.stage_notices,),
    "NominationApproved": (notify.stage_notices,),
    "NominationRejected": (notify.stage_notices,),
    "NominationVetoed": (notify.stage_notices,),
    "NominationDisqualified": (notify.stage_notices,),
    "NominationCommended": (notify.stage_notices,),
    "TitleRevoked": (notify.stage_notices,),
    "ReviewRecorded": (panel.conclude_panels,),
    "VettingCleared": (panel.conclude_panels,),
    "OutsideScoresRecorded": (panel.conclude_panels,),
    "ReviewersAssigned": (panel_notices.on_reviewers_assigned,),
    "PublicityOpened": (each(notify.on_publicity_opened),),
    "ObjectionFiled": (each(notify.on_objection_filed),),
    "ObjectionResolved": (each(notify.on_objection_resolved),),
    "DeadlinesDue": (deadlines.send_reminders,),
})


def waited_for(event_name: str) -> bool:
    """Whether some handler waits for events of this name (the store publishes only those)."""
    return event_name in EVENT_HANDLERS


__all__ = ["COMMAND_HANDLERS", "EVENT_HANDLERS", "Deps", "waited_for"]
