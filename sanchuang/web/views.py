"""What the public pages show, built from the frozen documents: only the fields of a
published entry (masked name, village, programme, level), never ID numbers or phones."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from models.public_queries import PublicDocument, PublicNotice
from workflows.objections import OUTCOME_NAMES_ZH
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.publicity import group_by_programme

KIND_NAMES_ZH = {"publicity_notice": "公示名单", "commendation_decision": "表彰决定"}
STATUS_NAMES_ZH = {"received": "已受理，正在调查核实", "investigating": "已受理，正在调查核实",
                   **OUTCOME_NAMES_ZH}


def nominee(entry: dict[str, Any]) -> dict[str, Any]:
    """One listed name, with exactly the published fields the pages show."""
    return {
        "nomination_id": entry["nomination_id"],
        "display_name": entry["display_name"],
        "village_name": entry["village_name"],
        "programme_name": PROGRAMME_NAMES_ZH[Programme(entry["programme"])],
        "star_level": entry.get("star_level") or "",
    }


def notice_summary(found: PublicNotice, now: datetime) -> dict[str, Any]:
    window = found.window
    return {
        "window_id": window.id,
        "campaign_name": found.campaign_name,
        "round": window.round,
        "first_day": window.first_day(),
        "last_day": window.last_day(),
        "last_objection_day": window.last_objection_day(),
        "accepting": window.accepts_objections(now),
        "version": found.notice.version,
        "content_hash": found.notice.content_hash,
        "count": len(found.notice.entries),
    }


def notice_page(found: PublicNotice, now: datetime) -> dict[str, Any]:
    groups = [{"programme_name": g["programme_name"],
               "entries": [nominee(e) for e in g["entries"]]}
              for g in group_by_programme(found.notice.entries)]
    return {**notice_summary(found, now), "groups": groups}


def listed(found: PublicNotice, nomination_id: str) -> bool:
    return any(e["nomination_id"] == nomination_id for e in found.notice.entries)


def honour_roll(found: PublicDocument | None) -> dict[str, Any] | None:
    if found is None:
        return None
    doc = found.document
    groups = [{"programme_name": g["programme_name"],
               "entries": [nominee(e) for e in g["entries"]]}
              for g in group_by_programme(doc.entries)]
    return {"campaign_name": found.campaign_name, "number": doc.meta.get("number", ""),
            "issued_at": doc.created_at, "version": doc.version, "groups": groups}


def verified(found: PublicDocument) -> dict[str, Any]:
    doc = found.document
    return {"kind_name": KIND_NAMES_ZH.get(doc.kind, doc.kind),
            "campaign_name": found.campaign_name, "version": doc.version,
            "issued_at": doc.created_at, "content_hash": doc.content_hash}
