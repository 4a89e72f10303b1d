"""Commands of the review that townships run: the village assembly and consent, department
vetting, the panel, deadlines, attachments, rubric versions, weighted scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workflows.assembly import AssemblyMeeting, AssemblyVote
from workflows.command import Command
from workflows.nomination import Actor, new_id
from workflows.policy import Rubric


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
    """One department's written answer, outcome "clear" or "veto": recorded by the
    secretariat, or by an officer of that department."""

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
