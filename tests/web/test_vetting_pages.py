"""The department officer's pages: their pending requests, answering, and the department
scope."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from panel_scenario import awaiting_scores
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township

from models.store import Store
from sanchuang.web.app import create_app
from workflows.stages import Stage

HOSTILE = "<script>alert(1)</script>王建国"


@pytest.fixture
def vetting_town(sqlite_store: Store, tmp_path: Path) -> Township:
    town = awaiting_scores(sqlite_store, tmp_path, vetted=False,
                           head_names={"430522100201001": HOSTILE})
    create_logins(sqlite_store)
    return town


@pytest.fixture
def police(vetting_town: Township) -> TestClient:
    client = TestClient(create_app(vetting_town.system))
    sign_in(client, "police")
    return client


def request_of(town: Township, nomination_id: str, department: str):
    with town.store.uow() as uow:
        requests = uow.vetting.for_nominations([nomination_id])[nomination_id]
    return next(r for r in requests if r.department == department)


def stage(town: Township, nomination_id: str) -> Stage:
    with town.store.uow() as uow:
        return uow.nominations.get(nomination_id).stage


def answer(client: TestClient, request_id: str, outcome: str, note: str = ""):
    token = form_token_of(client, f"/vetting/{request_id}")
    return client.post(f"/vetting/{request_id}", follow_redirects=False,
                       data={"csrf_token": token, "outcome": outcome, "note": note})


def test_the_list_shows_the_departments_pending_requests_escaped(vetting_town, police):
    page = police.get("/vetting")
    assert page.status_code == 200
    for nomination_id in vetting_town.nomination_ids:
        assert f"/vetting/{request_of(vetting_town, nomination_id, '公安派出所').id}" in page.text
        assert f"/vetting/{request_of(vetting_town, nomination_id, '司法所').id}" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;王建国" in page.text
    assert "<script>alert(1)" not in page.text
    assert "已逾期" not in page.text


def test_overdue_requests_are_marked(vetting_town, police):
    vetting_town.store.clock.advance(timedelta(days=30))
    assert "已逾期" in police.get("/vetting").text


def test_an_officer_answers_their_own_request_clear(vetting_town, police):
    nid = vetting_town.nomination_ids[0]
    request = request_of(vetting_town, nid, "公安派出所")
    assert answer(police, request.id, "clear", "经查无违法记录").status_code == 303
    assert request_of(vetting_town, nid, "公安派出所").outcome == "clear"
    assert f"/vetting/{request.id}" not in police.get("/vetting").text
    page = police.get(f"/vetting/{request.id}")
    assert "无不良记录" in page.text
    assert "提交答复" not in page.text


def test_a_veto_needs_a_note_and_then_disqualifies(vetting_town, police):
    nid = vetting_town.nomination_ids[0]
    request = request_of(vetting_town, nid, "公安派出所")
    refused = answer(police, request.id, "veto")
    assert refused.status_code == 400
    assert "必须写明具体情况" in refused.text
    assert request_of(vetting_town, nid, "公安派出所").outcome == "pending"
    assert answer(police, request.id, "veto", "<b>有违法记录</b>").status_code == 303
    vetting_town.queue.drain(vetting_town.system)
    assert stage(vetting_town, nid) is Stage.DISQUALIFIED
    page = police.get(f"/vetting/{request.id}")
    assert "&lt;b&gt;有违法记录&lt;/b&gt;" in page.text
    assert "一票否决" in page.text


def test_another_departments_request_is_404(vetting_town, police):
    nid = vetting_town.nomination_ids[0]
    other = request_of(vetting_town, nid, "司法所")
    assert police.get(f"/vetting/{other.id}").status_code == 404
    token = form_token_of(police, "/vetting")
    posted = police.post(f"/vetting/{other.id}",
                         data={"csrf_token": token, "outcome": "veto", "note": "捏造"})
    assert posted.status_code == 404
    assert police.get("/vetting/nosuchrequest").status_code == 404
    assert request_of(vetting_town, nid, "司法所").outcome == "pending"


def test_an_answer_without_a_form_token_is_refused(vetting_town, police):
    nid = vetting_town.nomination_ids[0]
    request = request_of(vetting_town, nid, "公安派出所")
    posted = police.post(f"/vetting/{request.id}", data={"outcome": "veto", "note": "x"})
    assert posted.status_code == 403
    assert request_of(vetting_town, nid, "公安派出所").outcome == "pending"
