"""Panel scoring and its conclusion: who may score (or vote), and the aggregate once quorum is
reached and every department has answered "no adverse record"."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from fractions import Fraction
from typing import TypeAlias

from workflows import commands, events
from workflows.audit import first_entry
from workflows.calendar import local_date
from workflows.eligibility import Title, title_refusals
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps, nomination_ids
from workflows.handlers.vetting import vetting_cleared
from workflows.nomination import SYSTEM, Actor, Nomination, new_id
from workflows.panel import (
    VOTE_KEY,
    VOTE_SHARE,
    PanelPolicy,
    PanelResult,
    Verdict,
    conflict,
    counted,
    decide,
    panel_policy,
    weigh,
)
from workflows.policy import PROGRAMME_NAMES_ZH, CampaignPolicy, Rubric
from workflows.ports import PanelUnitOfWork, Review, StoredEvent
from workflows.rubric import check_marks
from workflows.stages import STAGE_NAMES_ZH, Action, Role, Stage
from workflows.vetting import VettingRequest

DEFAULT_THRESHOLD = PanelPolicy().vote_threshold

#: The events after which a nomination's panel may be ready to conclude.
NominationReady: TypeAlias = (
    events.ReviewRecorded | events.VettingCleared | events.OutsideScoresRecorded)


class Panels:
    """Look-ups cached for one unit of work: a campaign's settings and a programme's panel."""

    def __init__(self, uow: PanelUnitOfWork):
        self.uow = uow
        self._members: dict[tuple[str, str], set[str] | None] = {}

    def policies(self, nomination: Nomination) -> tuple[CampaignPolicy, PanelPolicy]:
        policy = self.uow.campaigns.get(nomination.campaign_id).policy
        return policy, panel_policy(policy)

    def rubric(self, nomination: Nomination) -> Rubric:
        """The rubric the nomination was submitted under."""
        campaign = self.uow.campaigns.get(nomination.campaign_id)
        return campaign.rubric(nomination.programme, nomination.rubric_version)

    def members(self, nomination: Nomination) -> set[str] | None:
        """The assigned panel, or None when none is assigned (every reviewer account)."""
        key = (nomination.campaign_id, nomination.programme.value)
        if key not in self._members:
            self._members[key] = set(self.uow.panel.members(*key)) or None
        return self._members[key]


def record_review(cmd: commands.RecordReview, uow: PanelUnitOfWork, deps: Deps) -> str:
    sheet = commands.RecordReviews(cmd.reviewer, {cmd.nomination_id: cmd.marks})
    return record_reviews(sheet, uow, deps)[0]


def record_reviews(cmd: commands.RecordReviews, uow: PanelUnitOfWork, deps: Deps) -> list[str]:
    """A score sheet is taken whole or not at all."""
    return _record(uow, deps, cmd.reviewer, cmd.marks, voting=False)


def record_vote(cmd: commands.RecordVote, uow: PanelUnitOfWork, deps: Deps) -> str:
    marks = {VOTE_KEY: 1.0 if cmd.in_favour else 0.0}
    return _record(uow, deps, cmd.reviewer, {cmd.nomination_id: marks}, voting=True)[0]


def _record(uow: PanelUnitOfWork, deps: Deps, reviewer: Actor,
            sheet: Mapping[str, Mapping[str, float]], voting: bool) -> list[str]:
    if reviewer.role is not Role.REVIEWER:
        raise Forbidden("只有评审委员可以打分")
    if not sheet:
        raise InvalidInput("评分表是空的")
    # Locked in id order before the reviews' foreign keys take their share locks, so a
    # sheet and a worker concluding the same panels never wait on each other in a circle.
    nominations, now = uow.nominations.get_many(sheet, lock=True), deps.clock.now()
    gate = Gate(uow, reviewer, nominations)
    reviews = [Review(new_id(), n.id, reviewer.id, gate.marks(n, sheet[n.id], voting), now)
               for n in nominations]
    uow.reviews.add_many(reviews)
    uow.record([first_entry(r.id, actor_id=r.reviewer_id, role=Role.REVIEWER.value,
                            action="record_review", target=r.nomination_id, at=now)
                for r in reviews])
    uow.emit(*(events.ReviewRecorded(r.nomination_id, r.reviewer_id) for r in reviews))
    return [r.id for r in reviews]


class Gate:
    """Whether one reviewer's sheet may be taken, nomination by nomination."""

    def __init__(self, uow: PanelUnitOfWork, reviewer: Actor, nominations: list[Nomination]):
        ids = [n.id for n in nominations]
        self.reviewer, self.panels = reviewer, Panels(uow)
        self.done = uow.reviews.scored_by(reviewer.id, ids)
        self.recusals = uow.panel.recusals(ids)
        self.profile = uow.panel.profiles([reviewer.id]).get(reviewer.id)
        self.ties = uow.panel.ties(nominations) if self.profile else {}

    def marks(self, nomination: Nomination, raw: Mapping[str, float],
              voting: bool) -> dict[str, float]:
        """The clean marks, or a refusal: late, wrong kind, not on the panel, recused or in
        conflict, scored already, or marks out of range."""
        policy, settings = self.panels.policies(nomination)
        _admit(self.panels, nomination, self.reviewer, settings, voting)
        recused = self.recusals[nomination.id].get(self.reviewer.id)
        reason = recused.reason if recused else self.profile and conflict(
            self.profile, self.ties[nomination.id], nomination.programme,
            settings.recuse_same_village)
        _refuse_conflict(nomination, self.reviewer, reason or "", recused is not None)
        if nomination.id in self.done:
            raise InvalidInput(f"评审委员 {_who(self.reviewer)} 已为{nomination.display_name}"
                               "打过分")
        if voting:
            return dict(raw)
        return check_marks(self.panels.rubric(nomination), raw)


