"""Read-side queries for the public pages: only what a published document already shows
(frozen notices and decisions), and the status of an objection by its receipt code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, or_, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import mapping
from models import tables as t
from models.store import Store
from workflows.publicity import PublicityWindow, PublishedList

WIN, OBJ = t.PublicityWindowRow.__table__, t.ObjectionRow.__table__
DOC, CAMPAIGN = t.PublishedListRow.__table__, t.CampaignRow.__table__
RECEIPT_LENGTH = 8
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class PublicNotice:
    window: PublicityWindow
    notice: PublishedList
    campaign_name: str


@dataclass(frozen=True)
class PublicDocument:
    document: PublishedList
    campaign_name: str


@dataclass(frozen=True)
class ObjectionStatus:
    status: str
    received_at: datetime
    resolved_at: datetime | None


def database_reachable(store: Store) -> bool:
    """Whether a trivial query runs."""
    try:
        with store.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def _notice(session: Session, window_row: t.PublicityWindowRow) -> PublicNotice:
    doc = session.get(t.PublishedListRow, window_row.notice_id)
    campaign = session.get(t.CampaignRow, window_row.campaign_id)
    if doc is None or campaign is None:
        raise LookupError(f"publicity window {window_row.id} has no notice or campaign")
    return PublicNotice(mapping.window(window_row), mapping.published_list(doc), campaign.name)


def open_notices(store: Store, now: datetime) -> list[PublicNotice]:
    """Windows still open or still taking objections, newest first."""
    query = (select(t.PublicityWindowRow)
             .where(or_(WIN.c.closed_at.is_(None), WIN.c.objection_deadline > now))
             .order_by(WIN.c.opens_at.desc(), WIN.c.id))
    with store.sessions() as session:
        return [_notice(session, row) for row in session.scalars(query)]


def notice(store: Store, window_id: str) -> PublicNotice | None:
    with store.sessions() as session:
        row = session.get(t.PublicityWindowRow, window_id)
        return _notice(session, row) if row else None


def latest_decision(store: Store) -> PublicDocument | None:
    """The newest version of the most recently published commendation decision."""
    query = (select(t.PublishedListRow).where(DOC.c.kind == "commendation_decision")
             .order_by(DOC.c.created_at.desc(), DOC.c.version.desc()).limit(1))
    return _document(store, query)


def document_by_hash(store: Store, content_hash: str) -> PublicDocument | None:
    """The published document with this SHA-256 digest; None for anything that is not one
    (64 hex digits), which never reaches the database (a NUL byte would be a PostgreSQL error)."""
    wanted = content_hash.strip().lower()
    if not SHA256_HEX.fullmatch(wanted):
        return None
    query = select(t.PublishedListRow).where(DOC.c.content_hash == wanted)
    return _document(store, query.limit(1))


def _document(store: Store, query: Select[t.PublishedListRow]) -> PublicDocument | None:
    with store.sessions() as session:
        row = session.scalars(query).first()
        if row is None:
            return None
        campaign = session.get(t.CampaignRow, row.campaign_id)
        name = campaign.name if campaign else ""
        return PublicDocument(mapping.published_list(row), name)


def receipt_code(objection_id: str) -> str:
    """The short number a complainant quotes: the first characters of the id, upper-cased."""
    return objection_id[:RECEIPT_LENGTH].upper()


def objection_status(store: Store, code: str) -> ObjectionStatus | None:
    """The status of the one objection whose receipt code is ``code`` (None when no
    objection, or more than one, has it)."""
    prefix = code.strip().lower()
    if len(prefix) != RECEIPT_LENGTH or not prefix.isalnum():
        return None
    query = (select(OBJ.c.status, OBJ.c.received_at, OBJ.c.resolved_at)
             .where(OBJ.c.id.startswith(prefix, autoescape=True)).limit(2))
    with store.sessions() as session:
        rows = session.execute(query).all()
    if len(rows) != 1:
        return None
    status, received, resolved = rows[0]
    return ObjectionStatus(status, mapping.stamped(received),
                           mapping.stamped(resolved) if resolved else None)
