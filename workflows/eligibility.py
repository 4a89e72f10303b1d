"""Who may be nominated: age, past titles, the bar after a revocation, members in prison.

Each refusal names the rule and the person it concerns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from workflows.identity import age_on
from workflows.policy import PROGRAMME_NAMES_ZH, Programme, ProgrammePolicy

#: Years a subject is barred from the same title after it was revoked (domain guide).
REVOCATION_BAR_YEARS = 2


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    birth_date: date | None = None
    serving_until: date | None = None
    deceased_on: date | None = None
    gender: str = ""


@dataclass(frozen=True)
class Title:
    programme: str
    star_level: str
    year: int
    status: str  # active | revoked | cancelled
    ended_on: date | None = None


def refusals(policy: ProgrammePolicy, subject_name: str, members: Sequence[Member],
             titles: Sequence[Title], on: date, level: str = "",
             posthumous: bool = False) -> list[str]:
    """Every rule the nomination breaks, as sentences a village clerk can act on."""
    found = []
    if policy.programme is Programme.MORAL_EXEMPLAR and members:
        found += age_refusals(policy, members[0], on, posthumous)
    found += title_refusals(policy.programme, subject_name, titles, on, level)
    return found


def age_refusals(policy: ProgrammePolicy, person: Member, on: date,
                 posthumous: bool) -> list[str]:
    """The age rule: old enough on ``on``, or — where the campaign's policy waives the rule
    for those who died in the act — a posthumous nomination (age counted at death)."""
    if posthumous and person.deceased_on is None:
        return [f"【追授】{person.name} 未登记去世日期，不能按追授申报"]
    if policy.min_age is None or person.birth_date is None:
        return []
    age = age_on(person.birth_date, (person.deceased_on or on) if posthumous else on)
    if policy.admits_age(age, posthumous):
        return []
    if not policy.posthumous_exempt:
        hint = "（本次评选方案规定追授也须满足年龄要求）" if posthumous else ""
    else:
        hint = "（在见义勇为等事迹中牺牲的，可按追授申报）"
    return [f"【年龄】{person.name} {age} 周岁，未满 {policy.min_age} 周岁{hint}"]


def title_refusals(programme: Programme, subject_name: str, titles: Sequence[Title],
                   on: date, level: str) -> list[str]:
    name, found = PROGRAMME_NAMES_ZH[programme], []
    for title in titles:
        if title.programme != programme.value:
            continue
        if title.status == "revoked" and title.ended_on and barred(title.ended_on, on):
            until = title.ended_on.replace(year=title.ended_on.year + REVOCATION_BAR_YEARS)
            found.append(f"【撤销后限制】{subject_name} 的“{name}”称号于 {title.ended_on} 被撤销，"
                         f"{REVOCATION_BAR_YEARS} 年内不得申报（{until} 后可再申报）")
        if title.status == "active" and title.star_level == level:
            shown = f"{name}{('（' + level + '）') if level else ''}"
            found.append(f"【已获称号】{subject_name} 已于 {title.year} 年获得“{shown}”，"
                         f"同一称号同一等级不再重复评选")
    return found


def barred(ended_on: date, on: date) -> bool:
    try:
        until = ended_on.replace(year=ended_on.year + REVOCATION_BAR_YEARS)
    except ValueError:  # 29 February
        until = date(ended_on.year + REVOCATION_BAR_YEARS, 3, 1)
    return on < until


def plaque_from(members: Sequence[Member]) -> date | None:
    """A member serving a sentence: rated, but the plaque is hung from 1 January of the
    year after release."""
    releases = [m.serving_until for m in members if m.serving_until]
    return date(max(releases).year + 1, 1, 1) if releases else None
