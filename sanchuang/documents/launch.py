"""The launch notice (通知): the first document of every campaign, generated from its rules —
programmes, criteria, quotas, timetable and how to apply."""

from __future__ import annotations

from typing import Any

from models import document_queries
from models.store import Store
from sanchuang.documents import wording
from sanchuang.documents.render import DocumentRenderer
from workflows.calendar import local_date
from workflows.campaign import Campaign
from workflows.policy import PROGRAMME_NAMES_ZH, ProgrammePolicy

STAGE_DEADLINES = {"preliminary_review": "镇文明办初审", "panel_review": "评审委员会评审",
                   "returned_for_revision": "退回补充材料"}


def criteria_summary(policy: ProgrammePolicy) -> str:
    """What the programme's rubric asks, in one sentence."""
    rubric = policy.rubric
    names = "、".join(c.name for c in rubric.criteria)
    if rubric.style == "stars":
        text = f"对照{names}等{len(rubric.criteria)}项标准，每达到一项得一星，" \
               f"{rubric.award_threshold:g}星以上方可命名"
        if rubric.bands:
            text += "；" + "，".join(
                f"{b.min_stars}星以上为{b.name}" for b in sorted(rubric.bands,
                                                              key=lambda b: b.min_stars))
    else:
        text = f"按{names}计分（满分{rubric.full_marks:g}分），{rubric.award_threshold:g}分以上" \
               "方可命名"
    if policy.categories:
        text += f"；分{'、'.join(policy.categories)}{len(policy.categories)}类"
    if policy.min_age is not None:
        text += f"；须年满{policy.min_age}周岁"
        if policy.posthumous_exempt:
            text += "（见义勇为等牺牲者追授不受此限）"
    return text + "。"


def quota_text(policy: ProgrammePolicy) -> str:
    quota = policy.quota
    text = f"每村（居）推荐名额约{quota.target}个"
    if quota.ceiling is not None:
        text += f"，最多不超过{quota.ceiling}个"
    return text + "。"


def launch_context(store: Store, campaign: Campaign) -> dict[str, Any]:
    with store.uow() as uow:
        township = uow.directory.township_name()
    created = document_queries.campaign_created_at(store, campaign.id)
    policy = campaign.policy
    days = f"{policy.publicity_days}个工作日" if policy.publicity_day_kind == "working" \
        else f"{policy.publicity_days}天"
    programmes = [{"name": PROGRAMME_NAMES_ZH[p.programme], "criteria": criteria_summary(p),
                   "quota": quota_text(p)} for p in policy.programmes.values()]
    steps = [phrase for _, phrase in wording.STAGE_PHRASES]
    return {
        "township": township, "number": campaign.basis,
        "title": f"关于开展{campaign.name}的通知", "addressee": "各村（居）、镇直各单位",
        "campaign": {"name": campaign.name, "year": campaign.year},
        "programmes": programmes, "steps": steps, "publicity_days": days,
        "deadlines": [(STAGE_DEADLINES.get(k, k), v)
                      for k, v in policy.stage_deadline_days.items()],
        "contact": vars(campaign.contact), "issued_by": list(campaign.issued_by),
        "issued_on": local_date(created) if created else None,
    }


def launch_notice_html(store: Store, campaign_id: str) -> str:
    """The campaign's launch notice as a standalone, A4-printable HTML page."""
    with store.uow() as uow:
        campaign = uow.campaigns.get(campaign_id)
    return DocumentRenderer().document("launch_notice", launch_context(store, campaign))
