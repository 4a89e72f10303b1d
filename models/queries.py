"""Read-side queries for the CLI and the pages: counts, lists, waiting work."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, or_, select

from models import tables as t
from models.store import Store

NOM, NOTE, OUT = t.NominationRow.__table__, t.NotificationRow.__table__, t.OutboxRow.__table__
AUDIT, CAMPAIGN, PERSON = t.AuditRow.__table__, t.CampaignRow.__table__, t.PersonRow.__table__


def latest_campaign_id(store: Store) -> str | None:
    with store.sessions() as session:
        query = select(CAMPAIGN.c.id).order_by(CAMPAIGN.c.created_at.desc())
        return session.scalars(query.limit(1)).first()


def stage_counts(store: Store, campaign_id: str) -> Counter[tuple[str, str]]:
    """(programme, stage) -> number of nominations."""
    query = (select(NOM.c.programme, NOM.c.stage, func.count())
             .where(NOM.c.campaign_id == campaign_id).group_by(NOM.c.programme, NOM.c.stage))
    with store.sessions() as session:
        return Counter({(p, s): n for p, s, n in session.execute(query)})


def notification_counts(store: Store) -> Counter[str]:
    query = select(NOTE.c.status, func.count()).group_by(NOTE.c.status)
    with store.sessions() as session:
        return Counter(dict(session.execute(query).all()))


def stage_totals(store: Store) -> Counter[tuple[str, str]]:
    """(campaign id, stage) -> number of nominations, over every campaign."""
    query = (select(NOM.c.campaign_id, NOM.c.stage, func.count())
             .group_by(NOM.c.campaign_id, NOM.c.stage))
    with store.sessions() as session:
        return Counter({(c, s): n for c, s, n in session.execute(query)})


def outbox_counts(store: Store) -> Counter[str]:
    """``waiting`` and ``handled`` -> number of outbox events."""
    state = OUT.c.processed_at.is_(None)
    query = select(state, func.count()).group_by(state)
    with store.sessions() as session:
        return Counter({"waiting" if waiting else "handled": n
                        for waiting, n in session.execute(query)})


def pending_events(store: Store) -> int:
    query = select(func.count()).select_from(OUT).where(OUT.c.processed_at.is_(None))
    with store.sessions() as session:
        return int(session.scalar(query) or 0)


def nominations(store: Store, campaign_id: str, stage: str | None = None) -> list[dict[str, Any]]:
    query = (select(t.NominationRow).where(NOM.c.campaign_id == campaign_id)
             .order_by(NOM.c.display_name, NOM.c.id))
    if stage:
        query = query.where(NOM.c.stage == stage)
    with store.sessions() as session:
        return [row.model_dump() for row in session.scalars(query)]


def audit_counts(store: Store, subject_ids: list[str]) -> Counter[tuple[str, int]]:
    """(subject, seq) -> how many entries: every value is 1 when each move was logged once."""
    query = (select(AUDIT.c.subject_id, AUDIT.c.seq, func.count())
             .where(AUDIT.c.subject_id.in_(subject_ids))
             .group_by(AUDIT.c.subject_id, AUDIT.c.seq))
    with store.sessions() as session:
        return Counter({(s, q): n for s, q, n in session.execute(query)})


def notifications(store: Store, recipient: str | None = None) -> list[dict[str, Any]]:
    query = select(t.NotificationRow).order_by(NOTE.c.id)
    if recipient:
        query = query.where(NOTE.c.recipient == recipient)
    with store.sessions() as session:
        return [row.model_dump() for row in session.scalars(query)]


def roster_overview(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Villages, households and persons in id order (for demos and benchmarks)."""
    with store.sessions() as session:
        villages = [{"id": r.id, "name": r.name} for r in
                    session.scalars(select(t.VillageRow).order_by(t.VillageRow.id))]
        households = [{"id": r.id, "village_id": r.village_id} for r in
                      session.scalars(select(t.HouseholdRow).order_by(t.HouseholdRow.id))]
        query = select(PERSON.c.id, PERSON.c.village_id, PERSON.c.birth_date)
        persons = [{"id": i, "village_id": v, "birth_date": b} for i, v, b in
                   session.execute(query.order_by(PERSON.c.id))]
    return {"villages": villages, "households": households, "persons": persons}


def event_ids(store: Store) -> list[int]:
    with store.sessions() as session:
        return list(session.scalars(select(OUT.c.id).order_by(OUT.c.id)))


def actions_taken(store: Store, campaign_id: str) -> Counter[tuple[str, str, str]]:
    """(programme, action, role) -> how many nominations had it: the course of review."""
    audit = t.AuditRow.__table__
    query = (select(NOM.c.programme, audit.c.action, audit.c.role,
                    func.count(func.distinct(audit.c.subject_id)))
             .select_from(audit.join(NOM, or_(NOM.c.id == audit.c.subject_id,
                                              NOM.c.id == audit.c.target)))
             .where(NOM.c.campaign_id == campaign_id)
             .group_by(NOM.c.programme, audit.c.action, audit.c.role))
    with store.sessions() as session:
        return Counter({(p, a, r): n for p, a, r, n in session.execute(query)})


def townships(store: Store) -> list[tuple[str, str]]:
    """(code, name) of every township in the roster, by code."""
    table = t.TownshipRow.__table__
    with store.sessions() as session:
        return [(code, name) for code, name in
                session.execute(select(table.c.id, table.c.name).order_by(table.c.id))]


def nominated_subjects(store: Store) -> set[str]:
    """Every village, household or person nominated in any campaign so far."""
    with store.sessions() as session:
        return set(session.scalars(select(NOM.c.subject_id).distinct()))


def unsettled(store: Store, campaign_id: str, settled: tuple[str, ...]) -> Counter[str]:
    """stage -> number of a campaign's nominations not yet in one of the ``settled`` stages."""
    query = (select(NOM.c.stage, func.count()).where(NOM.c.campaign_id == campaign_id,
                                                     NOM.c.stage.not_in(settled))
             .group_by(NOM.c.stage))
    with store.sessions() as session:
        return Counter(dict(session.execute(query).all()))
