"""A title after the award: its plaque, its revocation case, re-rating and cancellation.

The revocation case runs report → verification → party-committee decision → revocation
notice; each step names who may take it. Audit entries go on the nomination's chain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workflows.errors import Forbidden, InvalidInput
from workflows.stages import Role

#: Reason codes for a revocation (撤销称号的原因), as printed on the notice.
REVOCATION_REASONS: dict[str, str] = {
    "crime": "本人或家庭成员违法犯罪",
    "discipline": "违反党纪政纪",
    "petition": "违法上访、缠访闹访",
    "vice": "涉黄赌毒或黑恶势力",
    "cult": "参与邪教或封建迷信活动",
    "domestic_violence": "家庭暴力",
    "fraud": "申报材料弄虚作假",
    "remediation_failed": "复评不达标且限期整改逾期未改",
}

#: The revocation case: step -> (stage before, stage after, roles who may take it).
CASE_STEPS: dict[str, tuple[str, str, tuple[Role, ...]]] = {
    "report": ("", "reported", (Role.SECRETARIAT,)),
    "verify": ("reported", "verified", (Role.SECRETARIAT,)),
    "dismiss": ("reported", "", (Role.SECRETARIAT,)),
    "decide": ("verified", "decided", (Role.APPROVER,)),
    "decline": ("verified", "", (Role.APPROVER,)),
    "notice": ("decided", "noticed", (Role.SECRETARIAT,)),
}
CASE_NAMES_ZH = {"": "无", "reported": "已举报待核查", "verified": "已核实待党委决定",
                 "decided": "党委已决定撤销", "noticed": "已发撤销通报"}
STATUS_NAMES_ZH = {"active": "有效", "remediation": "限期整改中", "revoked": "已撤销",
                   "cancelled": "已注销"}
PLAQUE_STEPS = {"issued": "发放", "hung": "挂牌", "recovered": "收回"}
CANCEL_REASONS = {"merge": "村（居）合并", "rename": "村（居）更名"}


@dataclass
class TitleRecord:
    nomination_id: str
    subject_id: str
    programme: str
    star_level: str
    year: int
    awarded_on: date
    status: str = "active"
    ended_on: date | None = None
    plaque_from: date | None = None
    plaque_issued_on: date | None = None
    plaque_hung_on: date | None = None
    plaque_recovered_on: date | None = None
    benefits_ended_on: date | None = None
    barred_until: date | None = None
    case_stage: str = ""
    reason_code: str = ""
    case_report: str = ""
    case_findings: str = ""
    remediation_due: date | None = None
    rerated_on: date | None = None
    notice_number: str = ""
    end_reason: str = ""

    def step(self, name: str, role: Role) -> str:
        """Take one step of the revocation case; the stage it reaches, or a refusal."""
        before, after, roles = CASE_STEPS[name]
        if self.status in ("revoked", "cancelled") and name in ("report", "verify"):
            raise InvalidInput(f"该称号{STATUS_NAMES_ZH[self.status]}，不能再办理撤销")
        if self.case_stage != before:
            raise InvalidInput(f"撤销程序现处于“{CASE_NAMES_ZH[self.case_stage]}”，"
                               f"不能{STEP_NAMES_ZH[name]}")
        if role not in roles:
            who = "、".join(ROLE_NAMES_ZH[r] for r in roles)
            raise Forbidden(f"{STEP_NAMES_ZH[name]}须由{who}办理")
        self.case_stage = after
        return after

    def report(self, reason_code: str, report: str, today: date) -> None:
        if reason_code not in REVOCATION_REASONS:
            raise InvalidInput("撤销原因代码应为：" + "、".join(
                f"{k}（{v}）" for k, v in REVOCATION_REASONS.items()))
        if reason_code == "remediation_failed" and not self.remediation_overdue(today):
            raise InvalidInput("复评不达标的，须先限期整改，整改期满仍未达标方可摘牌"
                               + (f"（整改期限至 {self.remediation_due}）"
                                  if self.remediation_due else ""))
        self.reason_code, self.case_report, self.case_findings = reason_code, report, ""

    def revoke(self, today: date, bar_years: int) -> None:
        self.status, self.ended_on = "revoked", today
        self.barred_until = years_after(today, bar_years)
        self.end_reason = REVOCATION_REASONS[self.reason_code]

    def remediation_overdue(self, today: date) -> bool:
        return (self.status == "remediation" and self.remediation_due is not None
                and today > self.remediation_due)

    def record_plaque(self, step: str, on: date) -> None:
        if step not in PLAQUE_STEPS:
            raise InvalidInput("牌匾记录应为：issued（发放）、hung（挂牌）、recovered（收回）")
        if step == "hung" and self.plaque_from and on < self.plaque_from:
            raise InvalidInput(f"家庭成员服刑，牌匾自 {self.plaque_from} 起方可悬挂")
        if step == "hung" and self.status in ("revoked", "cancelled"):
            raise InvalidInput(f"称号{STATUS_NAMES_ZH[self.status]}，不能挂牌")
        if step == "recovered" and self.plaque_issued_on is None:
            raise InvalidInput("牌匾尚未发放，无从收回")
        setattr(self, f"plaque_{step}_on", on)

    def cancel(self, reason: str, note: str, today: date) -> None:
        """注销: the title ends without penalty (no bar), its history kept."""
        if reason not in CANCEL_REASONS:
            raise InvalidInput("注销原因应为 merge（村居合并）或 rename（村居更名）")
        if self.status in ("revoked", "cancelled"):
            raise InvalidInput(f"该称号{STATUS_NAMES_ZH[self.status]}，不能注销")
        self.status, self.ended_on, self.case_stage = "cancelled", today, ""
        self.end_reason = CANCEL_REASONS[reason] + (f"：{note}" if note else "")


STEP_NAMES_ZH = {"report": "登记举报", "verify": "核查属实", "dismiss": "核查不实、结案",
                 "decide": "决定撤销", "decline": "决定不予撤销", "notice": "发布撤销通报"}
ROLE_NAMES_ZH = {Role.SECRETARIAT: "文明办", Role.APPROVER: "镇党委"}


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return date(day.year + years, 3, 1)
