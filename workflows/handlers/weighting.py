"""Weighted final scores: the panel's score with the representatives' and the public's."""

from __future__ import annotations

from workflows import commands, events
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.context import Deps
from workflows.policy import WEIGHT_SOURCES
from workflows.ports import UnitOfWork
from workflows.stages import Role, Stage


def record_outside_scores(cmd: commands.RecordOutsideScores, uow: UnitOfWork,
                          deps: Deps) -> None:
    if cmd.actor.role is not Role.SECRETARIAT:
        raise Forbidden("代表评议和群众测评的分数由镇文明办录入")
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    if nomination.stage is not Stage.PANEL_REVIEW:
        raise InvalidInput(f"{nomination.display_name} 不在评审阶段，不能录入分数")
    rubric = uow.campaigns.get(nomination.campaign_id).rubric(nomination.programme,
                                                              nomination.rubric_version)
    sources = set(rubric.weights) - {"panel"}
    unknown = sorted(set(cmd.scores) - sources)
    if unknown or not cmd.scores:
        names = "、".join(WEIGHT_SOURCES.get(s, s) for s in sorted(sources)) or "无"
        raise InvalidInput(f"该项目的评分细则只需录入：{names}")
    for source, value in cmd.scores.items():
        if not 0 <= float(value) <= rubric.full_marks:
            raise InvalidInput(f"{WEIGHT_SOURCES.get(source, source)}的分数 {value:g} 超出范围"
                               f"（0–{rubric.full_marks:g}）")
    nomination.outside_scores = {**nomination.outside_scores,
                                 **{k: float(v) for k, v in cmd.scores.items()}}
    shown = "，".join(f"{WEIGHT_SOURCES.get(k, k)} {v:g}" for k, v in sorted(cmd.scores.items()))
    nomination.record("record_outside_scores", cmd.actor, deps.clock.now(), shown)
    uow.nominations.save(nomination)
    uow.emit(events.OutsideScoresRecorded(nomination.id))
