"""The staff endpoints of the JSON API, called with tokens as an integration would: each does
what its page does (checked in the store and on the page), and refuses as the pages do (401
without a token, 403 for another role, 404 outside the user's scope, 400 with the Chinese
reason and nothing changed); writes refuse a session cookie."""

from __future__ import annotations

import base64
from datetime import timedelta
from pathlib import Path

import pytest
from api_tokens import API, api_client, tokens
from fastapi.testclient import TestClient
from panel_scenario import PANEL, awaiting_scores, full_marks
from sqlalchemy import func, select
from staff_logins import sign_in
from township_setup import in_review
from web_scenario import Township

from models import tables as t
from models import village_queries as q
from models.store import Store
from sanchuang.web.app import create_app
from workflows.calendar import local_date

FREE_HOUSEHOLD = "430522100201002"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def stage(town: Township, nomination_id: str) -> str:
    found = q.nomination(town.store, nomination_id)
    assert found is not None
    return str(found["stage"])


def new_nomination(town: Township, **changes: object) -> dict[str, object]:
    today = local_date(town.store.clock.now())
    body: dict[str, object] = {
        "programme": "model_household", "subject_id": FREE_HOUSEHOLD,
        "deeds": "孝敬老人，邻里互助。",
        "assembly": {"held_on": (today - timedelta(days=1)).isoformat(),
                     "members_required": 45, "members_present": 38, "votes_for": 33,
                     "votes_against": 3, "abstentions": 2},
        "attachment": {"purpose": "minutes", "filename": "会议记录.pdf",
                       "content_base64": base64.b64encode(PDF).decode()}}
    return {**body, **changes}


@pytest.fixture
def keys(town: Township) -> dict[str, str]:
    return tokens(town.store)


def test_a_clerk_lists_only_their_villages_nominations_and_opens_one_with_its_timeline(
        town: Township, keys: dict[str, str]) -> None:
    mine, theirs = town.nomination_ids
    clerk = api_client(town.system, keys["clerk"])
    listed = clerk.get(f"{API}/nominations")
    assert listed.status_code == 200
    assert [(n["nomination_id"], n["stage_name"], n["programme_name"]) for n in listed.json()] \
        == [(mine, "公示中", "道德模范户")]
    one = clerk.get(f"{API}/nominations/{mine}").json()
    steps = [s["what"] for s in one["timeline"]]
    assert steps[0] == "填写申报（草稿）"
    assert "提交申报" in steps
    assert "审定并公示" in steps
    assert clerk.get(f"{API}/nominations/{theirs}").status_code == 404
    other = api_client(town.system, keys["clerk2"])
    assert other.get(f"{API}/nominations/{mine}").json() == {"detail": "找不到这个页面"}


def test_a_nomination_posted_as_json_is_submitted_with_its_minutes_like_the_forms(
        town: Township, keys: dict[str, str]) -> None:
    clerk = api_client(town.system, keys["clerk"])
    response = clerk.post(f"{API}/nominations", json=new_nomination(town))
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["stage_name"] == "已申报"
    page = TestClient(create_app(town.system))
    sign_in(page, "clerk")
    shown = page.get(f"/village/nominations/{created['nomination_id']}").text
    assert "会议记录.pdf" in shown
    assert "赞成 33" in shown
    assert [a["filename"] for a in q.attachments(town.store, created["nomination_id"])] \
        == ["会议记录.pdf"]


def test_a_refused_nomination_answers_the_forms_reason_and_creates_nothing(
        town: Township, keys: dict[str, str]) -> None:
    clerk = api_client(town.system, keys["clerk"])
    before = q.village_nominations(town.store, "430522100201", [town.campaign_id])
    thin = new_nomination(town, assembly={**new_nomination(town)["assembly"],  # type: ignore
                                          "members_present": 10})
    response = clerk.post(f"{API}/nominations", json=thin)
    assert response.status_code == 400
    assert response.json()["detail"] == "赞成、反对、弃权共 38 票，超过实到人数 10"
    unknown = clerk.post(f"{API}/nominations", json=new_nomination(town, marks={"x": 1}))
    assert unknown.status_code == 400
    assert unknown.json()["detail"] == "评分细则中没有这一项：x"
    assert q.village_nominations(town.store, "430522100201", [town.campaign_id]) == before


def test_without_a_token_401_and_another_roles_token_403(town: Township,
                                                          keys: dict[str, str]) -> None:
    anonymous = TestClient(create_app(town.system))
    nomination_id = town.nomination_ids[0]
    for method, path in (("get", "/nominations"), ("post", f"/nominations/{nomination_id}/review"),
                         ("get", "/vetting")):
        answer = anonymous.request(method, API + path, json={"action": "accept"})
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
    police = api_client(town.system, keys["police"])
    assert police.get(f"{API}/nominations").status_code == 403
    refused = police.post(f"{API}/nominations/{nomination_id}/review", json={"action": "accept"})
    assert refused.status_code == 403
    assert stage(town, nomination_id) == "publicity"


@pytest.fixture
def review_town(sqlite_store: Store, tmp_path: Path) -> Township:
    return in_review(sqlite_store, tmp_path)


