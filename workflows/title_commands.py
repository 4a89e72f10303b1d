"""Commands on a title after the award: the revocation case, plaques, re-rating, cancellation.
Each names the nomination that won the title."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workflows.command import Command
from workflows.nomination import Actor


@dataclass(frozen=True)
class ReportForRevocation(Command):
    """A report (举报 or a late veto) that opens a revocation case."""

    nomination_id: str
    actor: Actor
    reason_code: str
    report: str


@dataclass(frozen=True)
class VerifyRevocationReport(Command):
    """The secretariat's verification: ``founded`` sends it to the party committee."""

    nomination_id: str
    actor: Actor
    findings: str
    founded: bool


@dataclass(frozen=True)
class DecideRevocation(Command):
    """The party committee decides: revoke (the title ends, the bar starts) or not."""

    nomination_id: str
    actor: Actor
    revoke: bool
    reason: str = ""


@dataclass(frozen=True)
class IssueRevocationNotice(Command):
    """The revocation notice (撤销通报) is issued; benefits end on ``benefits_ended_on``."""

    nomination_id: str
    actor: Actor
    number: str
    benefits_ended_on: date


@dataclass(frozen=True)
class RecordPlaque(Command):
    """A plaque issued, hung (挂牌) or recovered, on a date."""

    nomination_id: str
    actor: Actor
    step: str
    on: date


@dataclass(frozen=True)
class ReRateTitle(Command):
    """Re-rate a held title against its campaign's rubric (动态管理)."""

    nomination_id: str
    actor: Actor
    marks: dict[str, float] = field(default_factory=dict)
    remediation_due: date | None = None


@dataclass(frozen=True)
class CancelTitle(Command):
    """注销: a merged or renamed village's title ends without penalty."""

    nomination_id: str
    actor: Actor
    reason: str
    note: str = ""
