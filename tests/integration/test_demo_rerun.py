"""A second ``demo`` in the same data folder: an unfinished campaign is named with what to do,
and nothing is started; a new demo picks nominees nobody nominated before."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.console import Console
from scenario import draft, launch, system_on

from models import queries
from models.store import Store
from sanchuang.cli.demo import run_demo
from sanchuang.sample.demo_data import pick_nominees, unnominated
from sanchuang.sample.township import REFERENCE_DAY


def test_a_demo_over_an_unfinished_campaign_says_which_and_starts_nothing(
        sqlite_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    system = system_on(sqlite_store, tmp_path)
    campaign_id = launch(system)
    draft(system, campaign_id)
    code = run_demo(system, 1, None, 5.0, Console(file=None), new=False)
    assert code == 2
    told = capsys.readouterr().err
    assert f"上一次评选活动 {campaign_id} 尚未完成（草稿 1 件）" in told
    assert f"sanchuang status --campaign {campaign_id}" in told
    assert "sanchuang demo --new" in told
    assert queries.latest_campaign_id(sqlite_store) == campaign_id  # no second campaign
    assert len(queries.nominations(sqlite_store, campaign_id)) == 1


def test_a_new_demo_never_picks_a_nominee_of_an_earlier_campaign(
        sqlite_store: Store, tmp_path: Path) -> None:
    system_on(sqlite_store, tmp_path)
    roster = queries.roster_overview(sqlite_store)
    first = pick_nominees(random.Random(1), roster, REFERENCE_DAY)
    taken = {p.subject_id for p in first}
    second = pick_nominees(random.Random(1), unnominated(roster, taken), REFERENCE_DAY)
    assert len(second) == len(first)
    assert not taken & {p.subject_id for p in second}
