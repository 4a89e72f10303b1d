"""Stage deadlines on working days, and who is reminded of what (batched per recipient)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from workflows.calendar import local_date
from workflows.campaign import Campaign
from workflows.nomination import Nomination
from workflows.stages import STAGE_NAMES_ZH, Stage

#: Who must act while a nomination waits in a stage.
ACTS = {Stage.RETURNED: "village", Stage.PRELIMINARY_REVIEW: "secretariat",
        Stage.PANEL_REVIEW: "reviewer"}
ACTOR_NAMES_ZH = {"village": "村（居）", "secretariat": "镇文明办", "reviewer": "评委"}
#: Remind this many days before the deadline.
AHEAD_DAYS = 2


@dataclass(frozen=True)
class Due:
    nomination_id: str
    display_name: str
    stage: Stage
    due_on: date
    village_id: str
    who: str = ""  # who must act, when not the stage's usual actor
    what: str = ""  # what is due, when not the stage itself

    @property
    def actor(self) -> str:
        return self.who or ACTS[self.stage]

    def view(self, today: date, reader: str, village_name: str = "") -> dict[str, object]:
        """What one reminder says of this item to ``reader`` (who may not be the one acting)."""
        acted_by = "" if self.actor == reader else (
            village_name if self.actor == "village" and village_name
            else ACTOR_NAMES_ZH[self.actor])
        return {"display_name": self.display_name,
                "stage_name": self.what or STAGE_NAMES_ZH[self.stage], "due_on": self.due_on,
                "overdue_days": max((today - self.due_on).days, 0), "acted_by": acted_by}


def reminder_context(dues: list[Due], today: date, reader: str,
                     village_names: Mapping[str, str]) -> dict[str, object]:
    """The items of one reminder, overdue first, and whether the reader is being told of
    others' work (an escalation) rather than of their own."""
    views = [d.view(today, reader, village_names.get(d.village_id, ""))
             for d in sorted(dues, key=lambda d: (d.due_on, d.display_name))]
    return {"items": views, "due_on": min(d.due_on for d in dues),
            "overdue": [v for v in views if v["overdue_days"]],
            "upcoming": [v for v in views if not v["overdue_days"]],
            "escalated": any(v["acted_by"] for v in views),
            "own": any(not v["acted_by"] for v in views)}


def due_on(campaign: Campaign, nomination: Nomination) -> date | None:
    """The last working day to act on a nomination in its stage, or None without a rule."""
    days = campaign.policy.stage_deadline_days.get(nomination.stage.value)
    if not days or nomination.stage_changed_at is None:
        return None
    start = local_date(nomination.stage_changed_at)
    return campaign.calendar.last_day(start, days, "working")


def reminders(items: Iterable[Due], today: date) -> dict[tuple[str, str], list[Due]]:
    """(who, key) -> items: those acting are reminded when a deadline is near or past;
    the secretariat also hears of everything overdue (escalation)."""
    found: dict[tuple[str, str], list[Due]] = {}
    for item in items:
        if item.due_on > today + timedelta(days=AHEAD_DAYS):
            continue
        who = item.actor
        key = item.village_id if who == "village" else ""
        found.setdefault((who, key), []).append(item)
        if item.due_on < today and who != "secretariat":
            found.setdefault(("secretariat", ""), []).append(item)
    return found
