"""The public pages show what the frozen documents publish, in Chinese, and nothing private."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from web_scenario import Township, commended, form_token

from models.store import Store
from sanchuang.bootstrap import System
from sanchuang.web.app import create_app
from workflows.audit_seal import HmacSigner

ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
HEADERS = {"content-security-policy": "default-src 'self'; frame-ancestors 'none'",
           "x-content-type-options": "nosniff", "referrer-policy": "same-origin"}


def listed_names(town: Township) -> list[str]:
    with town.store.uow() as uow:
        return [uow.nominations.get(n).display_name for n in town.nomination_ids]


def assert_nothing_private(text: str) -> None:
    assert not ID_NUMBER.search(text), ID_NUMBER.search(text)
    assert not PHONE.search(text), PHONE.search(text)


def test_the_publicity_list_links_each_open_notice_with_its_dates(client: TestClient,
                                                                  town: Township) -> None:
    page = client.get("/publicity")
    assert page.status_code == 200
    assert "正在公示的拟命名名单" in page.text
    assert f'href="/publicity/{town.window_id}"' in page.text
    assert "2026年度“三创”评选活动" in page.text
    assert "异议受理截至" in page.text
    assert_nothing_private(page.text)


def test_the_notice_page_lists_the_nominees_without_id_numbers_or_phones(
        client: TestClient, town: Township) -> None:
    page = client.get(f"/publicity/{town.window_id}")
    assert page.status_code == 200
    assert '<html lang="zh-CN">' in page.text
    for name in listed_names(town):
        assert name in page.text
    assert "提出异议" in page.text
    assert_nothing_private(page.text)
    api = client.get(f"/api/v1/publicity/{town.window_id}")
    assert {e["display_name"] for g in api.json()["groups"] for e in g["entries"]} \
        == set(listed_names(town))
    assert_nothing_private(api.text)


def test_an_unknown_notice_is_a_chinese_404(client: TestClient) -> None:
    page = client.get("/publicity/0123456789abcdef")
    assert page.status_code == 404
    assert "找不到这份公示" in page.text


def test_the_honour_roll_shows_the_commended_after_the_decision(client: TestClient,
                                                               town: Township) -> None:
    assert "尚未发布表彰决定" in client.get("/honours").text
    commended(town)
    page = client.get("/honours")
    assert page.status_code == 200
    assert "新坪发〔2026〕12号" in page.text
    assert "道德模范户" in page.text
    for name in listed_names(town):
        assert name in page.text
    assert_nothing_private(page.text)
    assert client.get("/api/v1/honours").json()["number"] == "新坪发〔2026〕12号"


def test_a_published_hash_is_confirmed_and_any_other_is_not(client: TestClient,
                                                            town: Township) -> None:
    with town.store.uow() as uow:
        notice = uow.documents.versions(town.campaign_id, "publicity_notice")[0]
    page = client.get("/verify", params={"hash": notice.content_hash})
    assert "一致：这是2026年度“三创”评选活动的公示名单（第 1 版）" in page.text
    other = client.get("/verify", params={"hash": "0" * 64})
    assert "不一致" in other.text
    assert client.get(f"/api/v1/verify/{notice.content_hash}").json()["version"] == 1
    assert client.get(f"/api/v1/verify/{'0' * 64}").status_code == 404


def test_every_page_carries_the_security_headers(client: TestClient, town: Township) -> None:
    token = form_token(client, town.window_id)
    responses = [client.get(p) for p in ("/", "/publicity", f"/publicity/{town.window_id}",
                                         "/honours", "/verify", "/healthz", "/readyz",
                                         "/api/v1/openapi.json", "/static/site.css",
                                         "/no-such-page")]
    responses.append(client.post(f"/publicity/{town.window_id}/objections",
                                 data={"csrf_token": token + "x"}))
    for response in responses:
        for header, value in HEADERS.items():
            assert response.headers.get(header) == value, (response.url, header)


def test_ready_only_while_the_database_answers(client: TestClient, tmp_path: Path,
                                               town: Township) -> None:
    assert client.get("/readyz").status_code == 200
    (tmp_path / "gone.db").mkdir()  # a folder where the database file should be
    unreachable = Store(f"sqlite:///{tmp_path / 'gone.db'}", signer=HmacSigner(b"k"))
    system = System(town.system.settings, unreachable, town.system.bus,
                    town.system.renderer, town.system.documents)
    down = TestClient(create_app(system))
    assert down.get("/healthz").status_code == 200
    response = down.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "数据库无法连接"


def test_not_ready_while_the_broker_cannot_take_a_message(town: Township) -> None:
    settings = town.system.settings.model_copy(update={"broker_url": "redis://127.0.0.1:1/0"})
    system = System(settings, town.system.store, town.system.bus, town.system.renderer,
                    town.system.documents)
    response = TestClient(create_app(system)).get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "消息队列（broker）无法连接"
