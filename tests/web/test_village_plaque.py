"""The village sees when a household with a member in prison may hang its plaque."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from staff_logins import create_logins, sign_in
from web_scenario import Township, commended

from models.tables import PersonRow
from sanchuang.web.app import create_app

PERSON = PersonRow.__table__


def test_a_household_with_a_member_in_prison_is_told_its_plaque_date(town: Township) -> None:
    mine, other = town.nomination_ids
    with town.store.sessions() as session, session.begin():
        member = session.scalars(select(PERSON.c.id).where(
            PERSON.c.household_id == "430522100201001").order_by(PERSON.c.id)).first()
        session.execute(update(PERSON).where(PERSON.c.id == member)
                        .values(serving_until=date(2026, 8, 1)))
    commended(town)
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, "clerk")
    page = client.get(f"/village/nominations/{mine}").text
    assert "家庭成员正在服刑：称号照常授予，牌匾自2027年1月1日起悬挂。" in page
    sign_in(client, "clerk2")
    assert "牌匾自" not in client.get(f"/village/nominations/{other}").text