def _admit(panels: Panels, nomination: Nomination, reviewer: Actor, settings: PanelPolicy,
           voting: bool) -> None:
    """Refuse late scores, the wrong kind of sheet, and reviewers outside the panel."""
    if nomination.stage is not Stage.PANEL_REVIEW:
        raise InvalidInput(f"{nomination.display_name} 已不在评审阶段（现为“"
                           f"{STAGE_NAMES_ZH[nomination.stage]}”），迟到的评分不予受理")
    if voting != (settings.method == VOTE_SHARE):
        raise InvalidInput("本次评选采用投票表决，请投赞成票或反对票" if not voting
                           else "本次评选按评分细则打分，不能投票")
    members = panels.members(nomination)
    if members is not None and reviewer.id not in members:
        raise Forbidden(f"{_who(reviewer)} 不是{PROGRAMME_NAMES_ZH[nomination.programme]}"
                        f"评审组成员，不能评审{nomination.display_name}")


def _refuse_conflict(nomination: Nomination, reviewer: Actor, reason: str,
                     recused: bool) -> None:
    if recused:
        raise Forbidden(f"评审委员 {_who(reviewer)} 已回避{nomination.display_name}的评审"
                        f"（{reason}），不能打分")
    if reason:
        raise Forbidden(f"评审委员 {_who(reviewer)} 与{nomination.display_name}存在利害关系"
                        f"（{reason}），应当回避，不能打分")


def _who(reviewer: Actor) -> str:
    return reviewer.name or reviewer.id


def conclude_panels(group: list[StoredEvent[NominationReady]], uow: PanelUnitOfWork,
                    deps: Deps) -> None:
    """Once a nomination's quorum is reached, aggregate once and move it on: a failing
    aggregate rejects it; a passing one waits until every department has answered clear."""
    ids = nomination_ids(group)
    waiting = [n for n in uow.nominations.get_many(ids, lock=True)
               if n.stage is Stage.PANEL_REVIEW]
    wanted = [n.id for n in waiting]
    reviews, recusals = uow.reviews.for_nominations(wanted), uow.panel.recusals(wanted)
    vetting, panels = uow.vetting.for_nominations(wanted), Panels(uow)
    titles = uow.titles.for_subjects([n.subject_id for n in waiting])
    now, results = deps.clock.now(), []
    for nomination in waiting:
        sheets = counted(reviews[nomination.id], recusals[nomination.id],
                         panels.members(nomination))
        verdict = _ready(uow, panels, nomination, sheets, vetting[nomination.id])
        if verdict is not None:
            threshold = panels.policies(nomination)[1].vote_threshold
            held = already_held(titles, nomination, verdict, now) if verdict.passed else ""
            conclude(nomination, verdict, now, len(sheets), threshold, held)
            results.append(PanelResult(nomination.id, nomination.campaign_id,
                                       nomination.programme.value, verdict, len(sheets), now))
    moved = {r.nomination_id for r in results}
    uow.nominations.save_many([n for n in waiting if n.id in moved])
    uow.panel.add_results(results)


def _ready(uow: PanelUnitOfWork, panels: Panels, nomination: Nomination,
           sheets: list[Review], requests: list[VettingRequest]) -> Verdict | None:
    """The aggregate, once the panel may conclude: the quorum is reached, and (for a pass)
    every department has answered clear."""
    policy, settings = panels.policies(nomination)
    if len(sheets) < policy.panel_quorum:
        return None
    rubric = panels.rubric(nomination)
    verdict = weigh(decide(settings, rubric, [r.marks for r in sheets]), rubric,
                    nomination.outside_scores)
    if verdict is None:  # waiting for the representatives' or the public's scores
        return None
    if verdict.passed and not vetting_cleared(uow, nomination, requests):
        return None
    return verdict


def conclude(nomination: Nomination, verdict: Verdict, now: datetime, cast: int,
             threshold: Fraction = DEFAULT_THRESHOLD, held: str = "") -> None:
    """Record the aggregate on the nomination and take the stage move it calls for.
    ``held``: the refusal when the subject already holds this title at the level reached."""
    if verdict.method != VOTE_SHARE:
        nomination.points, nomination.star_level = verdict.value, verdict.level
    if verdict.passed and not held:
        nomination.take(Action.PASS_PANEL, SYSTEM, now)
    else:
        nomination.take(Action.REJECT, SYSTEM, now, held or verdict.reason(cast, threshold))


def already_held(titles: dict[str, list[Title]], nomination: Nomination, verdict: Verdict,
                 now: datetime) -> str:
    """Past winners of the same title and level are not rated again: checked here, once the
    level is known (at submission only a self-assessed level is)."""
    held = [t for t in titles[nomination.subject_id] if t.status == "active"]
    found = title_refusals(nomination.programme, nomination.display_name, held,
                           local_date(now), verdict.level)
    return found[0] if found else ""
