"""Pages in Simplified Chinese by default and in English on request (the switch or the
browser's language), and an English catalog with every text the pages use."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sanchuang.web import catalog
from sanchuang.web.i18n import from_header


@pytest.mark.parametrize(("header", "language"), [
    ("", "zh"), ("en-US,en;q=0.9", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
    ("fr-FR,en;q=0.5,zh;q=0.6", "zh"), ("de", "zh"), ("en;q=abc,zh", "zh"),
    ("x" * 5000, "zh"),
])
def test_the_browsers_language_is_followed_when_it_is_one_of_ours(header: str,
                                                                   language: str) -> None:
    assert from_header(header) == language


def test_chinese_by_default_and_english_for_an_english_browser(client: TestClient) -> None:
    chinese = client.get("/login")
    assert '<html lang="zh-CN">' in chinese.text
    assert "工作人员登录" in chinese.text
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in english.text
    assert "Staff sign-in" in english.text
    assert "工作人员登录" not in english.text


def test_the_switch_keeps_the_choice_and_returns_to_the_page(client: TestClient) -> None:
    response = client.get("/language?to=en", headers={"Referer": "http://testserver/login"},
                          follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert client.get("/login").text.count("Sign in") >= 1
    client.get("/language?to=zh", headers={"Referer": "https://evil.example/x"})
    assert "工作人员登录" in client.get("/login").text


def test_an_unknown_language_changes_nothing(client: TestClient) -> None:
    client.get("/language?to=xx")
    assert "工作人员登录" in client.get("/login").text


def test_every_text_of_the_pages_has_english() -> None:
    assert catalog.used_texts() >= {(None, "工作台"), (None, "登录"), ("button", "退回补充")}
    assert catalog.missing() == [], "run scripts/messages.py and add the English"


def test_one_chinese_text_with_two_meanings_has_two_englishes(client: TestClient) -> None:
    from sanchuang.web import i18n

    token = i18n._current.set("en")
    try:
        assert i18n.gettext("退回补充") == "Returned for revision"
        assert i18n.pgettext("button", "退回补充") == "Return for revision"
    finally:
        i18n._current.reset(token)
