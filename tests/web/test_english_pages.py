"""With an English browser every page is in English: what is left in Chinese is data (names
of villages, households and campaigns, rubric items, document numbers, and the reasons the
record keeps as they were written), never UI text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from panel_scenario import awaiting_scores
from sqlalchemy import select
from staff_logins import create_logins, sign_in
from township_setup import ranked, submitted
from web_scenario import Township, commended

from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT
from sanchuang.web.app import create_app
from workflows import commands as c

ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}
CJK = re.compile(r"[\u4e00-\u9fff]")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
#: the switch back to Chinese is written in Chinese on purpose
SWITCH = "中文"
DATA_TABLES = (t.TownshipRow, t.VillageRow, t.HouseholdRow, t.PersonRow, t.AccountRow,
               t.CampaignRow, t.NominationRow, t.PublishedListRow, t.AuditRow, t.ObjectionRow)
HASH = re.compile(r"<code>([0-9a-f]{64})</code>")


class VisibleText(HTMLParser):
    """The text nodes of a page and the attributes a user sees or hears."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        self.parts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def leaves(value: Any) -> list[str]:
    """The strings inside a column value (JSON columns walked down to their leaves)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in leaves(v)] + [str(k) for k in value]
    if isinstance(value, list):
        return [s for v in value for s in leaves(v)]
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return leaves(json.loads(value))
        except ValueError:
            return [value]
    return [value] if isinstance(value, str) else []


def data_values(store: Store) -> list[str]:
    """Every string of the township's data with a Chinese character, longest first."""
    found: set[str] = set()
    with store.engine.connect() as conn:
        for table in DATA_TABLES:
            for row in conn.execute(select(table.__table__)):  # type: ignore[attr-defined]
                found |= {s for value in row for s in leaves(value) if CJK.search(s)}
    return sorted(found, key=len, reverse=True)


def chinese_ui_left(page: str, data: list[str]) -> list[str]:
    """Lines of the page's visible text that still hold Chinese once data is taken out."""
    parser = VisibleText()
    parser.feed(page)
    left = []
    for line in "\n".join(parser.parts).splitlines():
        rest = line.replace(SWITCH, "")
        for value in data:
            rest = rest.replace(value, "")
        if CJK.search(rest):
            left.append(line.strip())
    return left


def assert_english(client: TestClient, path: str, data: list[str]) -> str:
    response = client.get(path, headers=ENGLISH)
    assert response.status_code == 200, (path, response.status_code)
    assert '<html lang="en">' in response.text
    assert chinese_ui_left(response.text, data) == [], path
    return response.text


def test_the_check_finds_chinese_ui_text(client: TestClient, town: Township) -> None:
    page = client.get("/publicity").text
    assert "正在公示的拟命名名单" in chinese_ui_left(page, data_values(town.store))


def test_the_public_pages_are_in_english(client: TestClient, town: Township) -> None:
    data = data_values(town.store)
    assert "Proposed lists in publicity" in assert_english(client, "/", data)
    assert "objections accepted until" in assert_english(client, "/publicity", data)
    notice = assert_english(client, f"/publicity/{town.window_id}", data)
    assert "Raise an objection" in notice
    assert "Staff sign-in" in assert_english(client, "/login", data)
    digest = HASH.search(notice)
    assert digest
    commended(town)
    data = data_values(town.store)
    assert "Moral-model household" in assert_english(client, "/honours", data)
    verified = assert_english(client, f"/verify?hash={digest.group(1)}", data)
    assert "Match: this is the Publicity list" in verified
    assert "No match" in assert_english(client, "/verify?hash=" + "0" * 64, data)
    campaigns = assert_english(client, "/campaigns", data)
    assert "Campaign records" in campaigns
    log = assert_english(client, f"/campaigns/{town.campaign_id}/log", data)
    assert "Publicity of the proposed list began (2 entries)" in log
    assert "Commendation decision published" in log
    assert "找不到" not in client.get("/campaigns/none/log", headers=ENGLISH).text


@pytest.fixture
def staff_town(sqlite_store: Store, tmp_path: Path) -> Township:
    """Nominations with the panel and with open vetting requests, and a login per role."""
    town = awaiting_scores(sqlite_store, tmp_path, vetted=False)
    create_logins(sqlite_store)
    return town


