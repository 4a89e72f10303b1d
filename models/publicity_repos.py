"""Repositories for publicity windows, objection cases and frozen published lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from models import mapping
from models import tables as t
from workflows.audit_seal import Signer, document_seal
from workflows.errors import NotFound, StaleVersion
from workflows.objections import OPEN_STATUSES, ObjectionCase
from workflows.publicity import PublicityWindow, PublishedList

WIN = t.PublicityWindowRow.__table__
OBJ = t.ObjectionRow.__table__
DOC = t.PublishedListRow.__table__


class WindowRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, window: PublicityWindow) -> None:
        self.session.add(t.PublicityWindowRow(**mapping.window_values(window)))
        self.session.flush()

    def get(self, window_id: str | None) -> PublicityWindow:
        row = self.session.get(t.PublicityWindowRow, window_id) if window_id else None
        if row is None:
            raise NotFound(f"找不到公示 {window_id}")
        return mapping.window(row)

    def save(self, window: PublicityWindow) -> None:
        # An ORM UPDATE on model attributes (not WIN.c): loaded rows are updated as well.
        model = t.PublicityWindowRow
        self.session.execute(update(model).where(col(model.id) == window.id)
                             .values(**mapping.window_values(window)))

    def count(self, campaign_id: str) -> int:
        query = select(func.count()).where(WIN.c.campaign_id == campaign_id)
        return int(self.session.scalar(query) or 0)

    def due(self, now: datetime) -> list[PublicityWindow]:
        query = (select(t.PublicityWindowRow)
                 .where(WIN.c.closed_at.is_(None), WIN.c.closes_at <= now)
                 .order_by(WIN.c.closes_at).with_for_update(skip_locked=True))
        return [mapping.window(r) for r in self.session.scalars(query)]

    def open_or_accepting(self, campaign_id: str, now: datetime) -> int:
        query = select(func.count()).where(
            WIN.c.campaign_id == campaign_id,
            or_(WIN.c.closed_at.is_(None), WIN.c.objection_deadline > now),
        )
        return int(self.session.scalar(query) or 0)

    def for_campaign(self, campaign_id: str) -> list[PublicityWindow]:
        query = (select(t.PublicityWindowRow).where(WIN.c.campaign_id == campaign_id)
                 .order_by(WIN.c.round))
        return [mapping.window(r) for r in self.session.scalars(query)]


class ObjectionRepository:
    def __init__(self, session: Session,
                 on_saved: Callable[[Sequence[ObjectionCase]], None]):
        self.session, self.on_saved = session, on_saved

    def add(self, case: ObjectionCase) -> None:
        self.session.add(t.ObjectionRow(**mapping.objection_values(case)))
        self.session.flush()
        self.on_saved([case])

    def get(self, objection_id: str, lock: bool = False) -> ObjectionCase:
        query = select(t.ObjectionRow).where(OBJ.c.id == objection_id)
        row = self.session.scalars(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound(f"找不到异议 {objection_id}")
        return mapping.objection(row)

    def save(self, case: ObjectionCase) -> None:
        seen = case.version - len(case.audit)
        model = t.ObjectionRow  # an ORM UPDATE, as in WindowRepository.save
        result = self.session.execute(
            update(model).where(col(model.id) == case.id, col(model.version) == seen)
            .values(**mapping.objection_values(case)))
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise StaleVersion(f"异议 {case.id} 已被他人处理，请刷新后重试")
        self.on_saved([case])

    def open_nomination_ids(self, window_id: str) -> set[str]:
        query = select(OBJ.c.nomination_id).where(OBJ.c.window_id == window_id,
                                                  OBJ.c.status.in_(OPEN_STATUSES))
        return set(self.session.scalars(query))

    def open_count(self, campaign_id: str) -> int:
        query = (select(func.count()).select_from(OBJ).join(WIN, WIN.c.id == OBJ.c.window_id)
                 .where(WIN.c.campaign_id == campaign_id, OBJ.c.status.in_(OPEN_STATUSES)))
        return int(self.session.scalar(query) or 0)

    def for_nomination(self, nomination_id: str) -> list[ObjectionCase]:
        query = (select(t.ObjectionRow).where(OBJ.c.nomination_id == nomination_id)
                 .order_by(OBJ.c.received_at))
        return [mapping.objection(r) for r in self.session.scalars(query)]


class DocumentRepository:
    def __init__(self, session: Session, signer: Signer):
        self.session, self.signer = session, signer

    def add(self, doc: PublishedList) -> None:
        self.session.add(t.PublishedListRow(
            id=doc.id, campaign_id=doc.campaign_id, kind=doc.kind, version=doc.version,
            entries=list(doc.entries), meta=doc.meta, content_hash=doc.content_hash,
            seal=document_seal(self.signer, doc), created_at=doc.created_at))
        self.session.flush()

    def get(self, document_id: str) -> PublishedList:
        row = self.session.get(t.PublishedListRow, document_id)
        if row is None:
            raise NotFound(f"找不到文件 {document_id}")
        return mapping.published_list(row)

    def next_version(self, campaign_id: str, kind: str) -> int:
        query = select(func.max(DOC.c.version)).where(DOC.c.campaign_id == campaign_id,
                                                      DOC.c.kind == kind)
        return int(self.session.scalar(query) or 0) + 1

    def numbers_in_year(self, township_id: str, year: int, except_campaign: str) -> set[str]:
        """Document numbers (文号) given in a township's year by other campaigns: their launch
        notices (a campaign's basis) and commendation decisions."""
        campaign = t.CampaignRow.__table__
        others = self.session.execute(select(campaign.c.id, campaign.c.details).where(
            campaign.c.township_id == township_id, campaign.c.year == year,
            campaign.c.id != except_campaign)).all()
        metas = self.session.scalars(select(DOC.c.meta).where(
            DOC.c.campaign_id.in_([row.id for row in others]))).all()
        numbers = {(row.details or {}).get("basis", "") for row in others}
        return (numbers | {(meta or {}).get("number", "") for meta in metas}) - {""}

    def latest_meta(self, campaign_id: str, kind: str) -> tuple[dict, datetime] | None:
        """The newest version's meta and date, without loading its entries."""
        query = (select(DOC.c.meta, DOC.c.created_at)
                 .where(DOC.c.campaign_id == campaign_id, DOC.c.kind == kind)
                 .order_by(DOC.c.version.desc()).limit(1))
        row = self.session.execute(query).first()
        return (row.meta, row.created_at) if row else None

    def versions(self, campaign_id: str, kind: str) -> list[PublishedList]:
        query = select(t.PublishedListRow).where(
            DOC.c.campaign_id == campaign_id, DOC.c.kind == kind).order_by(DOC.c.version)
        return [mapping.published_list(r) for r in self.session.scalars(query)]
