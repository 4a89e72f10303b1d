"""Read-side queries for objection cases and substitution: who would take an upheld
nominee's place, and what each new version of a publicity notice changed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from models import mapping
from models import tables as t
from models.store import Store
from workflows.publicity import PublishedList, diff

OBJ, NOM = t.ObjectionRow.__table__, t.NominationRow.__table__
DOC, RESULT = t.PublishedListRow.__table__, t.PanelResultRow.__table__
VILLAGE = t.VillageRow.__table__
KIND = "publicity_notice"


def _notices(store: Store, campaign_id: str) -> list[PublishedList]:
    query = (select(t.PublishedListRow)
             .where(DOC.c.campaign_id == campaign_id, DOC.c.kind == KIND)
             .order_by(DOC.c.version))
    with store.sessions() as session:
        return [mapping.published_list(row) for row in session.scalars(query)]


def substitutes(store: Store, campaign_id: str) -> dict[str, dict[str, Any]]:
    """Objection id -> the next-ranked nominee who may take the place, for each upheld
    objection whose nominee is disqualified and not yet substituted."""
    done = {d.meta.get("substitution", {}).get("removed") for d in _notices(store, campaign_id)}
    upheld = (select(OBJ.c.id, NOM.c.id.label("nomination_id"), NOM.c.programme)
              .select_from(OBJ.join(NOM, NOM.c.id == OBJ.c.nomination_id))
              .where(NOM.c.campaign_id == campaign_id, OBJ.c.status == "upheld",
                     NOM.c.stage == "disqualified"))
    found: dict[str, dict[str, Any]] = {}
    with store.sessions() as session:
        for case_id, nomination_id, programme in session.execute(upheld):
            if nomination_id in done:
                continue
            row = session.execute(_next(campaign_id, programme)).first()
            if row is not None:
                found[case_id] = dict(row._mapping)
    return found


def _next(campaign_id: str, programme: str) -> Any:
    return (select(NOM.c.id, NOM.c.display_name, VILLAGE.c.name.label("village_name"),
                   RESULT.c.rank)
            .select_from(RESULT.join(NOM, NOM.c.id == RESULT.c.nomination_id)
                         .join(VILLAGE, VILLAGE.c.id == NOM.c.village_id))
            .where(RESULT.c.campaign_id == campaign_id, RESULT.c.programme == programme,
                   RESULT.c.passed.is_(True), NOM.c.stage == "final_approval")
            .order_by(RESULT.c.rank.is_(None), RESULT.c.rank, RESULT.c.value.desc(),
                      NOM.c.id)
            .limit(1))


def changes(new: PublishedList, old: PublishedList | None) -> dict[str, Any]:
    """One version of the notice with what it changed against the version it replaces."""
    found = diff(old, new) if old else {"added": [], "removed": [], "changed": []}
    return {"id": new.id, "version": new.version, "created_at": new.created_at,
            "round": new.meta.get("round"), "content_hash": new.content_hash,
            "count": len(new.entries), "previous_version": old.version if old else None,
            **found}


def notice_versions(store: Store, campaign_id: str) -> list[dict[str, Any]]:
    """Every version of the campaign's publicity notice, each with its changes against the
    version it replaces (a substitution names it; a new batch replaces none)."""
    notices = _notices(store, campaign_id)
    by_id = {d.id: d for d in notices}
    return [changes(d, by_id.get(d.meta.get("substitution", {}).get("previous", "")))
            for d in notices]


def notice_changes(store: Store, notice: PublishedList) -> dict[str, Any] | None:
    """What this notice changed against the version it replaces, or None for a first list."""
    previous = notice.meta.get("substitution", {}).get("previous")
    if not previous:
        return None
    with store.sessions() as session:
        row = session.get(t.PublishedListRow, previous)
        old = mapping.published_list(row) if row else None
    return changes(notice, old) if old else None
