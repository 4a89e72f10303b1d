"""Publicity windows and frozen, versioned, hashed public lists (notices and decisions)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from workflows.calendar import local_date, start_of_day
from workflows.campaign import Campaign
from workflows.disclosure import public_text
from workflows.eligibility import Member
from workflows.identity import age_on
from workflows.nomination import Nomination
from workflows.policy import PROGRAMME_NAMES_ZH, Programme

#: A window's closing moments are the first instant after it; its last day holds the one before.
_INSTANT = timedelta(seconds=1)

PUBLIC_FIELDS = ("nomination_id", "display_name", "village_name", "programme", "category",
                 "star_level", "deeds")


@dataclass
class PublicityWindow:
    id: str
    campaign_id: str
    round: int
    opens_at: datetime
    closes_at: datetime
    objection_deadline: datetime
    notice_id: str
    closed_at: datetime | None = None

    def accepts_objections(self, now: datetime) -> bool:
        return self.opens_at <= now < self.objection_deadline

    def first_day(self) -> date:
        """The day (in Shanghai) the publicity opens."""
        return local_date(self.opens_at)

    def last_day(self) -> date:
        """The last day (in Shanghai) of the publicity: the day of its last open moment."""
        return local_date(self.closes_at - _INSTANT)

    def last_objection_day(self) -> date:
        """The last day (in Shanghai) an objection is received."""
        return local_date(self.objection_deadline - _INSTANT)


def plan_window(campaign: Campaign, starts_on: date, window_id: str, notice_id: str,
                round_: int) -> PublicityWindow:
    policy, cal = campaign.policy, campaign.calendar
    closes = cal.closes_at(starts_on, policy.publicity_days, policy.publicity_day_kind)
    deadline = closes
    if policy.objection_extra_days:
        last = cal.last_day(starts_on, policy.publicity_days, policy.publicity_day_kind)
        deadline = cal.closes_at(last, policy.objection_extra_days + 1, policy.publicity_day_kind)
    return PublicityWindow(window_id, campaign.id, round_, start_of_day(starts_on), closes,
                           deadline, notice_id)


@dataclass(frozen=True)
class PublishedList:
    """A frozen snapshot: once written it never changes; a change is a new version."""

    id: str
    campaign_id: str
    kind: str  # "publicity_notice" | "commendation_decision"
    version: int
    entries: tuple[dict[str, Any], ...]
    content_hash: str
    created_at: datetime
    meta: dict[str, Any] = field(default_factory=dict)


def personal_details(person: Member | None, on: date) -> dict[str, Any]:
    """An exemplar's gender and age on ``on`` (or 已故): what a list of persons shows."""
    if person is None:
        return {}
    if person.deceased_on is not None:
        return {"gender": person.gender, "age": "已故"}
    age = age_on(person.birth_date, on) if person.birth_date else ""
    return {"gender": person.gender, "age": f"{age}岁" if age != "" else ""}


def public_entry(nomination: Nomination, village_name: str, person: Member | None = None,
                 on: date | None = None) -> dict[str, Any]:
    """Only what the domain guide allows on a public list: no ID, phone or address; for a
    person, their gender and age."""
    details = personal_details(person, on) if on is not None else {}
    return {**details,
        "nomination_id": nomination.id,
        "display_name": public_text(nomination.display_name),
        "village_name": village_name,
        "programme": nomination.programme.value,
        "category": nomination.category,
        "star_level": nomination.star_level,
        "deeds": public_text(nomination.deeds)[:200],
    }


def content_hash(entries: Sequence[dict[str, Any]], meta: dict[str, Any]) -> str:
    body = json.dumps({"entries": list(entries), "meta": meta}, ensure_ascii=False,
                      sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def sort_entries(entries: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    order = {p.value: i for i, p in enumerate(Programme)}
    return tuple(sorted(entries, key=lambda e: (order[e["programme"]], e["village_name"],
                                                e["display_name"], e["nomination_id"])))


def group_by_programme(entries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        groups.setdefault(entry["programme"], []).append(entry)
    return [{"programme": p, "programme_name": PROGRAMME_NAMES_ZH[Programme(p)], "entries": e}
            for p, e in groups.items()]


def diff(old: PublishedList, new: PublishedList) -> dict[str, list[dict[str, Any]]]:
    """What a new version adds, removes and changes against an older one."""
    before = {e["nomination_id"]: e for e in old.entries}
    after = {e["nomination_id"]: e for e in new.entries}
    return {
        "added": [after[k] for k in after if k not in before],
        "removed": [before[k] for k in before if k not in after],
        "changed": [after[k] for k in after if k in before and after[k] != before[k]],
    }
