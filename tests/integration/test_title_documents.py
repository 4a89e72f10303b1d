"""The revocation notice and the county recommendation list, rendered from a commended
township on SQLite: the names as published, never an ID number or a phone."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))

from web_scenario import Township, commended, in_publicity

from models import title_queries as tq
from models.store import Store
from models.titles import TitleRepository
from sanchuang.accounts import APPROVER, SECRETARIAT
from sanchuang.documents import title_documents as td
from workflows import title_commands as tc
from workflows.errors import InvalidInput

PRIVATE = re.compile(r"\d{17}[\dXx]|1[3-9]\d{9}")


@pytest.fixture
def town(sqlite_store: Store, tmp_path: Path) -> Township:
    town = in_publicity(sqlite_store, tmp_path)
    commended(town)
    return town


def test_the_revocation_notice_needs_the_decision_and_then_reads_it(town: Township) -> None:
    nid = town.nomination_ids[0]
    view = tq.title_of(town.store, nid)
    assert view is not None
    with pytest.raises(InvalidInput, match="镇党委尚未决定撤销"):
        td.revocation_notice(town.store, view, date(2026, 12, 20))
    town.run(tc.ReportForRevocation(nid, SECRETARIAT, "domestic_violence", "邻居反映"))
    town.run(tc.VerifyRevocationReport(nid, SECRETARIAT, "经妇联核实存在家庭暴力", True))
    town.run(tc.DecideRevocation(nid, APPROVER, True))
    view = tq.title_of(town.store, nid)
    assert view is not None
    html = td.revocation_notice(town.store, view, date(2026, 12, 20))
    assert f"撤销{view.display_name}“道德模范户”称号" in html
    assert "撤销原因：家庭暴力" in html
    assert "（文号待定）" in html
    assert PRIVATE.search(html) is None


def test_only_three_years_running_are_on_the_county_list(town: Township) -> None:
    first, second = (tq.title_of(town.store, n) for n in town.nomination_ids)
    assert first is not None
    assert second is not None
    with town.store.sessions() as session, session.begin():
        TitleRepository(session).add_many([
            {"nomination_id": f"old-{year}", "subject_id": first.record.subject_id,
             "programme": "model_household", "star_level": "银星", "year": year,
             "status": "active", "awarded_on": date(year, 12, 1)} for year in (2024, 2025)])
    views = tq.county_recommendations(town.store, "model_household", 2026)
    assert [v.display_name for v in views] == [first.display_name]
    html = td.county_recommendation_list(town.store, views, "model_household", 2026,
                                         date(2026, 12, 20))
    assert "2024—2026年连续三年获评“道德模范户”推荐名单" in html
    assert first.display_name in html
    assert second.display_name not in html
    assert PRIVATE.search(html) is None
    with pytest.raises(InvalidInput, match="2025 年没有连续三年获评的道德模范户"):
        td.county_recommendation_list(town.store, [], "model_household", 2025, date(2026, 1, 1))


def test_the_revocation_notice_masks_a_phone_typed_into_the_findings(town: Township) -> None:
    nid = town.nomination_ids[0]
    town.run(tc.ReportForRevocation(nid, SECRETARIAT, "domestic_violence", "邻居反映"))
    town.run(tc.VerifyRevocationReport(
        nid, SECRETARIAT, "经核实属实，反映人电话13907391234，身份证430522199001011234", True))
    town.run(tc.DecideRevocation(nid, APPROVER, True))
    view = tq.title_of(town.store, nid)
    assert view is not None
    html = td.revocation_notice(town.store, view, date(2026, 12, 20))
    assert "经核实属实" in html
    assert "13907391234" not in html
    assert "430522199001011234" not in html
