"""A township whose campaign is in publicity (or commended), driven through the bus on a
real SQLite store, for the web tests."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "integration"))

from fastapi.testclient import TestClient
from scenario import RecordingQueue, draft, launch, system_on
from sqlalchemy import update

from models import tables as t
from models.store import Store
from sanchuang.accounts import APPROVER, SECRETARIAT, village_actor
from sanchuang.bootstrap import System
from sanchuang.sample.roster import reviewer_actors
from workflows import commands as c
from workflows.samples import default_policy

HOUSEHOLDS = ("430522100201001", "430522100202001")


@dataclass
class Township:
    system: System
    queue: RecordingQueue
    campaign_id: str
    nomination_ids: list[str]
    window_id: str = ""

    @property
    def store(self) -> Store:
        return self.system.store

    def run(self, command: c.Command) -> object:
        result = self.system.bus.handle(command)
        self.queue.drain(self.system)
        return result


def rename_household(store: Store, household_id: str, head_name: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(t.HouseholdRow.__table__)
                     .where(t.HouseholdRow.__table__.c.id == household_id)
                     .values(head_name=head_name))


def clear_vetting(town: Township) -> None:
    with town.store.uow() as uow:
        requests = uow.vetting.for_nominations(town.nomination_ids)
    for waiting in requests.values():
        for request in waiting:
            town.run(c.AnswerVetting(request.id, SECRETARIAT, "clear"))


def score(town: Township) -> None:
    policy, reviewers = default_policy(), reviewer_actors()[:default_policy().panel_quorum]
    town.run(c.AssignReviewers(town.campaign_id, "model_household",
                               tuple(r.id for r in reviewers), SECRETARIAT))
    criteria = policy.programme("model_household").rubric.criteria
    marks = {k.key: float(k.max_points) for k in criteria}
    for nomination_id in town.nomination_ids:
        for reviewer in reviewers:
            town.run(c.RecordReview(nomination_id, reviewer, marks))


def in_publicity(store: Store, tmp_path: Path,
                 head_names: dict[str, str] | None = None) -> Township:
    """Two model households, reviewed and approved, listed in an open publicity notice
    (``head_names`` renames households of the sample township first)."""
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
    clear_vetting(town)
    score(town)
    town.window_id = str(town.run(c.OpenPublicity(town.campaign_id,
                                                  tuple(town.nomination_ids), APPROVER)))
    return town


def commended(town: Township, number: str = "新坪发〔2026〕12号") -> None:
    """Publicity runs out with no objection and the decision is published."""
    with town.store.uow() as uow:
        window = uow.windows.get(town.window_id)
    town.store.clock.advance(window.objection_deadline - town.store.clock.now()
                             + timedelta(minutes=1))
    town.run(c.CloseDuePublicity())
    town.run(c.PublishCommendation(town.campaign_id, APPROVER, number))


TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(client: TestClient, window_id: str) -> str:
    """Open the notice page (which sets the cookie) and read the form's token."""
    page = client.get(f"/publicity/{window_id}")
    assert page.status_code == 200
    found = TOKEN.search(page.text)
    assert found, "the notice page has no objection form"
    return found.group(1)