def test_the_secretariat_returns_and_the_clerk_resubmits(review_town: Township) -> None:
    keys = tokens(review_town.store)
    mine = review_town.nomination_ids[0]
    wenming = api_client(review_town.system, keys["wenming"])
    missing = wenming.post(f"{API}/nominations/{mine}/review", json={"action": "return"})
    assert missing.status_code == 400
    assert missing.json()["detail"] == "退回补充材料须写明理由"
    assert stage(review_town, mine) == "preliminary_review"
    back = wenming.post(f"{API}/nominations/{mine}/review",
                        json={"action": "return", "reason": "请补充会议记录"})
    assert back.json()["stage_name"] == "退回补充"
    clerk = api_client(review_town.system, keys["clerk"])
    listed = clerk.get(f"{API}/nominations").json()
    assert (listed[0]["nomination_id"], listed[0]["stage_reason"]) == (mine, "请补充会议记录")
    other = api_client(review_town.system, keys["clerk2"])
    assert other.post(f"{API}/nominations/{mine}/resubmit", json={}).status_code == 404
    again = clerk.post(f"{API}/nominations/{mine}/resubmit", json={"note": "已补充"})
    assert again.status_code == 200, again.text
    assert stage(review_town, mine) != "returned"
    accepted = wenming.post(f"{API}/nominations/{review_town.nomination_ids[1]}/review",
                            json={"action": "accept"})
    assert accepted.json()["stage"] == "panel_review"


def test_a_session_cookie_cannot_write_through_the_api(review_town: Township) -> None:
    tokens(review_town.store)
    browser = TestClient(create_app(review_town.system))
    sign_in(browser, "wenming")
    assert browser.get(f"{API}/me").json()["username"] == "wenming"  # reads take the cookie
    mine = review_town.nomination_ids[0]
    refused = browser.post(f"{API}/nominations/{mine}/review", json={"action": "accept"})
    assert refused.status_code == 401
    assert stage(review_town, mine) == "preliminary_review"


@pytest.fixture
def panel_town(sqlite_store: Store, tmp_path: Path) -> Township:
    return awaiting_scores(sqlite_store, tmp_path, vetted=False)


def test_a_reviewer_scores_with_the_pages_checks(panel_town: Township) -> None:
    keys = tokens(panel_town.store)
    assert PANEL[0] == "reviewer-1"
    mine = panel_town.nomination_ids[0]
    reviewer = api_client(panel_town.system, keys["reviewer"])
    marks = full_marks()
    blank = reviewer.post(f"{API}/nominations/{mine}/scores",
                          json={"marks": dict(list(marks.items())[1:])})
    assert blank.status_code == 400
    assert "的分数须为数字" in blank.json()["detail"]
    assert reviewer.post(f"{API}/nominations/{mine}/scores", json={"marks": marks}
                         ).status_code == 200
    page = TestClient(create_app(panel_town.system))
    sign_in(page, "reviewer")
    assert "您已提交对此申报的评审意见。" in page.get(f"/reviewing/{mine}").text
    with panel_town.store.uow() as uow:
        assert uow.reviews.scored_by("reviewer-1", panel_town.nomination_ids) == {mine}


def test_a_department_lists_and_answers_its_own_requests(panel_town: Township) -> None:
    keys = tokens(panel_town.store)
    police = api_client(panel_town.system, keys["police"])
    pending = police.get(f"{API}/vetting").json()
    assert len(pending) == 2
    assert {p["department"] for p in pending} == {"公安派出所"}
    request_id = pending[0]["request_id"]
    answered = police.post(f"{API}/vetting/{request_id}", json={"outcome": "clear"})
    assert answered.status_code == 200, answered.text
    assert answered.json()["outcome_name"] == "无不良记录"
    assert [p["request_id"] for p in police.get(f"{API}/vetting").json()] == [
        pending[1]["request_id"]]
    again = police.post(f"{API}/vetting/{request_id}", json={"outcome": "veto"})
    assert again.status_code == 400
    with panel_town.store.uow() as uow:
        requests = uow.vetting.for_nominations(panel_town.nomination_ids)
    justice = next(r.id for w in requests.values() for r in w if r.department == "司法所")
    assert police.post(f"{API}/vetting/{justice}", json={"outcome": "clear"}
                       ).status_code == 404


def objections(town: Township) -> int:
    with town.store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(t.ObjectionRow)) or 0)


def test_an_objection_as_json_gets_a_receipt_and_a_form_post_is_refused(
        client: TestClient, town: Township) -> None:
    body = {"nomination_id": town.nomination_ids[0], "name": "赵群众",
            "contact": "zhao@example.com", "content": "该户长期拒不赡养老人，村里多人可以作证。"}
    url = f"{API}/publicity/{town.window_id}/objections"
    assert client.post(url, data=body).status_code == 422  # what a cross-site form can send
    assert objections(town) == 0
    unlisted = client.post(url, json={**body, "nomination_id": "nope"})
    assert unlisted.json() == {"detail": "请从公示名单中选择异议对象"}
    filed = client.post(url, json=body)
    assert filed.status_code == 201
    receipt = client.get(f"/objections/receipt/{filed.json()['receipt']}")
    assert "已受理，正在调查核实" in receipt.text
    for _ in range(3):
        client.post(url, json=body)
    assert client.post(url, json=body).status_code == 429
    assert objections(town) == 4
