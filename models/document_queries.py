"""Read-side queries for the public documents: the stages a list went through and the honour
roll (光荣榜) of a year."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from models import review_tables as rt
from models import tables as t
from models.store import Store

NOM, AUDIT, VILLAGE = t.NominationRow.__table__, t.AuditRow.__table__, t.VillageRow.__table__
CAMPAIGN = t.CampaignRow.__table__
VETTING, TITLE = rt.VettingRequestRow.__table__, rt.TitleRow.__table__

#: Audit actions that show a stage ran, and the stage key (see documents.wording).
_ACTION_STAGES = {"accept": "preliminary", "pass_panel": "panel", "open_publicity": "approval"}


def stages_run(store: Store, nomination_ids: Sequence[str]) -> set[str]:
    """The stages (assembly, preliminary, vetting, panel, approval) any of these went through."""
    ids = list(nomination_ids)
    if not ids:
        return set()
    with store.sessions() as session:
        actions = set(session.scalars(select(AUDIT.c.action).distinct()
                                      .where(AUDIT.c.subject_id.in_(ids))))
        assemblies = session.scalars(select(NOM.c.assembly).where(NOM.c.id.in_(ids))).all()
        vetted = session.scalars(select(VETTING.c.id).where(VETTING.c.nomination_id.in_(ids))
                                 .limit(1)).first()
    found = {stage for action, stage in _ACTION_STAGES.items() if action in actions}
    if any(assemblies):
        found.add("assembly")
    if vetted is not None:
        found.add("vetting")
    return found


def honour_roll(store: Store, year: int) -> list[dict[str, Any]]:
    """Everyone holding a title awarded in ``year``, by programme, village and name (the
    levels are ordered by the rubric's bands: documents/notices.py)."""
    query = (select(NOM.c.campaign_id, NOM.c.programme, NOM.c.display_name, NOM.c.category,
                    TITLE.c.star_level,
                    VILLAGE.c.name.label("village_name"), TITLE.c.awarded_on)
             .join(NOM, NOM.c.id == TITLE.c.nomination_id)
             .join(VILLAGE, VILLAGE.c.id == NOM.c.village_id)
             .where(TITLE.c.year == year, TITLE.c.status == "active")
             .order_by(NOM.c.programme, VILLAGE.c.name, NOM.c.display_name))
    with store.sessions() as session:
        return [dict(row._mapping) for row in session.execute(query)]


def campaign_created_at(store: Store, campaign_id: str) -> datetime | None:
    """When a campaign was launched: the date its launch notice bears."""
    with store.sessions() as session:
        return session.scalar(select(CAMPAIGN.c.created_at).where(CAMPAIGN.c.id == campaign_id))