@pytest.mark.parametrize(("username", "paths", "seen"), [
    ("clerk", ["/village/nominations", "/village/nominations/{0}", "/village/roster"],
     "Village nominations"),
    ("wenming", [], "Import roster"),
    ("reviewer", ["/reviewing", "/reviewing/{0}"], "Awaiting review"),
    ("police", ["/vetting", "/vetting/{request}"], "Vetting requests"),
    ("dangwei", [], "Desk"),
    ("admin", ["/admin/users"], "Logins"),
])
def test_the_staff_pages_are_in_english(staff_town: Township, username: str,
                                        paths: list[str], seen: str) -> None:
    client = TestClient(create_app(staff_town.system))
    sign_in(client, username)
    data = data_values(staff_town.store)
    assert seen in assert_english(client, "/desk", data)
    for path in paths:
        assert_english(client, path.format(staff_town.nomination_ids[0],
                                           request=police_request(staff_town)), data)


def police_request(town: Township) -> str:
    with town.store.uow() as uow:
        requests = uow.vetting.for_nominations([town.nomination_ids[0]])
    return next(r.id for r in requests[town.nomination_ids[0]] if r.department == "公安派出所")


SECRETARIAT_PAGES = ["/township", "/township/review", "/township/panel", "/township/publicity",
                     "/township/objections", "/township/commendation",
                     "/township/campaign", "/township/nominations/{0}"]


def test_the_secretariats_pages_are_in_english_while_the_panel_works(
        staff_town: Township) -> None:
    submitted(staff_town)
    client = TestClient(create_app(staff_town.system))
    sign_in(client, "wenming")
    data = data_values(staff_town.store)
    seen = {path: assert_english(client, path.format(staff_town.nomination_ids[0]), data)
            for path in SECRETARIAT_PAGES}
    assert "Progress by village" in seen["/township"]
    assert "Nominations by stage" in seen["/township"]
    assert "Pass preliminary review" in seen["/township/review"]
    assert "Nominations under panel review" in seen["/township/panel"]
    assert "Create a campaign" in seen["/township/campaign"]
    assert "Stage change" in seen["/township/nominations/{0}"]
    live = client.get("/township/progress", headers=ENGLISH).text
    assert "Nominations by stage" in live
    assert chinese_ui_left(live, data) == []


def test_the_secretariats_pages_are_in_english_through_publicity(town: Township) -> None:
    create_logins(town.store)
    objection = str(town.run(c.FileObjection(town.nomination_ids[0], "赵群众",
                                             "zhao@example.com", "该户长期拒不赡养老人。")))
    client = TestClient(create_app(town.system))
    sign_in(client, "wenming")
    data = data_values(town.store)
    assert "Complainant" in assert_english(client, "/township/objections", data)
    assert "Round 1" in assert_english(client, "/township/publicity", data)
    assert "Progress by village" in assert_english(client, "/township", data)
    town.run(c.ResolveObjection(objection, "dismissed", "经走访核实，不属实。", SECRETARIAT))
    commended(town)
    data = data_values(town.store)
    assert "Conclusion" in assert_english(client, "/township/objections", data)
    assert "See the honour roll" in assert_english(client, "/township/commendation", data)
    revoke = assert_english(client, f"/township/nominations/{town.nomination_ids[1]}", data)
    assert "Title management" in revoke
    assert "Active" in assert_english(client, "/titles", data)
    title = assert_english(client, f"/titles/{town.nomination_ids[1]}", data)
    assert "Record a report for revocation" in title
    assert "A crime by the honouree or a family member" in title


def test_the_committees_approval_page_is_in_english(sqlite_store: Store,
                                                    tmp_path: Path) -> None:
    town = ranked(sqlite_store, tmp_path)
    create_logins(sqlite_store)
    client = TestClient(create_app(town.system))
    sign_in(client, "dangwei")
    data = data_values(sqlite_store)
    assert "Final approval" in assert_english(client, "/desk", data)
    assert "Approve and open publicity" in assert_english(client, "/approval", data)
