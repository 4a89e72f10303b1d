"""SQL for ``sanchuang bench``: a throw-away database, the bare baseline's two tables, and the
figures read back after a run. The baseline tables live on their own MetaData: they are
created and dropped by the benchmark and are no part of the Alembic migrations."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from models import tables as t
from models.store import Store

METADATA = MetaData()
ITEM = Table("bench_item", METADATA,
             Column("id", Integer, primary_key=True),
             Column("stage", String(32), nullable=False),
             Column("version", Integer, nullable=False))
LOG = Table("bench_log", METADATA,
            Column("id", BigInteger, primary_key=True),
            Column("item_id", Integer, nullable=False),
            Column("at", DateTime(timezone=True), nullable=False))

AUD, OUT, NOM = t.AuditRow.__table__, t.OutboxRow.__table__, t.NominationRow.__table__
#: Audit actions that record something other than a stage move.
NOT_TRANSITIONS = ("create", "record_review", "file_objection", "create_campaign",
                   "answer_vetting", "assign_reviewer", "set_reviewer_profile",
                   "flag_conflict", "recuse", "move_category")


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def with_driver(url: str) -> str:
    """``postgresql://`` means psycopg 3 here, the driver this project installs."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


class ScratchDatabaseError(RuntimeError):
    """The server would not give the benchmark a database of its own."""


@contextmanager
def scratch_database(server_url: str, prefix: str = "sanchuang_bench") -> Iterator[str]:
    """Create an empty database on the server of ``server_url``; drop it on the way out."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    url = make_url(with_driver(server_url))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT",
                          poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except DBAPIError as error:
        admin.dispose()
        raise ScratchDatabaseError(f"无法在 {url.render_as_string()} 所在服务器上建库 {name}："
                                   f"{error.orig or error}") from error
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def create_items(store: Store, count: int) -> None:
    """The baseline's tables, with ``count`` items waiting in their first stage."""
    METADATA.drop_all(store.engine)
    METADATA.create_all(store.engine)
    with store.engine.begin() as conn:
        conn.execute(insert(ITEM), [{"id": i, "stage": "draft", "version": 1}
                                    for i in range(1, count + 1)])


def touch(store: Store, item_id: int) -> None:
    """The bare task's whole body: one UPDATE and one INSERT in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(update(ITEM).where(ITEM.c.id == item_id)
                     .values(stage="moved", version=ITEM.c.version + 1))
        conn.execute(insert(LOG).values(item_id=item_id, at=datetime.now(UTC)))


def logged(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(LOG)) or 0)


def marks(store: Store) -> tuple[int, int]:
    """The newest audit and outbox ids: what a timed span is measured after."""
    with store.engine.connect() as conn:
        audit = conn.scalar(select(func.coalesce(func.max(AUD.c.id), 0)))
        outbox = conn.scalar(select(func.coalesce(func.max(OUT.c.id), 0)))
    return int(audit or 0), int(outbox or 0)


def transitions_after(store: Store, audit_mark: int) -> int:
    """Stage moves logged after ``audit_mark`` (creations and review marks are not moves)."""
    query = select(func.count()).select_from(AUD).where(
        AUD.c.id > audit_mark, AUD.c.action.not_in(NOT_TRANSITIONS))
    with store.engine.connect() as conn:
        return int(conn.scalar(query) or 0)


def latencies_after(store: Store, outbox_mark: int) -> list[float]:
    """Event-to-effect in milliseconds (processed_at - created_at) of the events after the
    mark, sorted; events not processed yet, and those no handler waits for (stored already
    processed), are left out."""
    query = select(OUT.c.created_at, OUT.c.processed_at).where(
        OUT.c.id > outbox_mark, OUT.c.processed_at.is_not(None),
        OUT.c.processed_at != OUT.c.created_at)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return sorted((done - made).total_seconds() * 1000 for made, done in rows)


def ids_in_stage(store: Store, campaign_id: str, stage: str) -> list[str]:
    query = select(NOM.c.id).where(NOM.c.campaign_id == campaign_id, NOM.c.stage == stage)
    with store.engine.connect() as conn:
        return list(conn.scalars(query.order_by(NOM.c.id)))


def stage_counts(store: Store, campaign_id: str) -> dict[str, int]:
    query = (select(NOM.c.stage, func.count()).where(NOM.c.campaign_id == campaign_id)
             .group_by(NOM.c.stage))
    with store.engine.connect() as conn:
        return {stage: int(n) for stage, n in conn.execute(query)}


def unprocessed_events(store: Store) -> int:
    query = select(func.count()).select_from(OUT).where(OUT.c.processed_at.is_(None))
    with store.engine.connect() as conn:
        return int(conn.scalar(query) or 0)
