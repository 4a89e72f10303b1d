"""Checks a move must pass before it is taken: submission (assembly, consent, eligibility)
and acceptance (quota). A refusal lists every problem and changes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from workflows.assembly import AssemblyRule, shortfall
from workflows.calendar import local_date
from workflows.eligibility import refusals
from workflows.errors import InvalidInput
from workflows.handlers.context import Deps
from workflows.nomination import Nomination
from workflows.policy import PROGRAMME_NAMES_ZH, SUBJECT_KINDS, Rubric
from workflows.ports import UnitOfWork
from workflows.rubric import score
from workflows.stages import Action

ASSEMBLY = AssemblyRule()


def before(action: Action, nominations: Sequence[Nomination], uow: UnitOfWork,
           deps: Deps) -> dict[str, str]:
    """Raise if the move may not be taken; otherwise the note to log with each move."""
    if action in (Action.SUBMIT, Action.RESUBMIT):
        pin_rubrics(nominations, uow)
        check_submissions(nominations, uow, deps)
    if action is Action.ACCEPT:
        return quota_notes(nominations, uow)
    return {}


def after(action: Action, nominations: Sequence[Nomination], uow: UnitOfWork,
          deps: Deps) -> None:
    """What a move changes besides the nomination: a revoked title leaves the honour roll."""
    if action is Action.REVOKE:
        for nomination in nominations:
            uow.titles.end(nomination.id, "revoked", local_date(deps.clock.now()))


def pin_rubrics(nominations: Sequence[Nomination], uow: UnitOfWork) -> None:
    """A first submission takes the current rubric version; a resubmission keeps its own."""
    for n in nominations:
        if not n.rubric_version:
            n.rubric_version = uow.campaigns.get(n.campaign_id).rubric(n.programme).version


def check_submissions(nominations: Sequence[Nomination], uow: UnitOfWork, deps: Deps) -> None:
    subjects = uow.directory.subjects([(SUBJECT_KINDS[n.programme], n.subject_id)
                                       for n in nominations])
    titles = uow.titles.for_subjects([n.subject_id for n in nominations])
    today, problems = local_date(deps.clock.now()), []
    for n in nominations:
        campaign = uow.campaigns.get(n.campaign_id)
        policy = campaign.policy.programme(n.programme)
        rubric = campaign.rubric(n.programme, n.rubric_version)
        found = refusals(policy, n.display_name, subjects[n.subject_id].members,
                         titles[n.subject_id], today, self_level(n, rubric), n.posthumous)
        if n.programme.value in ASSEMBLY.programmes and (gap := shortfall(ASSEMBLY, n.assembly)):
            found.append(f"【村民代表会议】{gap}")
        if n.nominated_by == "others" and not n.consent:
            found.append("【本人确认】由他人推荐的，须先由村文书登记被推荐人本人的确认")
        problems += [f"{n.display_name}：{p}" for p in found]
    if problems:
        raise InvalidInput("不能提交申报：" + "；".join(problems))


def self_level(nomination: Nomination, rubric: Rubric) -> str:
    """The level the nominee's self-assessment reaches ("" without one)."""
    if not nomination.self_marks:
        return ""
    return score(rubric, nomination.self_marks).level


def quota_notes(nominations: Sequence[Nomination], uow: UnitOfWork) -> dict[str, str]:
    """Soft quotas: past the target is logged as a warning, past a ceiling is refused."""
    groups = Counter((n.campaign_id, n.village_id, n.programme) for n in nominations)
    notes, refused = {}, []
    for (campaign_id, village_id, programme), adding in groups.items():
        quota = uow.campaigns.get(campaign_id).policy.programme(programme).quota
        total = uow.nominations.count_accepted(campaign_id, village_id, programme) + adding
        village = uow.directory.village_names([village_id])[village_id]
        label = f"{village}{PROGRAMME_NAMES_ZH[programme]}受理 {total} 件"
        if quota.ceiling is not None and total > quota.ceiling:
            refused.append(f"{label}，超过名额上限 {quota.ceiling} 件")
        elif total > quota.target:
            for n in nominations:
                if (n.village_id, n.programme) == (village_id, programme):
                    notes[n.id] = f"名额提醒：{label}，超过目标 {quota.target} 件"
    if refused:
        raise InvalidInput("不能受理：" + "；".join(refused))
    return notes
