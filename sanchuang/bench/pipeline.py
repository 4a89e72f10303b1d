"""The benchmark's campaign: untimed setup, then N nominations driven from the first submission
to the last commendation through real worker processes."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from subprocess import Popen
from typing import Any

from models import bench as db
from models import queries
from sanchuang.accounts import APPROVER, SECRETARIAT, village_actor
from sanchuang.bootstrap import System
from sanchuang.runtime.processes import wait_for
from sanchuang.sample.demo import DemoRun
from sanchuang.sample.demo_data import assembly_meeting, deeds_for, panel_marks, passing_vote
from sanchuang.sample.roster import load_sample, reviewer_actors
from workflows import commands as c
from workflows.calendar import local_date
from workflows.policy import CampaignPolicy, Programme, Quota
from workflows.samples import default_policy
from workflows.stages import STAGE_NAMES_ZH, Stage
from workflows.vetting import DEFAULT_DEPARTMENTS

SEED = 2026
VILLAGES = 49  # 47 villages and 2 residential committees in the sample township
PROGRAMME = Programme.MODEL_HOUSEHOLD
BATCH = 100  # nominations on one accepted list and one score sheet


class BenchError(RuntimeError):
    """The run could not finish: a timeout, or a worker process that died."""


@dataclass
class Waiter:
    """Polls the database until a condition holds, a worker dies, or ``timeout`` passes."""

    workers: Sequence[Popen]
    timeout: float
    poll: float = 0.05

    def until(self, predicate: Callable[[], bool], what: str,
              detail: Callable[[], object] = lambda: "") -> None:
        def ready() -> bool:
            dead = [p.pid for p in self.workers if p.poll() is not None]
            if dead:
                raise BenchError(f"worker 进程 {dead} 已退出（{what}）")
            return predicate()

        if not wait_for(ready, self.timeout, self.poll):
            raise BenchError(f"等待{what}超时（{self.timeout:g} 秒）{detail()}")


def bench_policy(nominations: int) -> CampaignPolicy:
    """The sample rules, with a quota big enough that every bench nomination may be accepted
    (the bench measures throughput, not a township's quota)."""
    policy = default_policy()
    household = replace(policy.programmes[PROGRAMME], quota=Quota(nominations, None))
    return replace(policy, programmes={**policy.programmes, PROGRAMME: household})


def households_per_village(nominations: int) -> int:
    return max(2, math.ceil(nominations / VILLAGES) + 1)


def prepare(system: System, nominations: int, tick: Callable[[int], None]) -> tuple[str, dict]:
    """Migrate, load the sample township, launch a campaign and create N drafts (untimed).
    Returns the campaign id and nomination id -> village id."""
    system.store.migrate()
    load_sample(system.store, SEED, households_per_village(nominations))
    launcher = DemoRun(system, SEED, lambda _text: None)
    launcher.launch(bench_policy(nominations))
    drafts: dict[str, str] = {}
    households = spread(queries.roster_overview(system.store)["households"], nominations)
    for done, household in enumerate(households, 1):
        village = household["village_id"]
        drafts[system.bus.handle(c.CreateNomination(
            launcher.campaign_id, PROGRAMME.value, household["id"], village_actor(village),
            deeds=deeds_for(PROGRAMME, done)))] = village
        tick(done)
    record_assemblies(system, drafts)
    return launcher.campaign_id, drafts


def record_assemblies(system: System, drafts: dict[str, str]) -> None:
    """Each village's representative meeting votes on all its drafts at once."""
    rng, today = random.Random(SEED), local_date(system.store.clock.now())
    for village in sorted(set(drafts.values())):
        meeting = assembly_meeting(rng, today)
        votes = {n: passing_vote(rng, meeting.members_present)
                 for n, v in drafts.items() if v == village}
        system.bus.handle(c.RecordAssemblyVotes(village_actor(village), meeting, votes))


def spread(households: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """``count`` households taken round-robin over the villages."""
    rank: dict[str, int] = {}
    keyed = []
    for household in households:
        rank[household["village_id"]] = rank.get(household["village_id"], -1) + 1
        keyed.append((rank[household["village_id"]], household["id"], household))
    chosen = [h for _, _, h in sorted(keyed, key=lambda k: k[:2])][:count]
    if len(chosen) < count:
        raise BenchError(f"样例乡镇只有 {len(chosen)} 户，不够 {count} 件申报")
    return chosen


@dataclass
class PipelineFigures:
    transitions: int
    span_s: float
    latencies_ms: list[float]
    phases_s: dict[str, float]


@dataclass
class PipelineRun:
    system: System
    campaign_id: str
    drafts: dict[str, str]
    waiter: Waiter
    phase: Callable[[str, int], Callable[[int], None]]

    @property
    def store(self) -> Any:
        return self.system.store

    def run(self) -> PipelineFigures:
        audit_mark, outbox_mark = db.marks(self.store)
        started = lap = time.monotonic()
        phases: dict[str, float] = {}
        for step in (self.submit, self.accept_and_review, self.publicize, self.commend):
            step()
            phases[step.__name__], lap = round(time.monotonic() - lap, 3), time.monotonic()
        return PipelineFigures(db.transitions_after(self.store, audit_mark), lap - started,
                               db.latencies_after(self.store, outbox_mark), phases)

    def counts(self) -> dict[str, int]:
        return db.stage_counts(self.store, self.campaign_id)

    def until_stage(self, stage: Stage, tick: Callable[[int], None]) -> None:
        def arrived() -> bool:
            done = self.counts().get(stage.value, 0)
            tick(done)
            return done == len(self.drafts)

        self.waiter.until(arrived, f"全部申报进入“{STAGE_NAMES_ZH[stage]}”", self.counts)

    def until_quiet(self, what: str) -> None:
        self.waiter.until(lambda: db.unprocessed_events(self.store) == 0, f"事件处理完（{what}）")

    def submit(self) -> None:
        """Each village committee submits its list of drafts; workers start preliminary
        review."""
        tick, done = self.phase("村两委提交申报", len(self.drafts)), 0
        by_village: dict[str, list[str]] = {}
        for nomination_id, village in self.drafts.items():
            by_village.setdefault(village, []).append(nomination_id)
        for village, ids in by_village.items():
            done += self.system.bus.handle(c.SubmitNominations(tuple(ids), village_actor(village)))
            tick(done)

    def accept_and_review(self) -> None:
        """The secretariat accepts each one as it reaches preliminary review, and three
        reviewers mark it; the workers conclude each panel."""
        tick, done = self.phase("初审受理并评审打分", len(self.drafts)), 0
        rng, policy = random.Random(SEED), default_policy()
        reviewers = reviewer_actors()[:policy.panel_quorum]
        while done < len(self.drafts):
            batch = tuple(self.ready(Stage.PRELIMINARY_REVIEW)[:BATCH])
            self.system.bus.handle(c.AcceptNominations(batch, SECRETARIAT))
            for department in DEFAULT_DEPARTMENTS:  # each department clears the batch at once
                self.system.bus.handle(c.ClearVettingList(department, batch, SECRETARIAT))
            for reviewer in reviewers:  # each reviewer hands in one score sheet per batch
                sheet = {n: panel_marks(rng, policy, PROGRAMME, True) for n in batch}
                self.system.bus.handle(c.RecordReviews(reviewer, sheet))
            done += len(batch)
            tick(done)
        self.until_stage(Stage.FINAL_APPROVAL, self.phase("评审汇总", len(self.drafts)))

    def ready(self, stage: Stage) -> list[str]:
        found: list[str] = []

        def some() -> bool:
            found[:] = db.ids_in_stage(self.store, self.campaign_id, stage.value)
            return bool(found)

        self.waiter.until(some, f"申报进入“{STAGE_NAMES_ZH[stage]}”", self.counts)
        return found

    def publicize(self) -> None:
        """Open publicity for the whole list at once, move the shared clock past the window,
        and close what is due through the bus (the bench runs no beat)."""
        tick = self.phase("公示并期满", 3)
        approved = tuple(db.ids_in_stage(self.store, self.campaign_id,
                                         Stage.FINAL_APPROVAL.value))
        self.system.bus.handle(c.OpenPublicity(self.campaign_id, approved, APPROVER))
        self.until_quiet("公示开始")  # no event may straddle the jump of the clock
        tick(1)
        clock = self.store.clock
        with self.store.uow() as uow:
            closes = max(w.closes_at for w in uow.windows.for_campaign(self.campaign_id))
        clock.advance(max(closes - clock.now(), timedelta(0)) + timedelta(minutes=1))
        # Other processes re-read the clock's offset at most every ``ttl`` seconds; after
        # this bound every worker stamps its claims with the moved clock.
        time.sleep(clock.ttl)
        tick(2)
        self.system.bus.handle(c.CloseDuePublicity())
        tick(3)

    def commend(self) -> None:
        """Publish the commendation for every approved nomination; done when the workers
        have written the last notification."""
        year = local_date(self.store.clock.now()).year
        self.system.bus.handle(c.PublishCommendation(self.campaign_id, APPROVER,
                                                     f"新坪发〔{year}〕12号"))
        tick = self.phase("表彰并通知", len(self.drafts))
        self.until_stage(Stage.COMMENDED, tick)
        self.until_quiet("表彰通知")
