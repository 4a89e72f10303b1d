"""Objections through the notice page's form: a receipt when filed, the domain's refusal
shown on the form, and nothing stored without a genuine form token or past the throttle."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import func, select
from web_scenario import Township, form_token

from models import tables as t

FACTS = "该户长期拒不赡养老人，村里多人可以作证。"


def objections(town: Township) -> int:
    with town.store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(t.ObjectionRow)) or 0)


def post(client: TestClient, town: Township, token: str, **fields: str) -> Response:
    data = {"csrf_token": token, "nomination_id": town.nomination_ids[0], "name": "赵群众",
            "contact": "zhao@example.com", "content": FACTS, **fields}
    return client.post(f"/publicity/{town.window_id}/objections", data=data,
                       follow_redirects=False)


def test_an_objection_gets_a_receipt_that_shows_only_its_status(client: TestClient,
                                                                town: Township) -> None:
    response = post(client, town, form_token(client, town.window_id))
    assert response.status_code == 303
    code = response.headers["location"].rsplit("/", 1)[-1]
    assert re.fullmatch(r"[0-9A-F]{8}", code)
    with town.store.sessions() as session:
        stored = session.scalars(select(t.ObjectionRow)).one()
    assert stored.id[:8].upper() == code
    assert stored.channel == "web"
    receipt = client.get(f"/objections/receipt/{code}")
    assert receipt.status_code == 200
    assert code in receipt.text
    assert "已受理，正在调查核实" in receipt.text
    for private in ("赵群众", "zhao@example.com", FACTS):
        assert private not in receipt.text
    assert client.get("/objections/receipt/ZZZZZZZZ").status_code == 404


def test_an_invisible_name_shows_the_domains_refusal_and_nothing_is_stored(
        client: TestClient, town: Township) -> None:
    response = post(client, town, form_token(client, town.window_id), name="\u200b\u2060 ")
    assert response.status_code == 400
    assert "未受理：请填写真实姓名和联系方式（不受理匿名异议）" in response.text
    assert FACTS in response.text  # what was typed is kept on the form
    assert objections(town) == 0


def test_a_nominee_not_on_this_notice_is_refused(client: TestClient, town: Township) -> None:
    response = post(client, town, form_token(client, town.window_id), nomination_id="f" * 32)
    assert response.status_code == 400
    assert "请从公示名单中选择异议对象" in response.text
    assert objections(town) == 0


def test_a_post_without_a_genuine_form_token_is_refused_and_nothing_is_stored(
        client: TestClient, town: Township) -> None:
    genuine = form_token(client, town.window_id)
    for token in ("", genuine[:-2] + "xx", "forged-token"):
        assert post(client, town, token).status_code == 403
    stranger = TestClient(client.app)  # no cookie: a token lifted from someone else's page
    response = post(stranger, town, genuine)
    assert response.status_code == 403
    assert "表单已失效" in response.text
    assert objections(town) == 0


def test_the_sixth_objection_from_one_address_within_ten_minutes_is_refused(
        client: TestClient, town: Township) -> None:
    token = form_token(client, town.window_id)
    for _ in range(5):
        assert post(client, town, token).status_code == 303
    refused = post(client, town, token)
    assert refused.status_code == 429
    assert "提交过于频繁" in refused.text
    assert objections(town) == 5


def test_a_complainant_finds_the_case_by_the_receipt_number(client: TestClient,
                                                            town: Township) -> None:
    response = post(client, town, form_token(client, town.window_id))
    code = response.headers["location"].rsplit("/", 1)[-1]
    found = client.get("/objections/receipt", params={"code": f" {code.lower()} "},
                       follow_redirects=False)
    assert found.status_code == 303
    assert found.headers["location"].endswith(f"/objections/receipt/{code}")
    assert "赵群众" not in client.get(found.headers["location"]).text
    for wrong in ("12345", "<script>x</script>", "ZZZZZZZZ", "x" * 5000):
        page = client.get("/objections/receipt", params={"code": wrong})
        assert page.status_code == 400
        assert "回执编号是8位" in page.text
        assert "<script>x" not in page.text
    assert client.get("/objections/receipt").status_code == 200
