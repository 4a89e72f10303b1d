"""Each signed-in user reads the notifications written for their own account, and no one
else's."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from staff_logins import create_logins, sign_in
from web_scenario import Township

from models import tables as t
from sanchuang.web.app import create_app


@pytest.fixture
def site(town: Township) -> TestClient:
    create_logins(town.store)
    return TestClient(create_app(town.system))


def inbox_of(town: Township, account_id: str) -> list[t.NotificationRow]:
    with town.store.sessions() as session:
        return list(session.scalars(select(t.NotificationRow).where(
            t.NotificationRow.recipient == f"account:{account_id}",
            t.NotificationRow.channel == "inbox").order_by(t.NotificationRow.id.desc())))


def test_a_clerk_reads_the_village_accounts_messages(site: TestClient, town: Township) -> None:
    mine = inbox_of(town, "village-430522100201")
    assert mine, "the scenario wrote no message for the clerk's village"
    sign_in(site, "clerk")
    listing = site.get("/inbox")
    assert listing.status_code == 200
    assert mine[0].subject in listing.text
    page = site.get(f"/inbox/{mine[0].id}")
    assert page.status_code == 200
    assert mine[0].text.splitlines()[0] in page.text


def test_another_accounts_message_is_not_found(site: TestClient, town: Township) -> None:
    theirs = inbox_of(town, "village-430522100201")[0]
    sign_in(site, "clerk2")
    assert site.get(f"/inbox/{theirs.id}").status_code == 404
    assert f"/inbox/{theirs.id}\"" not in site.get("/inbox").text
    for hostile in ("0", "-1", "99999999999999999999", "abc"):
        assert site.get(f"/inbox/{hostile}").status_code in (404, 422)
