"""Who the demo nominates and how the panel marks them, all drawn from one seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from workflows.assembly import AssemblyMeeting, AssemblyRule, AssemblyVote
from workflows.errors import InvalidInput
from workflows.policy import CampaignPolicy, Programme
from workflows.samples import EXEMPLAR_CATEGORIES

DEEDS = {
    Programme.STAR_VILLAGE: "村党支部战斗堡垒作用突出，村规民约执行到位，人居环境整治成效明显。",
    Programme.MODEL_HOUSEHOLD: "家庭和睦，孝敬老人，邻里互助，积极参与村里公益事业，家风良好。",
    Programme.MORAL_EXEMPLAR: "多年来热心帮助困难群众，主动参与防汛救灾和义务劳动，群众口碑好。",
}


@dataclass(frozen=True)
class Pick:
    programme: Programme
    subject_id: str
    village_id: str
    category: str = ""


def unnominated(roster: dict[str, list[dict[str, Any]]],
                nominated: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The roster less everyone nominated before, so a second demo picks fresh nominees."""
    return {table: [row for row in rows if row["id"] not in nominated]
            for table, rows in roster.items()}


def pick_nominees(rng: random.Random, roster: dict[str, list[dict[str, Any]]],
                  on: date) -> list[Pick]:
    if len(roster["villages"]) < 6:
        raise InvalidInput("样例乡镇中没有申报过的村（居）已不足 6 个：请换一个数据目录重新演示")
    villages = rng.sample(roster["villages"], 6)
    picks = [Pick(Programme.STAR_VILLAGE, v["id"], v["id"]) for v in villages]
    by_village: dict[str, list[dict[str, Any]]] = {}
    for household in roster["households"]:
        by_village.setdefault(household["village_id"], []).append(household)
    for village in villages:
        for household in rng.sample(by_village[village["id"]], 2):
            picks.append(Pick(Programme.MODEL_HOUSEHOLD, household["id"], village["id"]))
    adults = [p for p in roster["persons"] if (on - p["birth_date"]).days >= 20 * 366]
    for i, person in enumerate(rng.sample(adults, 6)):
        category = EXEMPLAR_CATEGORIES[i % len(EXEMPLAR_CATEGORIES)]
        picks.append(Pick(Programme.MORAL_EXEMPLAR, person["id"], person["village_id"], category))
    return picks


def panel_marks(rng: random.Random, policy: CampaignPolicy, programme: Programme,
                strong: bool) -> dict[str, float]:
    """One reviewer's marks: a strong nominee scores well, a weak one falls short."""
    marks = {}
    for criterion in policy.programme(programme).rubric.criteria:
        top = criterion.max_points
        if top == 1:
            marks[criterion.key] = 1.0 if (strong or rng.random() < 0.4) else 0.0
        else:
            low, high = (0.88, 1.0) if strong else (0.55, 0.75)
            marks[criterion.key] = round(top * rng.uniform(low, high), 1)
    return marks


def assembly_meeting(rng: random.Random, held_on: date) -> AssemblyMeeting:
    """A villager-representative meeting that reached its quorum."""
    required = rng.randint(30, 50)
    return AssemblyMeeting(held_on, required, rng.randint(-(-required * 2 // 3), required))


def assembly_votes(rng: random.Random, ids: list[str], picks: dict[str, Pick],
                   meeting: AssemblyMeeting) -> dict[str, AssemblyVote]:
    """The meeting's vote on each of the village's nominees that need one (most for)."""
    needed = [n for n in ids if picks[n].programme.value in AssemblyRule().programmes]
    return {n: passing_vote(rng, meeting.members_present) for n in needed}


def passing_vote(rng: random.Random, present: int) -> AssemblyVote:
    against, abstain = rng.randint(0, 2), rng.randint(0, 1)
    return AssemblyVote(present - against - abstain, against, abstain)
