"""Nominee names are user text: on every public page they come out escaped, never as markup."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_scenario import HOUSEHOLDS, commended, in_publicity

from models.store import Store
from sanchuang.web.app import create_app

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"


def test_a_script_in_a_nominees_name_is_rendered_inert(sqlite_store: Store,
                                                       tmp_path: Path) -> None:
    town = in_publicity(sqlite_store, tmp_path, {HOUSEHOLDS[0]: HOSTILE})
    client = TestClient(create_app(town.system))
    notice = client.get(f"/publicity/{town.window_id}").text
    assert ESCAPED in notice
    commended(town)
    honours = client.get("/honours").text
    assert ESCAPED in honours
    for page in (notice, honours):
        assert "<script>" not in page
        assert "<img" not in page
