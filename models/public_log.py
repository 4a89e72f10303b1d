"""The public log of a campaign's official actions, drawn from the audit log: publicity
opened and closed, objections received and their outcomes, the commendation published.
Counts and dates only: never a reason, an actor, a complainant or a nominee."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from models import mapping
from models import tables as t
from models.store import Store
from workflows.calendar import local_date
from workflows.stages import Action

AUD, NOM, OBJ = t.AuditRow.__table__, t.NominationRow.__table__, t.ObjectionRow.__table__
DOC, CAMPAIGN, WIN = (t.PublishedListRow.__table__, t.CampaignRow.__table__,
                      t.PublicityWindowRow.__table__)
#: Stage moves of nominations that are official acts of the campaign.
MOVES = (Action.OPEN_PUBLICITY.value, Action.CLOSE_PUBLICITY.value, Action.COMMEND.value,
         Action.DISQUALIFY.value, Action.REVOKE.value)
OBJECTION_ACTIONS = ("file_objection", "resolve_objection")
#: The order of a day's lines: the order the acts happen in.
ORDER = ("open_publicity", "file_objection", "resolve_objection", "disqualify",
         "close_publicity", "commend", "publish_decision", "revoke")


@dataclass(frozen=True)
class LogLine:
    """On ``on``, ``count`` of ``kind`` (a stage move, an objection filed or resolved, a
    decision published); ``detail``: the outcome, or the decision's number."""

    on: date
    kind: str
    count: int
    detail: str = ""


@dataclass(frozen=True)
class CampaignLog:
    campaign_id: str
    campaign_name: str
    lines: tuple[LogLine, ...]
    objections: int
    outcomes: dict[str, int]


def campaigns(store: Store) -> list[tuple[str, str, int]]:
    """(id, name, year) of every campaign, newest first."""
    query = select(CAMPAIGN.c.id, CAMPAIGN.c.name, CAMPAIGN.c.year).order_by(
        CAMPAIGN.c.year.desc(), CAMPAIGN.c.created_at.desc())
    with store.sessions() as session:
        return [(r.id, r.name, r.year) for r in session.execute(query)]


def window_campaign(store: Store, window_id: str) -> str | None:
    if not window_id.isalnum() or len(window_id) > 32:
        return None
    with store.sessions() as session:
        return session.scalar(select(WIN.c.campaign_id).where(WIN.c.id == window_id))


def campaign_log(store: Store, campaign_id: str) -> CampaignLog | None:
    if not campaign_id.isalnum() or len(campaign_id) > 32:
        return None
    with store.sessions() as session:
        name = session.scalar(select(CAMPAIGN.c.name).where(CAMPAIGN.c.id == campaign_id))
        if name is None:
            return None
        moves = session.execute(
            select(AUD.c.action, AUD.c.at).join(NOM, NOM.c.id == AUD.c.subject_id)
            .where(NOM.c.campaign_id == campaign_id, AUD.c.action.in_(MOVES))).all()
        objections = session.execute(
            select(AUD.c.action, AUD.c.target, AUD.c.at)
            .join(OBJ, OBJ.c.id == AUD.c.subject_id).join(NOM, NOM.c.id == OBJ.c.nomination_id)
            .where(NOM.c.campaign_id == campaign_id,
                   AUD.c.action.in_(OBJECTION_ACTIONS))).all()
        decisions = session.execute(
            select(DOC.c.meta, DOC.c.created_at).where(
                DOC.c.campaign_id == campaign_id, DOC.c.kind == "commendation_decision")).all()
    counts: Counter[tuple[date, str, str]] = Counter()
    for action, at in moves:
        counts[(_day(at), action, "")] += 1
    for action, target, at in objections:
        counts[(_day(at), action, target if action == "resolve_objection" else "")] += 1
    lines = [LogLine(on, kind, n, detail) for (on, kind, detail), n in counts.items()]
    lines += [LogLine(_day(at), "publish_decision", 1, str((meta or {}).get("number", "")))
              for meta, at in decisions]
    filed = sum(1 for action, _, _ in objections if action == "file_objection")
    outcomes = Counter(target for action, target, _ in objections
                       if action == "resolve_objection")
    lines.sort(key=lambda line: (line.on, ORDER.index(line.kind), line.detail))
    return CampaignLog(campaign_id, name, tuple(lines), filed, dict(outcomes))


def _day(at: datetime | None) -> date:
    return local_date(mapping.stamped(at))
