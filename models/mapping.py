"""Rows to domain objects and back."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from models import tables as t
from workflows.campaign import Campaign, Contact
from workflows.nomination import Nomination
from workflows.objections import ObjectionCase
from workflows.policy import Programme, policy_from_dict, rubric_from_dict
from workflows.ports import Review
from workflows.publicity import PublicityWindow, PublishedList
from workflows.stages import Stage

NOMINATION_FIELDS = ("id", "campaign_id", "village_id", "subject_id", "display_name", "category",
                     "deeds", "self_marks", "version", "audit_head", "revision_round",
                     "window_id", "points", "star_level", "stage_reason", "stage_changed_at",
                     "nominated_by", "posthumous", "consent", "assembly", "notes",
                     "rubric_version", "outside_scores")
OBJECTION_FIELDS = ("id", "nomination_id", "window_id", "complainant_name",
                    "complainant_contact", "content", "channel", "received_at", "status",
                    "findings", "resolved_at", "version", "audit_head", "late", "investigator",
                    "assigned_at", "reply")
WINDOW_FIELDS = ("id", "campaign_id", "round", "opens_at", "closes_at", "objection_deadline",
                 "notice_id", "closed_at")


def stamped(value: datetime | None) -> datetime:
    """A timestamp read from a NOT NULL column. The row class says Optional only because
    the attribute may be unset on a row not yet flushed."""
    if value is None:
        raise ValueError("a NOT NULL timestamp was read as None")
    return value


def nomination(row: Any) -> Nomination:
    data = {f: getattr(row, f) for f in NOMINATION_FIELDS}
    return Nomination(programme=Programme(row.programme), stage=Stage(row.stage), **data)


def nomination_values(n: Nomination) -> dict[str, Any]:
    data = {f: getattr(n, f) for f in NOMINATION_FIELDS}
    return {**data, "programme": n.programme.value, "stage": n.stage.value}


def objection(row: Any) -> ObjectionCase:
    return ObjectionCase(**{f: getattr(row, f) for f in OBJECTION_FIELDS})


def objection_values(case: ObjectionCase) -> dict[str, Any]:
    return {f: getattr(case, f) for f in OBJECTION_FIELDS}


def window(row: Any) -> PublicityWindow:
    return PublicityWindow(**{f: getattr(row, f) for f in WINDOW_FIELDS})


def window_values(w: PublicityWindow) -> dict[str, Any]:
    return {f: getattr(w, f) for f in WINDOW_FIELDS}


def published_list(row: t.PublishedListRow) -> PublishedList:
    return PublishedList(row.id, row.campaign_id, row.kind, row.version, tuple(row.entries),
                         row.content_hash, stamped(row.created_at), dict(row.meta))


def review(row: t.ReviewRow) -> Review:
    return Review(row.id, row.nomination_id, row.reviewer_id, row.marks, stamped(row.at))


def campaign(row: t.CampaignRow) -> Campaign:
    details = row.details
    return Campaign(
        id=row.id, township_id=row.township_id, year=row.year, name=row.name,
        policy=policy_from_dict(row.policy), issued_by=tuple(details.get("issued_by", ())),
        basis=details.get("basis", ""), contact=Contact(**details.get("contact", {})),
        holidays=tuple(date.fromisoformat(d) for d in details.get("holidays", ())),
        make_up_workdays=tuple(date.fromisoformat(d) for d in details.get("make_up_workdays", ())),
        past_rubrics={p: {int(v): rubric_from_dict(r) for v, r in versions.items()}
                      for p, versions in details.get("past_rubrics", {}).items()},
    )


def campaign_row(c: Campaign) -> t.CampaignRow:
    details = {
        "issued_by": list(c.issued_by), "basis": c.basis, "contact": vars(c.contact),
        "holidays": [d.isoformat() for d in c.holidays],
        "make_up_workdays": [d.isoformat() for d in c.make_up_workdays],
        "past_rubrics": {p: {str(v): asdict(r) for v, r in versions.items()}
                         for p, versions in c.past_rubrics.items()},
    }
    return t.CampaignRow(id=c.id, township_id=c.township_id, year=c.year, name=c.name,
                         policy=c.policy.to_dict(), details=details)
