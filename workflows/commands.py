"""Commands: what a user or the system asks for, in the imperative."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from workflows.assembly import AssemblyMeeting, AssemblyVote
from workflows.campaign import Campaign
from workflows.nomination import Actor, new_id
from workflows.policy import Rubric
from workflows.stages import Action


@dataclass(frozen=True)
class Command:
    pass


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
class ResolveObjection(Command):
    objection_id: str
    outcome: str
    findings: str
    actor: Actor


@dataclass(frozen=True)
class PublishCommendation(Command):
    campaign_id: str
    actor: Actor
    decision_number: str


@dataclass(frozen=True)
class RecordAssemblyVotes(Command):
    """The clerk enters one villager-representative meeting: attendance and each vote."""

    actor: Actor
    meeting: AssemblyMeeting
    votes: dict[str, AssemblyVote]


@dataclass(frozen=True)
class RecordConsent(Command):
    """The nominee confirms a nomination made by others (recorded by the village clerk)."""

    nomination_id: str
    actor: Actor
    confirmed_by: str
    confirmed_on: date


@dataclass(frozen=True)
class AnswerVetting(Command):
    """The secretariat records one department's written answer: outcome "clear" or "veto"."""

    request_id: str
    actor: Actor
    outcome: str
    note: str = ""


@dataclass(frozen=True)
class ClearVettingList(Command):
    """One department answers "no adverse record" for a list of nominations at once."""

    department: str
    nomination_ids: tuple[str, ...]
    actor: Actor
    note: str = ""


@dataclass(frozen=True)
class SetReviewerProfile(Command):
    """Ties a reviewer account to the roster (their person, village, kin) for conflict checks."""

    account_id: str
    actor: Actor
    person_id: str | None = None
    village_id: str | None = None
    kin_person_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssignReviewers(Command):
    campaign_id: str
    programme: str
    reviewer_ids: tuple[str, ...]
    actor: Actor


@dataclass(frozen=True)
class DeclareConflict(Command):
    """A reviewer steps aside (回避) from one nomination, giving the reason."""

    nomination_id: str
    reviewer: Actor
    reason: str


@dataclass(frozen=True)
class RecordVote(Command):
    nomination_id: str
    reviewer: Actor
    in_favour: bool


@dataclass(frozen=True)
class RankPanel(Command):
    campaign_id: str
    programme: str
    actor: Actor


@dataclass(frozen=True)
class MoveCategory(Command):
    """The panel moves a nominee to another category (recorded by the secretariat)."""

    nomination_id: str
    category: str
    reason: str
    actor: Actor
    expected_version: int | None = None


@dataclass(frozen=True)
class RemindOfDeadlines(Command):
    """Run by beat: the day's reminders, once a day however often it runs."""


@dataclass(frozen=True)
class AttachFile(Command):
    """Attach a file to a nomination; ``purpose`` is minutes, deeds or portrait."""

    nomination_id: str
    actor: Actor
    purpose: str
    filename: str
    content: bytes = field(repr=False)
    attachment_id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class ReviseRubric(Command):
    """A new version of one programme's rubric; nominations already submitted keep theirs."""

    campaign_id: str
    programme: str
    rubric: Rubric
    actor: Actor


@dataclass(frozen=True)
class RepinNominations(Command):
    """Move open nominations to the current rubric version: explicit, and audited."""

    campaign_id: str
    nomination_ids: tuple[str, ...]
    actor: Actor
    reason: str


@dataclass(frozen=True)
class RecordOutsideScores(Command):
    """Scores from outside the panel for a weighted rubric: the village representatives'
    appraisal, the public vote (entered by the secretariat)."""

    nomination_id: str
    actor: Actor
    scores: dict[str, float]
