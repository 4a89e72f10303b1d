"""Stage deadlines on working days, and who is reminded of what (batched per recipient)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from workflows.calendar import local_date
from workflows.campaign import Campaign
from workflows.nomination import Nomination
from workflows.stages import STAGE_NAMES_ZH, Stage

#: Who must act while a nomination waits in a stage.
ACTS = {Stage.RETURNED: "village", Stage.PRELIMINARY_REVIEW: "secretariat",
        Stage.PANEL_REVIEW: "reviewer"}
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
    def view(self) -> dict[str, object]:
        return {"display_name": self.display_name,
                "stage_name": self.what or STAGE_NAMES_ZH[self.stage], "due_on": self.due_on}


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
        who = item.who or ACTS[item.stage]
        key = item.village_id if who == "village" else ""
        found.setdefault((who, key), []).append(item)
        if item.due_on < today and who != "secretariat":
            found.setdefault(("secretariat", ""), []).append(item)
    return found
