"""Read-side queries for the village clerk's pages: the village's nominations in the current
campaign, one nomination with its audit trail and attachments, the village's roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from models import tables as t
from models.store import Store
from workflows.campaign import Campaign

NOM, AUDIT, FILE = t.NominationRow.__table__, t.AuditRow.__table__, t.AttachmentRow.__table__
CAMPAIGN, VILLAGE = t.CampaignRow.__table__, t.VillageRow.__table__
HOUSEHOLD, PERSON = t.HouseholdRow.__table__, t.PersonRow.__table__


@dataclass(frozen=True)
class Step:
    """One audited move or record on a nomination (who is a role, never a person)."""

    at: datetime
    role: str
    action: str
    source: str
    target: str
    reason: str


def village_name(store: Store, village_id: str) -> str:
    with store.sessions() as session:
        return str(session.scalar(select(VILLAGE.c.name).where(VILLAGE.c.id == village_id))
                   or village_id)


def current_campaigns(store: Store, village_id: str) -> list[dict[str, Any]]:
    """The campaigns of the village's township in its latest campaign year, newest first."""
    township = select(VILLAGE.c.township_id).where(VILLAGE.c.id == village_id)
    query = select(CAMPAIGN.c.id, CAMPAIGN.c.name, CAMPAIGN.c.year).where(
        CAMPAIGN.c.township_id == township.scalar_subquery())
    with store.sessions() as session:
        rows = session.execute(query.order_by(CAMPAIGN.c.created_at.desc())).all()
    latest = max((r.year for r in rows), default=None)
    return [{"id": r.id, "name": r.name, "year": r.year} for r in rows if r.year == latest]


def campaign(store: Store, campaign_id: str) -> Campaign:
    """The campaign with its policy (rubrics, categories), for the nomination form."""
    with store.uow() as uow:
        return uow.campaigns.get(campaign_id)


def village_nominations(store: Store, village_id: str,
                        campaign_ids: list[str]) -> list[dict[str, Any]]:
    """The village's nominations in these campaigns, most recently changed first."""
    query = (select(NOM.c.id, NOM.c.campaign_id, NOM.c.programme, NOM.c.display_name,
                    NOM.c.category, NOM.c.stage, NOM.c.stage_reason, NOM.c.stage_changed_at,
                    NOM.c.star_level)
             .where(NOM.c.village_id == village_id, NOM.c.campaign_id.in_(campaign_ids))
             .order_by(NOM.c.stage_changed_at.desc(), NOM.c.id))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def nomination(store: Store, nomination_id: str) -> dict[str, Any] | None:
    with store.sessions() as session:
        row = session.get(t.NominationRow, nomination_id)
        return row.model_dump() if row is not None else None


def timeline(store: Store, nomination_id: str) -> list[Step]:
    """Every audited step on the nomination, oldest first."""
    query = (select(AUDIT.c.at, AUDIT.c.role, AUDIT.c.action, AUDIT.c.source, AUDIT.c.target,
                    AUDIT.c.reason)
             .where(AUDIT.c.subject_id == nomination_id).order_by(AUDIT.c.seq))
    with store.sessions() as session:
        return [Step(*row) for row in session.execute(query)]


def attachments(store: Store, nomination_id: str) -> list[dict[str, Any]]:
    query = (select(FILE.c.id, FILE.c.purpose, FILE.c.filename, FILE.c.kind, FILE.c.size,
                    FILE.c.uploaded_at)
             .where(FILE.c.nomination_id == nomination_id).order_by(FILE.c.uploaded_at))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def nominees(store: Store, village_id: str) -> dict[str, list[dict[str, Any]]]:
    """Who the village may nominate: its households (by head) and its residents."""
    households = (select(HOUSEHOLD.c.id, HOUSEHOLD.c.head_name)
                  .where(HOUSEHOLD.c.village_id == village_id).order_by(HOUSEHOLD.c.id))
    persons = (select(PERSON.c.id, PERSON.c.name, PERSON.c.household_id)
               .where(PERSON.c.village_id == village_id, PERSON.c.deceased_on.is_(None))
               .order_by(PERSON.c.household_id, PERSON.c.id))
    with store.sessions() as session:
        return {"households": [dict(r._mapping) for r in session.execute(households)],
                "persons": [dict(r._mapping) for r in session.execute(persons)]}


def roster_page(store: Store, village_id: str, page: int,
                size: int) -> tuple[int, list[dict[str, Any]]]:
    """(number of households, one page of households each with its members)."""
    where = HOUSEHOLD.c.village_id == village_id
    query = (select(HOUSEHOLD.c.id, HOUSEHOLD.c.head_name).where(where)
             .order_by(HOUSEHOLD.c.id).offset((page - 1) * size).limit(size))
    with store.sessions() as session:
        total = int(session.scalar(select(func.count()).select_from(HOUSEHOLD).where(where))
                    or 0)
        households = [dict(r._mapping, members=[]) for r in session.execute(query)]
        by_id = {h["id"]: h for h in households}
        members = (select(PERSON.c.id, PERSON.c.household_id, PERSON.c.name, PERSON.c.gender,
                          PERSON.c.relation, PERSON.c.id_number, PERSON.c.phone,
                          PERSON.c.birth_date)
                   .where(PERSON.c.household_id.in_(list(by_id))).order_by(PERSON.c.id))
        for row in session.execute(members):
            by_id[row.household_id]["members"].append(dict(row._mapping))
    return total, households
