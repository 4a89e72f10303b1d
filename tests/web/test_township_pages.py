"""The secretariat's pages: the dashboard's counts, the preliminary review through its
forms, and who may open the township's routes at all."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from staff_logins import create_logins, form_token_of, sign_in
from township_setup import in_review, ranked, submitted
from web_scenario import Township

from models import queries
from models.store import Store
from sanchuang.web.app import create_app

ROUTES = [("get", "/township"), ("get", "/township/progress"), ("get", "/township/review"),
          ("post", "/township/review/x"), ("get", "/township/panel"),
          ("post", "/township/panel/assign"), ("post", "/township/panel/rank"),
          ("get", "/township/publicity"), ("post", "/township/publicity"),
          ("get", "/township/objections"), ("post", "/township/objections/x"),
          ("get", "/township/commendation"), ("post", "/township/commendation"),
          ("get", "/township/nominations/x"),
          ("get", "/township/campaign"), ("post", "/township/campaign"),
          ("get", "/approval"), ("post", "/approval")]
APPROVER_ROUTES = {"/township", "/township/progress", "/township/commendation", "/approval"}


def stage(town: Township, nomination_id: str) -> str:
    rows = {r["id"]: r for r in queries.nominations(town.store, town.campaign_id)}
    return str(rows[nomination_id]["stage"])


@pytest.fixture
def review_town(sqlite_store: Store, tmp_path: Path) -> Township:
    return in_review(sqlite_store, tmp_path)


@pytest.fixture
def secretariat(review_town: Township) -> TestClient:
    create_logins(review_town.store)
    client = TestClient(create_app(review_town.system))
    sign_in(client, "wenming")
    return client


def act(client: TestClient, nomination_id: str, **fields: str) -> object:
    token = form_token_of(client, "/township/review")
    return client.post(f"/township/review/{nomination_id}",
                       data={"csrf_token": token, **fields}, follow_redirects=False)


def test_the_dashboard_counts_the_campaign_per_village_and_stage(town: Township) -> None:
    submitted(town)
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, "wenming")
    page = client.get("/township")
    assert page.status_code == 200
    assert 'data-live="/township/progress"' in page.text
    fragment = client.get("/township/progress").text
    assert "<tr><td>湾里村</td><td>1</td><td>1</td><td>2</td></tr>" in fragment
    assert "<tr><td>杨柳村</td><td>0</td><td>1</td><td>1</td></tr>" in fragment
    assert '<td class="total">3</td>' in fragment
    assert "<svg" in fragment
    assert "金星" in fragment  # both listed households reached 金星
    assert "style=" not in page.text


def test_accepting_through_the_form_moves_the_nomination_to_the_panel(
        secretariat: TestClient, review_town: Township) -> None:
    first = review_town.nomination_ids[0]
    assert stage(review_town, first) == "preliminary_review"
    response = act(secretariat, first, action="accept")
    assert response.status_code == 303
    assert stage(review_town, first) == "panel_review"
    page = secretariat.get(response.headers["location"])
    assert "初审通过，进入评审" in page.text


def test_returning_needs_a_reason_and_then_goes_back_to_the_village(
        secretariat: TestClient, review_town: Township) -> None:
    first = review_town.nomination_ids[0]
    refused = act(secretariat, first, action="return", reason="  ")
    assert refused.status_code == 400
    assert "退回补充材料须写明理由" in refused.text
    assert stage(review_town, first) == "preliminary_review"
    done = act(secretariat, first, action="return", reason="缺少村民代表会议记录")
    assert done.status_code == 303
    assert stage(review_town, first) == "returned_for_revision"


def test_rejecting_with_a_reason_ends_the_nomination(secretariat: TestClient,
                                                     review_town: Township) -> None:
    second = review_town.nomination_ids[1]
    assert act(secretariat, second, action="reject", reason="不符合申报条件").status_code == 303
    assert stage(review_town, second) == "rejected"
    again = act(secretariat, second, action="accept")
    assert again.status_code == 400
    assert "未执行：" in again.text
    assert stage(review_town, second) == "rejected"


def test_a_form_without_its_token_is_refused_and_changes_nothing(
        secretariat: TestClient, review_town: Township) -> None:
    first = review_town.nomination_ids[0]
    response = secretariat.post(f"/township/review/{first}", data={"action": "accept"})
    assert response.status_code == 403
    assert stage(review_town, first) == "preliminary_review"


@pytest.mark.parametrize("username", ["clerk", "reviewer", "police", "admin"])
def test_other_roles_are_refused_every_township_route(town: Township, username: str) -> None:
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, username)
    for method, path in ROUTES:
        assert client.request(method, path).status_code == 403, path


def test_the_approver_reaches_only_the_approvers_routes(town: Township) -> None:
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, "dangwei")
    for method, path in ROUTES:
        if method == "get":
            expected = 200 if path in APPROVER_ROUTES else 403
            assert client.get(path).status_code == expected, path
    desk = client.get("/desk").text
    assert "审定" in desk
    assert "初审" not in desk


def test_a_visitor_is_sent_to_the_login(client: TestClient) -> None:
    for method, path in ROUTES:
        response = client.request(method, path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")


def test_the_dashboard_lists_what_is_past_its_deadline(secretariat: TestClient,
                                                       review_town: Township) -> None:
    assert "没有超期事项。" in secretariat.get("/township").text
    review_town.store.clock.advance(timedelta(days=30))
    page = secretariat.get("/township").text
    assert "没有超期事项。" not in page
    names = [r["display_name"] for r in queries.nominations(review_town.store,
                                                            review_town.campaign_id)]
    for name in names:
        assert re.search(f'<tr><td><a href="/township/nominations/[0-9a-f]+">{name}</a></td>'
                         "<td>初审中</td>", page)
    assert "镇文明办" in page


def test_the_secretariat_opens_publicity_for_the_approved_list(sqlite_store: Store,
                                                               tmp_path: Path) -> None:
    town = ranked(sqlite_store, tmp_path)
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, "wenming")
    token = form_token_of(client, "/township/publicity")
    bad = client.post("/township/publicity", data={"csrf_token": token, "starts_on": "明天"})
    assert bad.status_code == 400
    assert "无法识别" in bad.text
    done = client.post("/township/publicity", data={"csrf_token": token, "starts_on": ""},
                       follow_redirects=False)
    assert done.status_code == 303
    assert {stage(town, n) for n in town.nomination_ids} == {"publicity"}
    page = client.get(done.headers["location"]).text
    assert "已开始公示，共 2 件" in page
    window = re.search(r'href="/publicity/([0-9a-f]+)"', page)
    assert window
    assert client.get(f"/publicity/{window.group(1)}").status_code == 200
