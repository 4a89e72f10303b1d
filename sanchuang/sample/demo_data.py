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

DEEDS: dict[Programme, tuple[str, ...]] = {
    Programme.STAR_VILLAGE: (
        "村党支部战斗堡垒作用突出，村规民约执行到位，人居环境整治成效明显。",
        "建成村级文化广场和农家书屋，连续三年无刑事案件，移风易俗红白理事会运转正常。",
        "发展油茶专业合作社带动120户增收，村道硬化亮化全覆盖，垃圾分类示范推进。",
        "开展“最美庭院”评比，矛盾纠纷就地化解率高，集体经济收入逐年增长。",
    ),
    Programme.MODEL_HOUSEHOLD: (
        "家庭和睦，孝敬老人，邻里互助，积极参与村里公益事业，家风良好。",
        "三代同堂，悉心照料瘫痪在床的婆婆十余年，子女均考上大学。",
        "勤劳致富后带动邻里种植蔬菜，捐资修建村组道路，红白喜事从简办理。",
        "庭院整洁，主动垃圾分类，夫妻常年义务打扫村口公路。",
        "诚信经营小卖部二十年，从不缺斤短两，为困难户赊账不催。",
    ),
    Programme.MORAL_EXEMPLAR: (
        "多年来热心帮助困难群众，主动参与防汛救灾和义务劳动，群众口碑好。",
        "2026年7月跳入资江救起两名落水儿童，事后婉拒家属酬谢。",
        "捡到装有现金三万余元的提包，多方寻找失主并如数归还。",
        "扎根村小任教三十年，资助十余名留守儿童完成学业。",
        "照顾患病的父亲和年迈的岳母十余年，毫无怨言。",
    ),
}


def deeds_for(programme: Programme, index: int) -> str:
    """A nominee's deeds: the programme's accounts in turn, so the lists read varied."""
    accounts = DEEDS[programme]
    return accounts[index % len(accounts)]


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
                strong: bool, misses: int = 0) -> dict[str, float]:
    """One reviewer's marks: a strong nominee scores well (but for its first ``misses``
    criteria, so levels differ: a four-star village, a silver household), a weak one falls
    short."""
    marks = {}
    for i, criterion in enumerate(policy.programme(programme).rubric.criteria):
        top, good = criterion.max_points, strong and i >= misses
        if top == 1:
            marks[criterion.key] = 1.0 if (good or (not strong and rng.random() < 0.4)) else 0.0
        else:
            low, high = (0.88, 1.0) if good else (0.55, 0.75)
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
