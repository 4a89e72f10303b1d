"""The demo's review steps: preliminary review with a return, an overdue reminder,
department vetting with a veto, and a panel with a recusal."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from models import queries
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.runtime.processes import wait_for
from sanchuang.sample.demo_data import panel_marks
from sanchuang.sample.roster import reviewer_actors
from workflows import commands as c
from workflows.nomination import Actor
from workflows.samples import default_policy
from workflows.stages import Stage


class ReviewSteps:
    """Mixed into DemoRun, which provides the bus, the picks and the waiting helpers."""

    bus: Any
    system: Any
    picks: dict
    seed: int
    timeout: float
    say: Any
    ordered: Any
    in_stage: Any
    wait_until_none: Any
    patiently: Any
    campaign_id: str

    def preliminary(self) -> None:
        """镇文明办初审"""
        returned = self.ordered("model_household")[0]
        self.bus.handle(c.ReturnForRevision(returned, SECRETARIAT,
                                            "缺少村民代表会议记录及签名，请补充后重新申报"))
        self.say("镇文明办退回 1 件补充材料")
        self.overdue_reminder()
        village = village_actor(self.picks[returned].village_id)
        self.bus.handle(c.ResubmitNomination(returned, village))
        self.say("村里补充材料后重新申报")
        self.wait_until_none(Stage.SUBMITTED, "重新申报受理")
        rejected = self.ordered("moral_exemplar")[-1]
        self.bus.handle(c.RejectNomination(rejected, SECRETARIAT, "事迹材料经核查与实际不符"))
        for row in self.in_stage(Stage.PRELIMINARY_REVIEW):
            self.bus.handle(c.AcceptNomination(row["id"], SECRETARIAT))
        self.say("初审：不予通过 1 件，其余进入评审")

    def overdue_reminder(self) -> None:
        """The village lets the 5-working-day deadline pass: beat reminds it and tells the
        secretariat (the shared clock moves 8 days on)."""
        before = self.patiently("reminders", self.reminders)
        self.patiently("clock", lambda: self.system.store.clock.advance(timedelta(days=8)))
        if not wait_for(lambda: self.reminders() > before, self.timeout):
            raise TimeoutError("等待逾期提醒超时：请检查 beat 和 worker 日志")
        self.say("补充材料逾期：系统向村两委发出提醒，并报镇文明办")

    def reminders(self) -> int:
        return sum(n["kind"] == "deadline_reminder"
                   for n in queries.notifications(self.system.store))

    def panel(self) -> None:
        """评审委员会评审"""
        self.score_all()
        self.wait_until_none(Stage.PANEL_REVIEW, "评审汇总")
        self.say("评审委员会打分完毕")

    def vet(self) -> None:
        """联合审查: three departments clear the whole list; the police station reports a
        veto on one household and clears the rest."""
        waiting = tuple(r["id"] for r in self.in_stage(Stage.PANEL_REVIEW))
        vetoed = self.ordered("model_household")[1]
        if not wait_for(lambda: self.vetting_opened(vetoed), self.timeout):
            raise TimeoutError("等待联合审查函发出超时：请检查 worker 日志")
        for department in ("司法所", "纪委", "信访办"):
            self.bus.handle(c.ClearVettingList(department, waiting, SECRETARIAT,
                                               "经审查，无不良记录"))
        police = self.patiently("vetting", lambda: self.police_request(vetoed))
        self.bus.handle(c.AnswerVetting(police.id, SECRETARIAT, "veto",
                                        "该户成员有涉赌违法记录（一票否决）"))
        self.bus.handle(c.ClearVettingList("公安派出所", tuple(n for n in waiting if n != vetoed),
                                           SECRETARIAT, "经审查，无不良记录"))
        self.say("联合审查：1 件一票否决")

    def police_request(self, nomination_id: str) -> Any:
        with self.system.store.uow() as uow:
            return next(r for r in uow.vetting.for_nominations([nomination_id])[nomination_id]
                        if r.department == "公安派出所")

    def vetting_opened(self, nomination_id: str) -> bool:
        with self.system.store.uow() as uow:
            return bool(uow.vetting.for_nominations([nomination_id])[nomination_id])

    def score_all(self) -> None:
        for nid, reviewer, marks in self.marking_plan():
            self.bus.handle(c.RecordReview(nid, reviewer, marks))

    def marking_plan(self) -> list[tuple[str, Actor, dict[str, float]]]:
        """Vet, seat the panels (one reviewer recuses) and draw every mark the panel gives:
        (nomination, reviewer, marks) in the order they are entered, the same for a seed."""
        self.vet()
        rng = random.Random(self.seed * 7 + 1)
        weak = self.ordered("model_household")[-1]
        policy = default_policy()
        waiting = {r["id"] for r in self.in_stage(Stage.PANEL_REVIEW)}
        kin = self.ordered("star_village")[1]
        reviewers = reviewer_actors()
        for programme in ("star_village", "model_household", "moral_exemplar"):
            self.bus.handle(c.AssignReviewers(self.campaign_id, programme,
                                              tuple(r.id for r in reviewers), SECRETARIAT))
        self.bus.handle(c.DeclareConflict(kin, reviewers[0], "本人户籍在该村，且与村支书系亲属"))
        self.say(f"评委{reviewers[0].name}申请回避 1 件，由其他评委补足法定人数")
        misses = {nid: i % 3 for programme in ("star_village", "model_household")
                  for i, nid in enumerate(self.ordered(programme))}
        plan = []
        for nid in (n for n in self.ordered() if n in waiting):
            panel = reviewers[1:policy.panel_quorum + 1] if nid == kin \
                else reviewers[:policy.panel_quorum]
            plan += [(nid, reviewer, panel_marks(rng, policy, self.picks[nid].programme,
                                                 nid != weak, misses.get(nid, 0)))
                     for reviewer in panel]
        return plan
