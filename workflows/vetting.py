"""Department vetting (联合审查): one request per department per nomination, each answered
"no adverse record" or "veto found", or overdue when unanswered past its due date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from workflows.calendar import WorkCalendar, local_date
from workflows.errors import InvalidInput
from workflows.policy import CampaignPolicy
from workflows.text import clean_text

DEFAULT_DEPARTMENTS = ("公安派出所", "司法所", "纪委", "信访办")
PENDING, CLEAR, VETO = "pending", "clear", "veto"
OUTCOME_NAMES_ZH = {PENDING: "待答复", CLEAR: "无不良记录", VETO: "一票否决"}


@dataclass(frozen=True)
class VettingPolicy:
    """Which departments vet, and how many days they have (counted from the next day)."""

    departments: tuple[str, ...] = DEFAULT_DEPARTMENTS
    days: int = 5
    day_kind: str = "working"


def vetting_policy(policy: CampaignPolicy) -> VettingPolicy:
    """The campaign's vetting settings: ``policy.extra["vetting"]`` when the policy has such a
    field, else the defaults."""
    raw: Mapping[str, Any] = (getattr(policy, "extra", None) or {}).get("vetting", {})
    departments = tuple(raw.get("departments", DEFAULT_DEPARTMENTS))
    days = int(raw.get("days", VettingPolicy.days))
    if days < 1 or len(set(departments)) != len(departments):
        raise InvalidInput("联审设置有误：期限至少 1 天，部门不能重复")
    return VettingPolicy(departments, days, str(raw.get("day_kind", VettingPolicy.day_kind)))


@dataclass
class VettingRequest:
    id: str
    nomination_id: str
    campaign_id: str
    department: str
    requested_at: datetime
    due_at: datetime
    outcome: str = PENDING
    note: str = ""
    answered_at: datetime | None = None
    answered_by: str = ""

    @property
    def answered(self) -> bool:
        return self.outcome != PENDING

    def answer(self, outcome: str, note: str, actor_id: str, now: datetime) -> None:
        """Record the department's written answer; refused if answered already or unclear."""
        if self.answered:
            raise InvalidInput(
                f"{self.department}的联审意见已于 {local_date(self.answered_at or now)} 录入"
                f"（{OUTCOME_NAMES_ZH[self.outcome]}），不能重复录入")
        if outcome not in (CLEAR, VETO):
            raise InvalidInput(f"联审结果“{outcome}”无法识别，应为 clear（无不良记录）"
                               "或 veto（一票否决）")
        note = clean_text(note, "联审意见", 1000, required=False)
        if outcome == VETO and not note:
            raise InvalidInput(f"{self.department}反馈一票否决，必须写明具体情况")
        self.outcome, self.note = outcome, note
        self.answered_at, self.answered_by = now, actor_id


def due_at(calendar: WorkCalendar, requested_at: datetime, policy: VettingPolicy) -> datetime:
    """The end of the last day the departments have; the request day itself does not count."""
    first = local_date(requested_at) + timedelta(days=1)
    return calendar.closes_at(first, policy.days, policy.day_kind)


def new_requests(nomination_id: str, campaign_id: str, have: Iterable[str],
                 policy: VettingPolicy, calendar: WorkCalendar, now: datetime,
                 new_id: Any) -> list[VettingRequest]:
    """The requests still missing for this nomination (one per department, never two)."""
    due, known = due_at(calendar, now, policy), set(have)
    return [VettingRequest(new_id(), nomination_id, campaign_id, department, now, due)
            for department in policy.departments if department not in known]


def veto_reason(request: VettingRequest) -> str:
    return f"联合审查（{request.department}）：{request.note}"


def cleared(requests: Sequence[VettingRequest], departments: Sequence[str]) -> bool:
    """Every configured department was asked and answered "no adverse record", and no one
    found a veto. False while the requests are not even opened yet."""
    answers = {r.department: r.outcome for r in requests}
    return all(answers.get(d) == CLEAR for d in departments) and \
        all(outcome == CLEAR for outcome in answers.values())
