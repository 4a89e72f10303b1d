"""What the village clerk's pages show, shaped from the read-side rows: stage, programme,
role and step names in Chinese, ID numbers and phones masked."""

from __future__ import annotations

from typing import Any

from models.village_queries import Step
from sanchuang.web.i18n import N_
from workflows.attachments import KIND_NAMES_ZH, PURPOSE_NAMES_ZH, Kind, Purpose
from workflows.disclosure import mask_id_number, mask_phone
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, Role, Stage

ROLE_NAMES_ZH = {
    Role.VILLAGE.value: N_("村（居）委会"),
    Role.SECRETARIAT.value: N_("镇文明办"),
    Role.REVIEWER.value: N_("评审委员会"),
    Role.APPROVER.value: N_("镇党委"),
    Role.DEPARTMENT.value: N_("联审部门"),
    Role.SYSTEM.value: N_("系统"),
}
STEP_NAMES_ZH = {
    "create": N_("填写申报（草稿）"),
    "submit": N_("提交申报"),
    "resubmit": N_("补充后重新提交"),
    "withdraw": N_("撤回申报"),
    "start_review": N_("通过自动核查，进入初审"),
    "return_for_revision": N_("退回补充"),
    "accept": N_("初审通过，进入评审"),
    "reject": N_("未通过"),
    "pass_panel": N_("评审通过，待镇党委审定"),
    "veto": N_("一票否决"),
    "open_publicity": N_("审定并公示"),
    "close_publicity": N_("公示期满无异议"),
    "disqualify": N_("取消资格"),
    "commend": N_("表彰"),
    "revoke": N_("撤销称号"),
    "record_assembly": N_("登记村民代表会议表决"),
    "record_consent": N_("登记本人确认"),
    "attach": N_("上传附件"),
    "move_category": N_("调整类别"),
    "repin_rubric": N_("改用新版评分细则"),
    "record_outside_scores": N_("登记评议得分"),
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
    return {"at": found.at, "who": ROLE_NAMES_ZH.get(found.role, N_("其他")),
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
