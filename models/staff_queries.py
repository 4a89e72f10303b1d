"""Read-side look-ups the staff pages share (scoping a page to a village)."""

from __future__ import annotations

from sqlalchemy import select

from models import tables as t
from models.store import Store

NOMINATION = t.NominationRow.__table__


def nomination_village(store: Store, nomination_id: str) -> str | None:
    """The village a nomination belongs to, or None when there is no such nomination."""
    if not nomination_id.isalnum() or len(nomination_id) > 32:
        return None
    with store.sessions() as session:
        return session.scalar(select(NOMINATION.c.village_id).where(
            NOMINATION.c.id == nomination_id))


def villages(store: Store) -> list[tuple[str, str]]:
    """(code, name) of every village and residential community, by code."""
    village = t.VillageRow.__table__
    with store.sessions() as session:
        rows = session.execute(select(village.c.id, village.c.name).order_by(village.c.id))
        return [(str(code), str(name)) for code, name in rows]
