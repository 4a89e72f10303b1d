"""A township stopped before the panel scores: two model households accepted, every department
answered clear, and a panel of three reviewers assigned (the ``reviewer`` login is
reviewer-1)."""

from __future__ import annotations

from pathlib import Path

from scenario import RecordingQueue, draft, launch, system_on
from sqlalchemy import select, update
from web_scenario import HOUSEHOLDS, Township, clear_vetting, rename_household

from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.sample.roster import reviewer_actors
from workflows import commands as c
from workflows.samples import default_policy

CAMPAIGN = t.CampaignRow.__table__
PANEL = ("reviewer-1", "reviewer-2", "reviewer-3")


def awaiting_scores(store: Store, tmp_path: Path, vetted: bool = True,
                    head_names: dict[str, str] | None = None) -> Township:
    queue = RecordingQueue()
    system = system_on(store, tmp_path, queue)
    for household, head_name in (head_names or {}).items():
        rename_household(store, household, head_name)
    town = Township(system, queue, launch(system), [])
    for household in HOUSEHOLDS:
        town.nomination_ids.append(draft(system, town.campaign_id, household))
        town.run(c.SubmitNomination(town.nomination_ids[-1], village_actor(household[:12])))
    for nomination_id in town.nomination_ids:
        town.run(c.AcceptNomination(nomination_id, SECRETARIAT))
    if vetted:
        clear_vetting(town)
    town.run(c.AssignReviewers(town.campaign_id, "model_household", PANEL, SECRETARIAT))
    return town


def full_marks() -> dict[str, float]:
    criteria = default_policy().programme("model_household").rubric.criteria
    return {k.key: float(k.max_points) for k in criteria}


def others_score(town: Township, nomination_id: str) -> None:
    """reviewer-2 and reviewer-3 score through the bus."""
    for reviewer in reviewer_actors()[1:3]:
        town.run(c.RecordReview(nomination_id, reviewer, full_marks()))


def configure_panel(town: Township, **settings: object) -> None:
    """Set the campaign's panel settings (``policy.extra["panel"]``), e.g. blind or a vote."""
    with town.store.engine.begin() as conn:
        policy = dict(conn.execute(select(CAMPAIGN.c.policy).where(
            CAMPAIGN.c.id == town.campaign_id)).scalar_one())
        policy["extra"] = {**policy.get("extra", {}), "panel": settings}
        conn.execute(update(CAMPAIGN).where(CAMPAIGN.c.id == town.campaign_id)
                     .values(policy=policy))
