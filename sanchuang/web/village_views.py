"""What the village clerk's pages show, shaped from the read-side rows: stage, programme,
role and step names in Chinese, ID numbers and phones masked."""

from __future__ import annotations

from typing import Any

from models.village_queries import Step
from workflows.attachments import KIND_NAMES_ZH, PURPOSE_NAMES_ZH, Kind, Purpose
from workflows.identity import mask_id_number, mask_phone
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, Role, Stage

ROLE_NAMES_ZH = {
    Role.VILLAGE.value: "村（居）委会",
    Role.SECRETARIAT.value: "镇文明办",
    Role.REVIEWER.value: "评审委员会",
    Role.APPROVER.value: "镇党委",
    Role.DEPARTMENT.value: "联审部门",
    Role.SYSTEM.value: "系统",
}
STEP_NAMES_ZH = {
    "create": "填写申报（草稿）",
    "submit": "提交申报",
    "resubmit": "补充后重新提交",
    "withdraw": "撤回申报",
    "start_review": "通过自动核查，进入初审",
    "return_for_revision": "退回补充",
    "accept": "初审通过，进入评审",
    "reject": "未通过",
    "pass_panel": "评审通过，待镇党委审定",
    "veto": "一票否决",
    "open_publicity": "审定并公示",
    "close_publicity": "公示期满无异议",
    "disqualify": "取消资格",
    "commend": "表彰",
    "revoke": "撤销称号",
    "record_assembly": "登记村民代表会议表决",
    "record_consent": "登记本人确认",
    "attach": "上传附件",
    "move_category": "调整类别",
    "repin_rubric": "改用新版评分细则",
    "record_outside_scores": "登记评议得分",
}
MEDIA_TYPES = {Kind.JPEG: "image/jpeg", Kind.PNG: "image/png", Kind.PDF: "application/pdf"}
RETURNED = Stage.RETURNED.value


def stage_name(stage: str) -> str:
    try:
        return STAGE_NAMES_ZH[Stage(stage)]
    except ValueError:
        return stage


def programme_name(programme: str) -> str:
    try:
        return PROGRAMME_NAMES_ZH[Programme(programme)]
    except ValueError:
        return programme


def row(nomination: dict[str, Any]) -> dict[str, Any]:
    """A nomination as a line of the list (or the head of its page)."""
    return {**nomination, "stage_name": stage_name(nomination["stage"]),
            "programme_name": programme_name(nomination["programme"]),
            "returned": nomination["stage"] == RETURNED}


def listing(nominations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Returned nominations first (they wait for the clerk), then the rest as they came."""
    rows = [row(n) for n in nominations]
    return [r for r in rows if r["returned"]] + [r for r in rows if not r["returned"]]


def step(found: Step) -> dict[str, Any]:
    moved = found.source != found.target and found.action != "create"
    return {"at": found.at, "who": ROLE_NAMES_ZH.get(found.role, "其他"),
            "what": STEP_NAMES_ZH.get(found.action, found.action),
            "stage": stage_name(found.target) if moved or found.action == "create" else "",
            "reason": found.reason}


def attachment(found: dict[str, Any]) -> dict[str, Any]:
    return {**found, "purpose_name": PURPOSE_NAMES_ZH.get(Purpose(found["purpose"]), ""),
            "kind_name": KIND_NAMES_ZH.get(Kind(found["kind"]), "")}


def member(found: dict[str, Any]) -> dict[str, Any]:
    """A roster member with only masked identifiers (no full ID number or phone)."""
    return {"name": found["name"], "gender": found["gender"], "relation": found["relation"],
            "birth_year": found["birth_date"].year,
            "id_number": mask_id_number(found["id_number"]),
            "phone": mask_phone(found["phone"]) if found["phone"] else ""}
