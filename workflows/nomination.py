"""The nomination aggregate: the record a stage move changes, and the actor who moves it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workflows.audit import AuditEntry, chain_entry
from workflows.errors import Forbidden, StaleVersion
from workflows.events import Event, StageChanged
from workflows.policy import Programme
from workflows.stages import Action, Move, Role, Stage, transition
from workflows.text import clean_text


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Actor:
    id: str
    role: Role
    name: str = ""
    village_id: str | None = None
    department: str | None = None  # a department officer's department


SYSTEM = Actor("system", Role.SYSTEM, "系统")
#: The longest reason a person may give for a move or an audited change.
REASON_MAX = 1000


@dataclass
class Nomination:
    id: str
    campaign_id: str
    programme: Programme
    village_id: str
    subject_id: str
    display_name: str
    category: str = ""
    deeds: str = ""
    self_marks: dict[str, float] = field(default_factory=dict)
    stage: Stage = Stage.DRAFT
    version: int = 0
    audit_head: str = ""
    revision_round: int = 0
    window_id: str | None = None
    points: float | None = None
    star_level: str = ""
    stage_reason: str = ""
    stage_changed_at: datetime | None = None
    nominated_by: str = "village"  # self | village | others
    rubric_version: int = 0  # pinned at submission; 0 = not yet submitted
    outside_scores: dict[str, float] = field(default_factory=dict)  # weighted sources
    posthumous: bool = False
    consent: dict[str, Any] = field(default_factory=dict)
    assembly: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list, repr=False, compare=False)
    audit: list[AuditEntry] = field(default_factory=list, repr=False, compare=False)

    def take(
        self, action: Action, actor: Actor, now: datetime, reason: str = "",
        expected_version: int | None = None,
    ) -> None:
        """Move along the stage table, recording the event and the audit entry."""
        if expected_version is not None and expected_version != self.version:
            raise StaleVersion(
                f"申报 {self.display_name} 已被他人修改（版本 {self.version}，"
                f"您看到的是 {expected_version}），请刷新后重试"
            )
        reason = clean_text(reason, "理由", REASON_MAX, required=False)
        move = self.check(action, actor, reason)
        entry = chain_entry(
            self.audit_head, subject_id=self.id, seq=self.version + 1, actor_id=actor.id,
            role=actor.role.value, action=action.value, source=self.stage.value,
            target=move.target.value, reason=reason, at=now,
        )
        self.events.append(StageChanged(
            self.id, self.campaign_id, action.value, self.stage.value, move.target.value,
            actor.id, reason,
        ))
        self.audit.append(entry)
        self.stage, self.version, self.audit_head = move.target, self.version + 1, entry.hash
        self.stage_reason, self.stage_changed_at = reason, now
        if action is Action.RESUBMIT:
            self.revision_round += 1

    def check(self, action: Action, actor: Actor, reason: str = "") -> Move:
        """The move ``actor`` may take, or a refusal; changes nothing."""
        if actor.role is Role.VILLAGE and actor.village_id != self.village_id:
            raise Forbidden("村两委只能办理本村的申报")
        return transition(self.stage, action, actor.role, reason)

    def record(self, action: str, actor: Actor, now: datetime, reason: str = "") -> None:
        """An audited change that moves no stage (an assembly vote, a consent, a category)."""
        if actor.role is Role.VILLAGE and actor.village_id != self.village_id:
            raise Forbidden("村两委只能办理本村的申报")
        reason = clean_text(reason, "理由", REASON_MAX, required=False)
        entry = chain_entry(
            self.audit_head, subject_id=self.id, seq=self.version + 1, actor_id=actor.id,
            role=actor.role.value, action=action, source=self.stage.value,
            target=self.stage.value, reason=reason, at=now,
        )
        self.audit.append(entry)
        self.version, self.audit_head = self.version + 1, entry.hash
