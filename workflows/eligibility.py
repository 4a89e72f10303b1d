"""Who may be nominated: age, past titles, the bar after a revocation, members in prison.

Each refusal names the rule and the person it concerns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from workflows.identity import age_on
from workflows.policy import PROGRAMME_NAMES_ZH, Programme, ProgrammePolicy
from workflows.title_record import years_after


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
    status: str  # active | remediation | revoked | cancelled
    ended_on: date | None = None
    #: Set when revoked, from the setting of the campaign that awarded it.
    barred_until: date | None = None


def refusals(policy: ProgrammePolicy, subject_name: str, members: Sequence[Member],
             titles: Sequence[Title], on: date, level: str = "",
             posthumous: bool = False) -> list[str]:
    """Every rule the nomination breaks, as sentences a village clerk can act on."""
    found = []
    if policy.programme is Programme.MORAL_EXEMPLAR and members:
        found += age_refusals(policy, members[0], on, posthumous)
    found += title_refusals(policy.programme, subject_name, titles, on, level,
                            policy.revocation_bar_years)
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
                   on: date, level: str, bar_years: int = 0) -> list[str]:
    """Titles held at this level, and revoked ones still barring (``bar_years``: the
    campaign's setting, for titles revoked before the bar was stored with them)."""
    name, found = PROGRAMME_NAMES_ZH[programme], []
    for title in titles:
        if title.programme != programme.value:
            continue
        until = bar_end(title, bar_years)
        if until and on < until:
            found.append(f"【撤销后限制】{subject_name} 的“{name}”称号于 {title.ended_on} 被撤销，"
                         f"{until} 前不得申报（{until} 起可再申报）")
        if title.status in ("active", "remediation") and title.star_level == level:
            shown = f"{name}{('（' + level + '）') if level else ''}"
            found.append(f"【已获称号】{subject_name} 已于 {title.year} 年获得“{shown}”，"
                         f"同一称号同一等级不再重复评选")
    return found


def bar_end(title: Title, default_years: int) -> date | None:
    """The first day a revoked title no longer bars a new nomination (None: no bar). A title
    revoked through the workflow carries its own end; older ones take ``default_years``."""
    if title.status != "revoked" or title.ended_on is None:
        return None
    return title.barred_until or years_after(title.ended_on, default_years)


def plaque_from(members: Sequence[Member]) -> date | None:
    """A member serving a sentence: rated, but the plaque is hung from 1 January of the
    year after release."""
    releases = [m.serving_until for m in members if m.serving_until]
    return date(max(releases).year + 1, 1, 1) if releases else None
