"""After the panel: ranking against the quota, and moving a nominee to another category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workflows import commands, events
from workflows.errors import InvalidInput, StaleVersion
from workflows.fairness import Normalised, Sheet, normalise
from workflows.handlers.context import Deps
from workflows.handlers.panel_admin import check_secretariat, programme_policy
from workflows.nomination import REASON_MAX, Nomination
from workflows.panel import Placed, Standing, check_category_move, panel_policy, rank
from workflows.ports import PanelUnitOfWork
from workflows.text import clean_text


def rank_panel(cmd: commands.RankPanel, uow: PanelUnitOfWork, deps: Deps) -> list[Placed]:
    """Rank the nominees who passed the panel and are still in the running, against the
    programme's quota; the rank and the quota status are stored with the aggregate."""
    check_secretariat(cmd.actor)
    campaign = uow.campaigns.get(cmd.campaign_id)
    programme = programme_policy(campaign.policy, cmd.programme)
    results = uow.panel.passed(campaign.id, programme.programme.value)
    if not results:
        raise InvalidInput("该项目还没有通过评审的申报，无可排名")
    submitted = uow.panel.submitted_at([r.nomination_id for r in results])
    scores = normalised_scores(uow, [r.nomination_id for r in results]) \
        if panel_policy(campaign.policy).normalise else {}
    placed = rank([Standing(r.nomination_id, scores[r.nomination_id].normalised
                            if scores else r.verdict.value, r.verdict.stars,
                            submitted.get(r.nomination_id, r.concluded_at)) for r in results],
                  programme.quota)
    placed = [replace(p, raw=scores[p.nomination_id].raw,
                      normalised=scores[p.nomination_id].normalised) if scores else p
              for p in placed]
    uow.panel.set_ranks(placed)
    uow.emit(events.PanelRanked(campaign.id, programme.programme.value))
    return placed


def normalised_scores(uow: PanelUnitOfWork, ids: list[str]) -> dict[str, Normalised]:
    """Raw and normalised totals of every sheet handed in for these nominations."""
    reviews = uow.reviews.for_nominations(ids)
    return normalise([Sheet(r.reviewer_id, r.nomination_id, sum(r.marks.values()))
                      for n in ids for r in reviews[n]])


def refuse_past_ceiling(uow: PanelUnitOfWork, nominations: Sequence[Nomination]) -> None:
    """For the final list: refuse nominees ranked past the quota's hard ceiling."""
    over = uow.panel.over_ceiling([n.id for n in nominations])
    if over:
        names = "、".join(n.display_name for n in nominations if n.id in over)
        raise InvalidInput(f"{names} 的评审排名超出名额上限，不能列入审定名单")


def move_category(cmd: commands.MoveCategory, uow: PanelUnitOfWork, deps: Deps) -> None:
    """The panel's decision to move a nominee to another category, entered by the
    secretariat and logged in the nomination's audit chain (no stage changes)."""
    check_secretariat(cmd.actor)
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    if cmd.expected_version not in (None, nomination.version):
        raise StaleVersion(f"申报 {nomination.display_name} 已被他人修改，请刷新后重试")
    categories = uow.campaigns.get(nomination.campaign_id).policy.programme(
        nomination.programme).categories
    check_category_move(categories, nomination.category, cmd.category, cmd.reason,
                        nomination.stage)
    source, nomination.category = nomination.category, cmd.category
    nomination.record("move_category", cmd.actor, deps.clock.now(),
                      f"{source or '未分类'} → {cmd.category}：{cmd.reason.strip()}")
    uow.nominations.save(nomination)
    uow.emit(events.CategoryMoved(nomination.id, nomination.campaign_id, source, cmd.category,
                                  clean_text(cmd.reason, "调整理由", REASON_MAX)))
