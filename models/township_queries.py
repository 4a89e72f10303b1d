"""Read-side queries for the township's pages (镇文明办, 镇党委): progress per village and
stage, what waits in each queue, the panel's state, publicity windows, objection cases."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import func, select

from models import tables as t
from models.store import Store
from workflows.calendar import local_date
from workflows.deadlines import ACTOR_NAMES_ZH, ACTS, due_on
from workflows.objections import OPEN_STATUSES

NOM, VILLAGE, ACCOUNT = t.NominationRow.__table__, t.VillageRow.__table__, t.AccountRow.__table__
SEAT, RESULT, REVIEW = (t.PanelSeatRow.__table__, t.PanelResultRow.__table__,
                        t.ReviewRow.__table__)
WIN, OBJ, DOC = t.PublicityWindowRow.__table__, t.ObjectionRow.__table__, \
    t.PublishedListRow.__table__
AUDIT = t.AuditRow.__table__


def village_stage_counts(store: Store, campaign_id: str) -> dict[str, Counter[str]]:
    """Village name -> stage -> number of the campaign's nominations."""
    query = (select(VILLAGE.c.name, NOM.c.stage, func.count())
             .select_from(NOM.join(VILLAGE, VILLAGE.c.id == NOM.c.village_id))
             .where(NOM.c.campaign_id == campaign_id)
             .group_by(VILLAGE.c.id, VILLAGE.c.name, NOM.c.stage).order_by(VILLAGE.c.id))
    found: dict[str, Counter[str]] = {}
    with store.sessions() as session:
        for name, stage, count in session.execute(query):
            found.setdefault(name, Counter())[stage] = count
    return found


def level_counts(store: Store, campaign_id: str) -> Counter[str]:
    """Star level (or grade) -> how many nominations reached it."""
    query = (select(NOM.c.star_level, func.count())
             .where(NOM.c.campaign_id == campaign_id, NOM.c.star_level != "")
             .group_by(NOM.c.star_level).order_by(NOM.c.star_level))
    with store.sessions() as session:
        return Counter(dict(session.execute(query).all()))


def overdue(store: Store, campaign_id: str, today: date) -> list[dict[str, Any]]:
    """The campaign's nominations past the deadline of the stage they wait in."""
    items = []
    with store.uow() as uow:
        campaign = uow.campaigns.get(campaign_id)
        for nomination in uow.nominations.waiting_in(list(ACTS)):
            day = due_on(campaign, nomination) if nomination.campaign_id == campaign_id else None
            if day is not None and day < today:
                items.append({"id": nomination.id, "display_name": nomination.display_name,
                              "stage": nomination.stage.value, "due_on": day,
                              "days": (today - day).days,
                              "acted_by": ACTOR_NAMES_ZH[ACTS[nomination.stage]]})
    return sorted(items, key=lambda i: (i["due_on"], i["display_name"]))


def nominations_in(store: Store, campaign_id: str, stages: list[str]) -> list[dict[str, Any]]:
    """The campaign's nominations in these stages, with village name and panel result."""
    query = (select(NOM.c.id, NOM.c.display_name, NOM.c.programme, NOM.c.stage,
                    NOM.c.stage_reason, NOM.c.points, NOM.c.star_level, NOM.c.revision_round,
                    VILLAGE.c.name.label("village_name"), RESULT.c.rank, RESULT.c.quota_status,
                    RESULT.c.value)
             .select_from(NOM.join(VILLAGE, VILLAGE.c.id == NOM.c.village_id)
                          .outerjoin(RESULT, RESULT.c.nomination_id == NOM.c.id))
             .where(NOM.c.campaign_id == campaign_id, NOM.c.stage.in_(stages))
             .order_by(NOM.c.programme, RESULT.c.rank, NOM.c.display_name, NOM.c.id))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def stage_reason(store: Store, nomination_id: str) -> str:
    with store.sessions() as session:
        return str(session.scalar(select(NOM.c.stage_reason).where(
            NOM.c.id == nomination_id)) or "")


