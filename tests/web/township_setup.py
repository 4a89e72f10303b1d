"""Townships at earlier stages than the ``town`` fixture, for the township pages' tests."""

from __future__ import annotations

from pathlib import Path

from scenario import RecordingQueue, draft, launch, system_on
from web_scenario import HOUSEHOLDS, Township, clear_vetting, score

from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from workflows import commands as c

THIRD = "430522100201002"


def submitted(town: Township, household: str = THIRD) -> str:
    """A further household's nomination, submitted and checked: waiting for 初审."""
    nomination_id = draft(town.system, town.campaign_id, household)
    town.run(c.SubmitNomination(nomination_id, village_actor(household[:12])))
    return nomination_id


def in_review(store: Store, tmp_path: Path) -> Township:
    """Two model households waiting for the secretariat's preliminary review."""
    queue = RecordingQueue()
    system = system_on(store, tmp_path, queue)
    town = Township(system, queue, launch(system), [])
    for household in HOUSEHOLDS:
        town.nomination_ids.append(submitted(town, household))
    return town


def ranked(store: Store, tmp_path: Path) -> Township:
    """Two model households through the panel: waiting for the committee's approval."""
    town = in_review(store, tmp_path)
    for nomination_id in town.nomination_ids:
        town.run(c.AcceptNomination(nomination_id, SECRETARIAT))
    clear_vetting(town)
    score(town)
    return town
