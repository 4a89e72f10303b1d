"""Objection cases filed during publicity: received, then upheld, dismissed or withdrawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workflows.audit import AuditEntry, chain_entry
from workflows.errors import InvalidInput
from workflows.events import Event, ObjectionResolved
from workflows.nomination import Actor
from workflows.text import clean_line, clean_text, valid_contact

OUTCOME_NAMES_ZH = {"upheld": "成立", "dismissed": "不成立", "withdrawn": "已撤回"}
CHANNELS = ("web", "letter", "phone", "visit", "email")


def complainant(name: str, contact: str, content: str) -> tuple[str, str, str]:
    """The complainant's real name, phone or e-mail, and the facts objected to, normalised;
    an anonymous objection (no name or contact left after normalising) is not accepted."""
    name = clean_line(name, "异议人姓名", 50, required=False)
    contact = clean_line(contact, "联系方式", 254, required=False)
    if not name or not contact:
        raise InvalidInput("请填写真实姓名和联系方式（不受理匿名异议）")
    content = clean_text(content, "异议内容", 2000, required=False)
    if len(content) < 10:
        raise InvalidInput("请写明异议的具体事实（至少 10 个字）")
    return name, valid_contact(contact), content


@dataclass
class ObjectionCase:
    id: str
    nomination_id: str
    window_id: str
    complainant_name: str
    complainant_contact: str
    content: str
    channel: str
    received_at: datetime
    status: str = "received"
    findings: str = ""
    resolved_at: datetime | None = None
    version: int = 1
    audit_head: str = ""
    events: list[Event] = field(default_factory=list, repr=False, compare=False)
    audit: list[AuditEntry] = field(default_factory=list, repr=False, compare=False)

    @property
    def is_open(self) -> bool:
        return self.status == "received"

    def resolve(self, outcome: str, findings: str, actor: Actor, now: datetime) -> None:
        if outcome not in OUTCOME_NAMES_ZH:
            raise InvalidInput(f"未知的处理结果 {outcome}（应为 upheld、dismissed 或 withdrawn）")
        if not self.is_open:
            done = OUTCOME_NAMES_ZH[self.status]
            raise InvalidInput(f"异议 {self.id} 已处理（{done}），不能再次处理")
        findings = clean_text(findings, "调查核实情况", 2000, required=False)
        if outcome != "withdrawn" and not findings:
            raise InvalidInput("请填写调查核实情况")
        entry = chain_entry(
            self.audit_head, subject_id=self.id, seq=self.version + 1, actor_id=actor.id,
            role=actor.role.value, action="resolve_objection", source=self.status,
            target=outcome, reason=findings, at=now,
        )
        self.status, self.findings, self.resolved_at = outcome, findings, now
        self.version, self.audit_head = self.version + 1, entry.hash
        self.audit.append(entry)
        self.events.append(ObjectionResolved(self.id, self.nomination_id, outcome))
