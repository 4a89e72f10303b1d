"""A seeded township and the steps that move nominations along, driven through the bus."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fakes import FakeClock, FakeQueue, FakeRenderer, FakeUnitOfWork, Tables

from workflows import commands as c
from workflows.assembly import AssemblyMeeting, AssemblyVote
from workflows.bus import MessageBus
from workflows.campaign import Campaign
from workflows.nomination import Actor, Nomination
from workflows.ports import Account, Notification
from workflows.samples import TEN_STAR_CRITERIA, default_policy
from workflows.stages import Role

NOW = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 09:00 on 2026-11-20 in Shanghai
CAMPAIGN_ID = "c-2026"
NEXT_CAMPAIGN_ID = "c-2027"
SECRETARY = Actor("sec-1", Role.SECRETARIAT, "文明办张敏")
APPROVER = Actor("app-1", Role.APPROVER, "党委李强")
WANLI = Actor("vc-wanli", Role.VILLAGE, "湾里村村两委", "v-wanli")
SHIMEN = Actor("vc-shimen", Role.VILLAGE, "石门村村两委", "v-shimen")
REVIEWERS = tuple(Actor(f"rev-{i}", Role.REVIEWER, f"评委{i}") for i in range(1, 5))
ALL_MET = {key: 1.0 for key, _ in TEN_STAR_CRITERIA}
FIVE_MET = {key: float(i < 5) for i, (key, _) in enumerate(TEN_STAR_CRITERIA)}


def seed(t: Tables) -> None:
    t.township = "新坪镇"
    t.add_village("v-wanli", "湾里村", Account("acc-wanli", "湾里村村两委", "village_committee",
                                               "v-wanli", "wanli@example.cn"))
    t.add_village("v-shimen", "石门村", Account("acc-shimen", "石门村村两委",
                                                "village_committee", "v-shimen",
                                                "shimen@example.cn"))
    t.add_household("h-wang", "v-wanli", "王建国")
    t.add_household("h-liu", "v-wanli", "刘桂芳")
    t.add_household("h-li", "v-wanli", "李春生", [("李小龙", ["crime"])])
    t.add_household("h-chen", "v-shimen", "陈志强")
    t.accounts[SECRETARY.id] = Account(SECRETARY.id, "镇文明办", "secretariat")


MEETING = AssemblyMeeting(held_on=NOW.date(), members_required=45, members_present=38)
PASSING_VOTE = AssemblyVote(votes_for=33, votes_against=3, abstentions=2)

@dataclass
class Flow:
    bus: MessageBus
    uow: FakeUnitOfWork
    queue: FakeQueue
    clock: FakeClock
    renderer: FakeRenderer

    @property
    def rows(self) -> Tables:
        """What is committed: what any user would see."""
        return self.uow.committed

    def run(self, command: c.Command) -> Any:
        result = self.bus.handle(command)
        self.drain()
        return result

    def drain(self) -> None:
        for _ in range(20):
            if not self.queue.event_ids:
                return
            self.bus.handle_events(self.queue.take())
        raise AssertionError("events keep coming")

    def with_campaign(self) -> Flow:
        campaign = Campaign(CAMPAIGN_ID, "t-xinping", 2026, "2026年度“三创”评选活动",
                            default_policy())
        self.run(c.CreateCampaign(campaign, SECRETARY))
        return self

    def nomination(self, nomination_id: str) -> Nomination:
        return self.rows.nominations[nomination_id]

    def notes(self, kind: str, channel: str | None = None) -> list[Notification]:
        return [n for n in self.rows.notifications.values()
                if n.kind == kind and channel in (None, n.channel)]

    def village_actor(self, household: str) -> Actor:
        village_id = self.rows.subjects["household", household].village_id
        return {WANLI.village_id: WANLI, SHIMEN.village_id: SHIMEN}[village_id]

    def next_year(self) -> str:
        """The campaign of the year after: a household may be nominated in it again."""
        campaign = Campaign(NEXT_CAMPAIGN_ID, "t-xinping", 2027, "2027年度“三创”评选活动",
                            default_policy())
        self.run(c.CreateCampaign(campaign, SECRETARY))
        return campaign.id

    def create(self, household: str = "h-wang", actor: Actor | None = None,
               vote: AssemblyVote | None = PASSING_VOTE, campaign_id: str = CAMPAIGN_ID) -> str:
        """A draft, with the village assembly's vote on it unless ``vote`` is None."""
        actor = actor or self.village_actor(household)
        nomination_id = self.run(c.CreateNomination(campaign_id, "model_household", household,
                                                    actor, deeds="照顾瘫痪婆婆十余年"))
        if vote is not None:
            self.run(c.RecordAssemblyVotes(actor, MEETING, {nomination_id: vote}))
        return nomination_id

    def submitted(self, household: str = "h-wang", actor: Actor | None = None,
                  campaign_id: str = CAMPAIGN_ID) -> str:
        actor = actor or self.village_actor(household)
        nomination_id = self.create(household, actor, campaign_id=campaign_id)
        self.run(c.SubmitNomination(nomination_id, actor))
        return nomination_id

    def in_panel(self, household: str = "h-wang", actor: Actor | None = None,
                 campaign_id: str = CAMPAIGN_ID) -> str:
        """Accepted, and every vetting department has answered "no adverse record"."""
        nomination_id = self.submitted(household, actor, campaign_id)
        self.run(c.AcceptNomination(nomination_id, SECRETARY))
        self.clear_vetting(nomination_id)
        return nomination_id

    def clear_vetting(self, nomination_id: str) -> None:
        for request in list(self.rows.panel.vetting.values()):
            if request.nomination_id == nomination_id and not request.answered:
                self.run(c.AnswerVetting(request.id, SECRETARY, "clear"))

    def review(self, nomination_id: str, marks: dict[str, float], *reviewers: Actor) -> None:
        for reviewer in reviewers:
            self.run(c.RecordReview(nomination_id, reviewer, marks))

    def in_final(self, household: str = "h-wang", actor: Actor | None = None) -> str:
        nomination_id = self.in_panel(household, actor)
        self.review(nomination_id, ALL_MET, *REVIEWERS[:3])
        return nomination_id

    def in_publicity(self, *households: str) -> tuple[str, list[str]]:
        ids = [self.in_final(h) for h in households]
        return self.run(c.OpenPublicity(CAMPAIGN_ID, tuple(ids), SECRETARY)), ids
