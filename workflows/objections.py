"""Objection cases filed during publicity: received (by the web form, or recorded by the
文明办 from a letter, call, visit or e-mail), an investigator assigned, then upheld, dismissed
or withdrawn with findings and a written reply to the complainant."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workflows.audit import AuditEntry, chain_entry
from workflows.errors import InvalidInput
from workflows.events import Event, ObjectionResolved
from workflows.nomination import Actor
from workflows.text import clean_line, clean_text, valid_contact

OUTCOME_NAMES_ZH = {"upheld": "成立", "dismissed": "不成立", "withdrawn": "已撤回"}
OPEN_STATUSES = ("received", "investigating")
STATUS_NAMES_ZH = {"received": "已受理", "investigating": "调查核实中", **OUTCOME_NAMES_ZH}
CHANNELS = ("web", "letter", "phone", "visit", "email")
#: The channels staff record by hand: everything but the public web form.
STAFF_CHANNELS = ("letter", "phone", "visit", "email")
CHANNEL_NAMES_ZH = {"web": "网上提交", "letter": "来信", "phone": "来电", "visit": "来访",
                    "email": "电子邮件"}
TEXT_MAX = 2000


def complainant(name: str, contact: str, content: str) -> tuple[str, str, str]:
    """The complainant's real name, phone or e-mail, and the facts objected to, normalised;
    an anonymous objection (no name or contact left after normalising) is not accepted."""
    name = clean_line(name, "异议人姓名", 50, required=False)
    contact = clean_line(contact, "联系方式", 254, required=False)
    if not name or not contact:
        raise InvalidInput("请填写真实姓名和联系方式（不受理匿名异议）")
    content = clean_text(content, "异议内容", TEXT_MAX, required=False)
    if len(content) < 10:
        raise InvalidInput("请写明异议的具体事实（至少 10 个字）")
    return name, valid_contact(contact), content


def receipt(objection_id: str) -> str:
    """The short number a complainant quotes (8 characters of the id, upper-cased)."""
    return objection_id[:8].upper()


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
    late: bool = False
    investigator: str = ""
    assigned_at: datetime | None = None
    reply: str = ""
    events: list[Event] = field(default_factory=list, repr=False, compare=False)
    audit: list[AuditEntry] = field(default_factory=list, repr=False, compare=False)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def _check_open(self) -> None:
        if not self.is_open:
            done = OUTCOME_NAMES_ZH[self.status]
            raise InvalidInput(f"异议 {receipt(self.id)} 已处理（{done}），不能再次处理")

    def _log(self, actor: Actor, action: str, target: str, reason: str, now: datetime) -> None:
        entry = chain_entry(
            self.audit_head, subject_id=self.id, seq=self.version + 1, actor_id=actor.id,
            role=actor.role.value, action=action, source=self.status, target=target,
            reason=reason, at=now,
        )
        self.status, self.version, self.audit_head = target, self.version + 1, entry.hash
        self.audit.append(entry)

    def assign(self, investigator: str, actor: Actor, now: datetime) -> None:
        """The 文明办 names who investigates (often the recommending village or the 纪委);
        a reassignment while the case is open is logged the same way."""
        self._check_open()
        investigator = clean_line(investigator, "调查人", 100)
        self.investigator, self.assigned_at = investigator, now
        self._log(actor, "assign_investigator", "investigating", investigator, now)

    def resolve(self, outcome: str, findings: str, actor: Actor, now: datetime,
                reply: str = "") -> None:
        """The conclusion, with the findings (on file) and the written reply sent to the
        complainant (the findings themselves when no separate reply is written)."""
        if outcome not in OUTCOME_NAMES_ZH:
            raise InvalidInput(f"未知的处理结果 {outcome}（应为 upheld、dismissed 或 withdrawn）")
        self._check_open()
        findings = clean_text(findings, "调查核实情况", TEXT_MAX, required=False)
        if outcome != "withdrawn" and not findings:
            raise InvalidInput("请填写调查核实情况")
        reply = clean_text(reply, "答复意见", TEXT_MAX, required=False) or findings
        self.findings, self.reply, self.resolved_at = findings, reply, now
        self._log(actor, "resolve_objection", outcome, findings, now)
        self.events.append(ObjectionResolved(self.id, self.nomination_id, outcome))
