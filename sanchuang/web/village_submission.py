"""A nomination entered on the clerk's form: checked whole first (marks, the assembly record,
the attachment), then created, its vote recorded, its file attached and submitted.

Everything the form alone decides is checked before the first command, so a refusal there
leaves nothing behind. A refusal by a later step (the eligibility checks of the submission)
leaves the nomination as a draft, which the clerk is told about and can submit again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from workflows import assembly
from workflows import commands as c
from workflows.assembly import AssemblyMeeting, AssemblyRule, AssemblyVote
from workflows.attachments import (
    Purpose,
    check_content,
    clean_filename,
    content_hash,
    parse_purpose,
)
from workflows.bus import MessageBus
from workflows.campaign import Campaign
from workflows.errors import DomainError, InvalidInput
from workflows.nomination import Actor
from workflows.policy import Programme, Rubric
from workflows.rubric import can_apply, check_marks

RULE = AssemblyRule()


@dataclass(frozen=True)
class NominationForm:
    """The form as posted: text as typed (numbers are parsed here, not by the framework)."""

    programme: str
    subject_id: str
    category: str = ""
    deeds: str = ""
    marks: tuple[str, ...] = ()
    held_on: str = ""
    members_required: str = ""
    members_present: str = ""
    votes_for: str = ""
    votes_against: str = ""
    abstentions: str = ""
    purpose: str = Purpose.MINUTES.value
    filename: str = ""
    content: bytes = b""


@dataclass(frozen=True)
class Checked:
    programme: Programme
    marks: dict[str, float]
    meeting: AssemblyMeeting | None
    vote: AssemblyVote | None
    purpose: Purpose


class LeftAsDraft(Exception):
    """Created, but a later step refused: the nomination waits as a draft."""

    def __init__(self, nomination_id: str, reason: str) -> None:
        super().__init__(reason)
        self.nomination_id, self.reason = nomination_id, reason

    @property
    def message(self) -> str:
        return f"申报已保存为草稿，但未能提交：{self.reason}"


def programme_of(value: str) -> Programme:
    try:
        return Programme(value)
    except ValueError:
        raise InvalidInput("请选择评选项目：星级文明村、道德模范户或道德标兵") from None


def parse_marks(rubric: Rubric, raw: tuple[str, ...]) -> dict[str, float]:
    """The self-assessment: none at all, or a mark for every criterion."""
    if not any(v.strip() for v in raw):
        return {}
    marks: dict[str, float] = {}
    for criterion, value in zip(rubric.criteria, raw, strict=False):
        if value.strip():
            try:
                marks[criterion.key] = float(value)
            except ValueError:
                raise InvalidInput(f"“{criterion.name}”的自评分应为数字") from None
    marks = check_marks(rubric, marks)
    if not can_apply(rubric, marks):
        raise InvalidInput(f"自评分低于申报门槛 {rubric.apply_threshold:g} 分，不能申报")
    return marks


def marks_in_order(campaign: Campaign, programme: str,
                   marks: Mapping[str, float]) -> tuple[str, ...]:
    """Marks given by criterion key (as the API takes them) as the form posts them: a text
    per criterion in the rubric's order; a criterion the rubric does not have is refused."""
    if not marks:
        return ()
    criteria = campaign.rubric(programme_of(programme)).criteria
    unknown = sorted(set(marks) - {criterion.key for criterion in criteria})
    if unknown:
        raise InvalidInput(f"评分细则中没有这一项：{'、'.join(unknown)}")
    return tuple(str(marks[k.key]) if k.key in marks else "" for k in criteria)


def count(value: str, label: str) -> int:
    try:
        return int(value.strip() or "0")
    except ValueError:
        raise InvalidInput(f"{label}应为整数") from None


def parse_meeting(form: NominationForm, minutes_ref: str) -> tuple[AssemblyMeeting, AssemblyVote]:
    try:
        held_on = date.fromisoformat(form.held_on.strip())
    except ValueError:
        raise InvalidInput("请填写村民代表会议的召开日期") from None
    meeting = AssemblyMeeting(held_on, count(form.members_required, "应到人数"),
                              count(form.members_present, "实到人数"), minutes_ref)
    vote = AssemblyVote(count(form.votes_for, "赞成票数"), count(form.votes_against, "反对票数"),
                        count(form.abstentions, "弃权票数"))
    return meeting, vote


def check(campaign: Campaign, form: NominationForm, today: date, max_bytes: int) -> Checked:
    """Every refusal the form alone can earn, before anything is written."""
    programme = programme_of(form.programme)
    if not form.subject_id:
        raise InvalidInput("请选择被推荐对象")
    marks = parse_marks(campaign.rubric(programme), form.marks)
    purpose = parse_purpose(form.purpose)
    if form.content or form.filename:
        clean_filename(form.filename)
        check_content(purpose, form.content, max_bytes)
    meeting = vote = None
    needs_vote = programme.value in RULE.programmes
    if needs_vote or form.held_on.strip():
        minutes = content_hash(form.content) if form.content and purpose is Purpose.MINUTES else ""
        meeting, vote = parse_meeting(form, minutes)
        assembly.check_held_on(meeting.held_on, campaign.year, today)
        kept = assembly.record(meeting, vote)
        gap = assembly.shortfall(RULE, kept) if needs_vote else None
        if gap:
            raise InvalidInput(f"不能提交申报：【村民代表会议】{gap}")
    return Checked(programme, marks, meeting, vote, purpose)


def submit_new(bus: MessageBus, campaign: Campaign, actor: Actor, form: NominationForm,
               today: date) -> str:
    """The new nomination's id, submitted; DomainError when nothing was created,
    LeftAsDraft when it was created but not submitted."""
    max_bytes = bus.deps.blobs.max_bytes if bus.deps.blobs else 0
    checked = check(campaign, form, today, max_bytes)
    nomination_id = str(bus.handle(c.CreateNomination(
        campaign.id, checked.programme.value, form.subject_id, actor, category=form.category,
        deeds=form.deeds, self_marks=checked.marks)))
    try:
        if checked.meeting is not None and checked.vote is not None:
            bus.handle(c.RecordAssemblyVotes(actor, checked.meeting,
                                             {nomination_id: checked.vote}))
        if form.content:
            bus.handle(c.AttachFile(nomination_id, actor, checked.purpose.value, form.filename,
                                    form.content))
        bus.handle(c.SubmitNomination(nomination_id, actor))
    except DomainError as refusal:
        raise LeftAsDraft(nomination_id, str(refusal)) from refusal
    return nomination_id
