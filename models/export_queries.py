"""Read side of the list exports: which campaigns a year's honour roll covers."""

from __future__ import annotations

from sqlalchemy import select

from models import tables as t
from models.store import Store

CAMPAIGN = t.CampaignRow.__table__


def campaign_ids_of_year(store: Store, year: int) -> list[str]:
    """The campaigns of ``year``, oldest first."""
    query = select(CAMPAIGN.c.id).where(CAMPAIGN.c.year == year).order_by(
        CAMPAIGN.c.created_at, CAMPAIGN.c.id)
    with store.sessions() as session:
        return list(session.scalars(query))
