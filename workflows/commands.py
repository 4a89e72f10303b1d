"""Commands: what a user or the system asks for, in the imperative."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from workflows.campaign import Campaign
from workflows.command import Command
from workflows.nomination import Actor, new_id
from workflows.review_commands import (  # the review's commands, here too
    AnswerVetting,
    AssignReviewers,
    AttachFile,
    ClearVettingList,
    DeclareConflict,
    MoveCategory,
    RankPanel,
    RecordAssemblyVotes,
    RecordConsent,
    RecordOutsideScores,
    RecordVote,
    RemindOfDeadlines,
    RepinNominations,
    ReviseRubric,
    SetReviewerProfile,
)
from workflows.stages import Action


@dataclass(frozen=True)
class CreateCampaign(Command):
    campaign: Campaign
    actor: Actor


@dataclass(frozen=True)
class CreateNomination(Command):
    campaign_id: str
    programme: str
    subject_id: str
    actor: Actor
    category: str = ""
    deeds: str = ""
    self_marks: dict[str, float] = field(default_factory=dict)
    nomination_id: str = field(default_factory=new_id)
    nominated_by: str = "village"
    posthumous: bool = False


@dataclass(frozen=True)
class StageCommand(Command):
    """A single stage move on one nomination; ``action`` names the row of the stage table."""

    action: ClassVar[Action]
    nomination_id: str
    actor: Actor
    reason: str = ""
    expected_version: int | None = None


class SubmitNomination(StageCommand):
    action = Action.SUBMIT


class ResubmitNomination(StageCommand):
    action = Action.RESUBMIT


class WithdrawNomination(StageCommand):
    action = Action.WITHDRAW


class ReturnForRevision(StageCommand):
    action = Action.RETURN_FOR_REVISION


class AcceptNomination(StageCommand):
    action = Action.ACCEPT


class RejectNomination(StageCommand):
    action = Action.REJECT


class RecordVeto(StageCommand):
    action = Action.VETO


class RevokeTitle(StageCommand):
    action = Action.REVOKE


@dataclass(frozen=True)
class StageCommandForList(Command):
    """The same stage move on a list of nominations, all-or-nothing (one person's batch)."""

    action: ClassVar[Action]
    nomination_ids: tuple[str, ...]
    actor: Actor
    reason: str = ""


class SubmitNominations(StageCommandForList):
    action = Action.SUBMIT


class AcceptNominations(StageCommandForList):
    action = Action.ACCEPT


@dataclass(frozen=True)
class RecordReviews(Command):
    """One reviewer's score sheet: marks for several nominations at once."""

    reviewer: Actor
    marks: dict[str, dict[str, float]]


@dataclass(frozen=True)
class RecordReview(Command):
    nomination_id: str
    reviewer: Actor
    marks: dict[str, float]


@dataclass(frozen=True)
class OpenPublicity(Command):
    """The party committee approves the ranked list as a whole and publicity opens; the
    ``exceptions`` (id -> reason) are not approved, in the same decision."""

    campaign_id: str
    nomination_ids: tuple[str, ...]
    actor: Actor
    starts_on: date | None = None
    exceptions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CloseDuePublicity(Command):
    """Close every publicity window whose end has passed (run by the beat sweeper)."""


@dataclass(frozen=True)
class FileObjection(Command):
    nomination_id: str
    complainant_name: str
    complainant_contact: str
    content: str
    channel: str = "web"
    objection_id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class RecordObjection(Command):
    """The 文明办 records an objection received by letter, call, visit or e-mail, as of the
    moment it was received; one received after the deadline is recorded and marked late."""

    nomination_id: str
    complainant_name: str
    complainant_contact: str
    content: str
    channel: str
    received_at: datetime
    actor: Actor
    objection_id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class AssignInvestigator(Command):
    objection_id: str
    investigator: str
    actor: Actor


@dataclass(frozen=True)
class ResolveObjection(Command):
    objection_id: str
    outcome: str
    findings: str
    actor: Actor
    reply: str = ""


@dataclass(frozen=True)
class SubstituteNominee(Command):
    """After an upheld objection, the next-ranked nominee of the same programme takes the
    place, under a new version of the notice and a publicity round of their own."""

    objection_id: str
    substitute_id: str
    actor: Actor
    starts_on: date | None = None


@dataclass(frozen=True)
class PublishCommendation(Command):
    campaign_id: str
    actor: Actor
    decision_number: str


__all__ = [
    "AcceptNomination",
    "AcceptNominations",
    "AnswerVetting",
    "AssignInvestigator",
    "AssignReviewers",
    "AttachFile",
    "ClearVettingList",
    "CloseDuePublicity",
    "Command",
    "CreateCampaign",
    "CreateNomination",
    "DeclareConflict",
    "FileObjection",
    "MoveCategory",
    "OpenPublicity",
    "PublishCommendation",
    "RankPanel",
    "RecordAssemblyVotes",
    "RecordConsent",
    "RecordObjection",
    "RecordOutsideScores",
    "RecordReview",
    "RecordReviews",
    "RecordVeto",
    "RecordVote",
    "RejectNomination",
    "RemindOfDeadlines",
    "RepinNominations",
    "ResolveObjection",
    "ResubmitNomination",
    "ReturnForRevision",
    "ReviseRubric",
    "RevokeTitle",
    "SetReviewerProfile",
    "StageCommand",
    "StageCommandForList",
    "SubmitNomination",
    "SubmitNominations",
    "SubstituteNominee",
    "WithdrawNomination",
]
