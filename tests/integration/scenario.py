"""Helpers shared by the integration tests: a bus on a real store, a campaign, nominees."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.bootstrap import System, bootstrap
from sanchuang.sample.roster import load_sample
from sanchuang.settings import Settings
from workflows import commands as c
from workflows.assembly import AssemblyMeeting, AssemblyVote
from workflows.campaign import Campaign, Contact
from workflows.nomination import new_id
from workflows.samples import default_policy

HOUSEHOLD = "430522100201001"
VILLAGE = "430522100201"


@dataclass
class RecordingQueue:
    """Collects the doorbell rings instead of sending them (tests drive events by hand)."""

    event_ids: list[int] = field(default_factory=list)
    notification_ids: list[int] = field(default_factory=list)

    def publish_events(self, ids: list[int]) -> None:
        self.event_ids.extend(ids)

    def deliver_notifications(self, ids: list[int]) -> None:
        self.notification_ids.extend(ids)

    def drain(self, system: System) -> None:
        while self.event_ids:
            ids, self.event_ids[:] = list(self.event_ids), []
            system.bus.handle_events(ids)


def system_on(store: Store, tmp_path: Path, queue: object | None = None) -> System:
    load_sample(store, households_per_village=3)
    settings = Settings(data_dir=tmp_path / "data")
    return bootstrap(settings, store=store, queue=queue or RecordingQueue())


def launch(system: System) -> str:
    campaign = Campaign(new_id(), "430522100", 2026, "2026年度“三创”评选活动", default_policy(),
                        ("中共新坪镇委员会", "新坪镇人民政府"), "新坪发〔2026〕3号", Contact())
    return system.bus.handle(c.CreateCampaign(campaign, SECRETARIAT))


MEETING = AssemblyMeeting(date(2026, 11, 20), members_required=45, members_present=38)


def draft(system: System, campaign_id: str, household: str = HOUSEHOLD) -> str:
    """A household's draft, carried by its village assembly's vote."""
    actor = village_actor(household[:12])
    nomination_id = system.bus.handle(c.CreateNomination(campaign_id, "model_household",
                                                         household, actor))
    system.bus.handle(c.RecordAssemblyVotes(actor, MEETING, {nomination_id: AssemblyVote(33)}))
    return nomination_id
