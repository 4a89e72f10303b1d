"""``sanchuang demo``: one whole campaign, headless, through real worker processes."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from models import queries
from sanchuang.accounts import APPROVER, SECRETARIAT, village_actor
from sanchuang.bootstrap import System
from sanchuang.policy.campaigns import new_campaign
from sanchuang.runtime.processes import wait_for
from sanchuang.sample.demo_data import (
    Pick,
    assembly_meeting,
    assembly_votes,
    deeds_for,
    pick_nominees,
    unnominated,
)
from sanchuang.sample.demo_review import ReviewSteps
from sanchuang.sample.township import REFERENCE_DAY
from workflows import commands as c
from workflows.bus import MessageBus
from workflows.calendar import local_date
from workflows.campaign import Contact
from workflows.policy import CampaignPolicy
from workflows.samples import default_policy
from workflows.stages import STAGE_NAMES_ZH, TERMINAL, Stage

SETTLED = TERMINAL | {Stage.COMMENDED}
T = TypeVar("T")


@dataclass
class DemoRun(ReviewSteps):
    system: System
    seed: int
    say: Callable[[str], None]
    timeout: float = 90.0
    campaign_id: str = ""
    picks: dict[str, Pick] = field(default_factory=dict)

    @property
    def bus(self) -> MessageBus:
        return self.system.bus

    def patiently(self, what: str, read: Callable[[], T]) -> T:
        """A read (or the clock's move) outside a command, run again like a command while
        the store is restarting."""
        return self.bus.retry.run(what, read)

    def today(self) -> date:
        return local_date(self.patiently("clock", self.system.store.clock.now))

    def in_stage(self, stage: Stage) -> list[dict]:
        return self.patiently("in_stage", lambda: queries.nominations(
            self.system.store, self.campaign_id, stage.value))

    def wait_until_none(self, stage: Stage, what: str) -> None:
        if not wait_for(lambda: not self.in_stage(stage), self.timeout):
            raise TimeoutError(f"等待{what}超时：仍有申报停在“{stage.value}”。请检查 worker 日志")

    def launch(self, policy: CampaignPolicy | None = None) -> None:
        """发起评选活动"""
        year = self.today().year
        campaign = self.patiently("new_campaign", lambda: new_campaign(
            self.system.store, year, policy or default_policy(), self.say,
            basis=f"新坪发〔{year}〕3号",
            contact=Contact("0739-6812345", "wmb@xinping.example", "新坪镇人民政府三楼文明办")))
        self.campaign_id = self.bus.handle(c.CreateCampaign(campaign, SECRETARIAT))

    def nominate(self) -> None:
        """村级申报"""
        self.submit_all()
        self.wait_until_none(Stage.SUBMITTED, "申报受理")

    def submit_all(self) -> None:
        rng = random.Random(self.seed)
        store = self.system.store
        roster = self.patiently("roster", lambda: unnominated(
            queries.roster_overview(store), queries.nominated_subjects(store)))
        for pick in pick_nominees(rng, roster, REFERENCE_DAY):
            nid = self.bus.handle(c.CreateNomination(
                self.campaign_id, pick.programme.value, pick.subject_id,
                village_actor(pick.village_id), category=pick.category,
                deeds=deeds_for(pick.programme, len(self.picks))))
            self.picks[nid] = pick
        today = self.today()
        for village, ids in self.by_village().items():
            meeting = assembly_meeting(rng, today)
            votes = assembly_votes(rng, ids, self.picks, meeting)
            if votes:
                self.bus.handle(c.RecordAssemblyVotes(village_actor(village), meeting, votes))
            self.bus.handle(c.SubmitNominations(tuple(ids), village_actor(village)))
        self.say(f"各村召开村民代表会议表决后提交申报 {len(self.picks)} 件")

    def by_village(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for nid, pick in self.picks.items():
            found.setdefault(pick.village_id, []).append(nid)
        return found

    def ordered(self, programme: str | None = None) -> list[str]:
        """Nomination ids in the order they were picked (ids are random; picks are not)."""
        return [n for n in self.picks
                if programme is None or self.picks[n].programme.value == programme]

    def publicity(self) -> None:
        """镇党委审定并公示"""
        approved = tuple(r["id"] for r in self.in_stage(Stage.FINAL_APPROVAL))
        self.bus.handle(c.OpenPublicity(self.campaign_id, approved, APPROVER))
        self.say(f"镇党委审定，{len(approved)} 件进入公示（7 天）")

    def objections(self) -> None:
        """公示期异议处理"""
        upheld, dismissed = self.ordered("model_household")[2], self.ordered("star_village")[0]
        for nid, outcome, findings in (
            (upheld, "upheld", "经村两委和镇纪委调查核实，反映的该户长期拒不赡养老人问题属实"),
            (dismissed, "dismissed", "经实地走访核实，反映的问题与事实不符"),
        ):
            oid = self.bus.handle(c.FileObjection(
                nid, "赵群众", "zhao.qunzhong@example.com",
                "反映该申报对象存在与评选条件不符的情况，请组织核实。"))
            self.bus.handle(c.ResolveObjection(oid, outcome, findings, SECRETARIAT))
        self.say("公示期收到异议 2 件：1 件成立（取消资格），1 件不成立")

    def elapse(self) -> None:
        """公示期满"""
        self.patiently("elapse", self.close_windows)
        self.say("模拟时钟拨快至公示期满")
        self.wait_until_none(Stage.PUBLICITY, "公示期结束")

    def close_windows(self) -> None:
        """Move the shared clock past the last publicity window's closing."""
        store = self.system.store
        with store.uow() as uow:
            closes = max(w.closes_at for w in uow.windows.for_campaign(self.campaign_id))
        store.clock.advance(max(closes - store.clock.now(), timedelta(0)) + timedelta(minutes=1))

    def commend(self) -> None:
        """发布表彰决定"""
        year = self.today().year
        self.bus.handle(c.PublishCommendation(self.campaign_id, APPROVER, f"新坪发〔{year}〕12号"))
        self.wait_until_none(Stage.APPROVED, "表彰")
        self.say("表彰决定已发布")

    def settle(self) -> None:
        """等待通知送达"""
        store = self.system.store

        def quiet() -> bool:
            counts = queries.notification_counts(store)
            return not queries.pending_events(store) and not (counts["pending"]
                                                              + counts["sending"])

        wait_for(quiet, self.timeout)

    def steps(self) -> list[Callable[[], None]]:
        return [self.launch, self.nominate, self.preliminary, self.panel, self.publicity,
                self.objections, self.elapse, self.commend, self.settle]


def unfinished(system: System) -> str | None:
    """What to tell the operator when the latest campaign in the store is still under way."""
    campaign_id = queries.latest_campaign_id(system.store)
    if campaign_id is None:
        return None
    waiting = queries.unsettled(system.store, campaign_id, tuple(s.value for s in SETTLED))
    if not waiting:
        return None
    stages = "，".join(f"{STAGE_NAMES_ZH[Stage(s)]} {n} 件" for s, n in sorted(waiting.items()))
    return (f"上一次评选活动 {campaign_id} 尚未完成（{stages}），本次没有另起评选。\n"
            f"办完它：sanchuang status --campaign {campaign_id} 查看进度，"
            "用 sanchuang review … 继续办理；\n"
            "或者放下它另起一次评选：sanchuang demo --new（旧活动原样保留）；"
            "或换一个数据目录（SANCHUANG_DATA_DIR）重新演示。")


def problems(system: System, campaign_id: str) -> list[str]:
    """What would make the demo fail: stuck nominations or undelivered notifications."""
    found = [f"申报 {r['display_name']} 停在 {r['stage']}"
             for r in queries.nominations(system.store, campaign_id) if r["stage"] not in SETTLED]
    counts = queries.notification_counts(system.store)
    for status in ("pending", "sending", "failed"):
        if counts[status]:
            found.append(f"{counts[status]} 条通知未送达（{status}）")
    if queries.pending_events(system.store):
        found.append(f"{queries.pending_events(system.store)} 个事件未处理")
    return found


def output_folder(path: Path | None, system: System, campaign_id: str) -> Path:
    """Where a campaign's documents go: ``--out``, or a folder of the campaign's own in the
    data folder, so a later campaign never overwrites an earlier one's."""
    return path or (system.settings.data_dir / "out" / campaign_id)