def reviewers(store: Store) -> list[dict[str, str]]:
    """Every account with the reviewer role: id and name."""
    query = select(ACCOUNT.c.id, ACCOUNT.c.name).where(ACCOUNT.c.role == "reviewer")
    with store.sessions() as session:
        return [{"id": i, "name": n} for i, n in session.execute(query.order_by(ACCOUNT.c.id))]


def panels(store: Store, campaign_id: str) -> dict[str, dict[str, Any]]:
    """Programme -> its panel: members, quorum, and per nomination in review the sheets in."""
    with store.uow() as uow:
        policy = uow.campaigns.get(campaign_id).policy
    found: dict[str, dict[str, Any]] = {
        str(key): {"members": [], "quorum": policy.panel_quorum, "nominations": []}
        for key in policy.programmes}
    seats = (select(SEAT.c.programme, SEAT.c.reviewer_id, ACCOUNT.c.name)
             .select_from(SEAT.join(ACCOUNT, ACCOUNT.c.id == SEAT.c.reviewer_id))
             .where(SEAT.c.campaign_id == campaign_id).order_by(SEAT.c.reviewer_id))
    sheets = (select(NOM.c.id, NOM.c.programme, NOM.c.display_name, func.count(REVIEW.c.id))
              .select_from(NOM.outerjoin(REVIEW, REVIEW.c.nomination_id == NOM.c.id))
              .where(NOM.c.campaign_id == campaign_id, NOM.c.stage == "panel_review")
              .group_by(NOM.c.id, NOM.c.programme, NOM.c.display_name)
              .order_by(NOM.c.display_name))
    with store.sessions() as session:
        for programme, reviewer_id, name in session.execute(seats):
            found[programme]["members"].append({"id": reviewer_id, "name": name})
        for nomination_id, programme, display_name, count in session.execute(sheets):
            found[programme]["nominations"].append(
                {"id": nomination_id, "display_name": display_name, "sheets": count})
    return found


def windows(store: Store, campaign_id: str) -> list[dict[str, Any]]:
    query = select(WIN).where(WIN.c.campaign_id == campaign_id).order_by(WIN.c.round)
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def objections(store: Store, campaign_id: str) -> list[dict[str, Any]]:
    """Every objection to the campaign's nominations, open ones first; with the complainant
    (for the secretariat's eyes only)."""
    query = (select(OBJ, NOM.c.display_name)
             .select_from(OBJ.join(NOM, NOM.c.id == OBJ.c.nomination_id))
             .where(NOM.c.campaign_id == campaign_id)
             .order_by(OBJ.c.status.not_in(OPEN_STATUSES), OBJ.c.received_at, OBJ.c.id))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def decisions(store: Store, campaign_id: str) -> list[dict[str, Any]]:
    """The campaign's published commendation decisions, newest first."""
    query = (select(DOC.c.id, DOC.c.version, DOC.c.meta, DOC.c.created_at, DOC.c.content_hash)
             .where(DOC.c.campaign_id == campaign_id, DOC.c.kind == "commendation_decision")
             .order_by(DOC.c.version.desc()))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def today(store: Store) -> date:
    return local_date(store.clock.now())


def nomination(store: Store, nomination_id: str) -> dict[str, Any] | None:
    """One nomination with its village's name, or None."""
    query = (select(NOM, VILLAGE.c.name.label("village_name"))
             .select_from(NOM.join(VILLAGE, VILLAGE.c.id == NOM.c.village_id))
             .where(NOM.c.id == nomination_id))
    with store.sessions() as session:
        row = session.execute(query).first()
    return dict(row._mapping) if row else None


def history(store: Store, nomination_id: str) -> list[dict[str, Any]]:
    """A nomination's moves from its audit chain, oldest first."""
    query = (select(AUDIT.c.at, AUDIT.c.role, AUDIT.c.action, AUDIT.c.source, AUDIT.c.target,
                    AUDIT.c.reason)
             .where(AUDIT.c.subject_id == nomination_id).order_by(AUDIT.c.seq))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]
