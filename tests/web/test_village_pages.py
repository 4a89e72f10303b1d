"""The village clerk's pages, as a clerk on the sample township sees them: only their own
village's nominations, the form that creates and submits one with an attachment, the
attachment download, escaping of what villagers typed, CSRF and refusals."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township, rename_household

from models import village_queries as q
from models.tables import PersonRow
from sanchuang.accounts import SECRETARIAT
from sanchuang.web.app import create_app
from workflows import commands as c
from workflows.calendar import local_date

CLERK_VILLAGE, OTHER_VILLAGE = "430522100201", "430522100202"
FREE_HOUSEHOLD = "430522100201002"  # not nominated by the town fixture
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
SCRIPT = "<script>alert(1)</script>"
PERSON = PersonRow.__table__
NEW = "/village/nominations/new?programme=model_household"


def signed_in(town: Township, username: str) -> TestClient:
    client = TestClient(create_app(town.system))
    sign_in(client, username)
    return client


@pytest.fixture
def clerks(town: Township) -> Township:
    create_logins(town.store)
    return town


def household_form(town: Township, client: TestClient, **changes: str) -> dict[str, str]:
    today = local_date(town.store.clock.now())
    form = {"csrf_token": form_token_of(client, NEW), "programme": "model_household",
            "subject_id": FREE_HOUSEHOLD, "deeds": "孝敬老人，邻里互助。",
            "held_on": (today - timedelta(days=1)).isoformat(), "members_required": "45",
            "members_present": "38", "votes_for": "33", "votes_against": "3",
            "abstentions": "2", "purpose": "minutes"}
    return {**form, **changes}


def create(client: TestClient, form: dict[str, str], with_file: bool = True) -> object:
    files = {"attachment": ("会议记录.pdf", PDF, "application/pdf")} if with_file else None
    return client.post("/village/nominations/new", data=form, files=files,
                       follow_redirects=False)


def own_nominations(town: Township, village: str) -> list[dict[str, object]]:
    return q.village_nominations(town.store, village, [town.campaign_id])


def members(town: Township) -> list[dict[str, Any]]:
    """Everyone in a household of the clerk's village (the sample has a few households)."""
    _, households = q.roster_page(town.store, CLERK_VILLAGE, 1, 100)
    return [m for h in households for m in h["members"]]


def test_a_clerk_sees_only_their_own_villages_nominations(clerks: Township) -> None:
    mine, theirs = clerks.nomination_ids
    page = signed_in(clerks, "clerk").get("/village/nominations")
    assert page.status_code == 200
    assert f"/village/nominations/{mine}" in page.text
    assert f"/village/nominations/{theirs}" not in page.text
    assert "公示中" in page.text


def test_another_villages_clerk_guessing_an_id_gets_404_on_every_nomination_route(
        clerks: Township) -> None:
    mine = clerks.nomination_ids[0]
    other = signed_in(clerks, "clerk2")
    token = form_token_of(other, "/village/nominations")
    base = f"/village/nominations/{mine}"
    for path in (base, f"{base}/timeline", f"{base}/attachments/abc123"):
        assert other.get(path).status_code == 404, path
    for path in (f"{base}/submit", f"{base}/resubmit"):
        assert other.post(path, data={"csrf_token": token}).status_code == 404, path
    assert signed_in(clerks, "clerk").get(base).status_code == 200


def test_a_nomination_made_on_the_form_is_submitted_with_its_attachment(
        clerks: Township) -> None:
    clerk = signed_in(clerks, "clerk")
    response = create(clerk, household_form(clerks, clerk))
    assert response.status_code == 303, response.text
    page = clerk.get(response.headers["location"])
    assert "申报已提交，等待镇文明办初审" in page.text
    assert "已申报" in page.text
    assert "会议记录.pdf" in page.text
    assert "赞成 33" in page.text
    link = re.search(r'href="(/village/nominations/\w+/attachments/\w+)"', page.text)
    assert link, "the page lists no attachment"
    for reader in (clerk, signed_in(clerks, "wenming")):
        download = reader.get(link.group(1))
        assert download.status_code == 200
        assert download.content == PDF
        assert download.headers["content-type"] == "application/pdf"
        assert download.headers["content-disposition"].startswith("attachment;")
        assert download.headers["x-content-type-options"] == "nosniff"
    assert signed_in(clerks, "clerk2").get(link.group(1)).status_code == 404
    assert signed_in(clerks, "police").get(link.group(1)).status_code == 403
    listed = clerk.get("/village/nominations").text
    assert "已申报" in listed


def test_what_villagers_typed_is_shown_inert_on_the_list_the_page_and_the_timeline(
        clerks: Township) -> None:
    rename_household(clerks.store, FREE_HOUSEHOLD, SCRIPT)
    clerk = signed_in(clerks, "clerk")
    response = create(clerk, household_form(clerks, clerk, deeds=f"事迹 {SCRIPT}"))
    assert response.status_code == 303, response.text
    path = response.headers["location"].split("?")[0]
    for page in (clerk.get("/village/nominations"), clerk.get(path),
                 clerk.get(f"{path}/timeline")):
        assert page.status_code == 200
        assert SCRIPT not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_a_returned_nomination_is_shown_first_with_the_reason_and_can_be_resubmitted(
        clerks: Township) -> None:
    clerk = signed_in(clerks, "clerk")
    response = create(clerk, household_form(clerks, clerk))
    path = response.headers["location"].split("?")[0]
    nomination_id = path.rsplit("/", 1)[1]
    clerks.queue.drain(clerks.system)  # the automatic checks start the preliminary review
    clerks.run(c.ReturnForRevision(nomination_id, SECRETARIAT, reason=f"请补充照片 {SCRIPT}"))
    listed = clerk.get("/village/nominations").text
    returned = listed.index("退回补充，待本村处理")
    assert returned < listed.index(nomination_id) < listed.index("全部申报")
    assert "请补充照片 &lt;script&gt;" in listed
    timeline = clerk.get(f"{path}/timeline").text
    assert "退回补充" in timeline
    assert "镇文明办" in timeline
    assert "请补充照片 &lt;script&gt;alert(1)&lt;/script&gt;" in timeline
    assert SCRIPT not in timeline
    done = clerk.post(f"{path}/resubmit", data={"csrf_token": form_token_of(clerk, path),
                                                "note": "已补充照片"}, follow_redirects=False)
    assert done.status_code == 303
    page = clerk.get(path).text
    assert "补充后重新提交" in page
    assert "已补充照片" in page
    assert 'class="current"' in page
    assert "已申报</span></p>" in page
    again = clerk.post(f"{path}/resubmit", data={"csrf_token": form_token_of(clerk, path)})
    assert again.status_code == 400


def test_a_form_posted_without_its_token_is_refused_and_creates_nothing(
        clerks: Township) -> None:
    clerk = signed_in(clerks, "clerk")
    form = household_form(clerks, clerk)
    del form["csrf_token"]
    assert create(clerk, form).status_code == 403
    assert len(own_nominations(clerks, CLERK_VILLAGE)) == 1


def test_a_refused_nomination_shows_the_reason_with_what_was_typed_and_creates_nothing(
        clerks: Township) -> None:
    clerk = signed_in(clerks, "clerk")
    response = create(clerk, household_form(clerks, clerk, votes_for="10",
                                            deeds="热心公益二十年"))
    assert response.status_code == 400
    assert "赞成 10 票，未超过实到 38 人的二分之一" in response.text
    assert "热心公益二十年" in response.text
    assert len(own_nominations(clerks, CLERK_VILLAGE)) == 1


def test_a_wrong_attachment_type_is_refused_before_anything_is_created(
        clerks: Township) -> None:
    clerk = signed_in(clerks, "clerk")
    response = clerk.post("/village/nominations/new", data=household_form(clerks, clerk),
                          files={"attachment": ("minutes.pdf", b"MZ not a pdf", "application/pdf")})
    assert response.status_code == 400
    assert "附件类型不对" in response.text
    assert len(own_nominations(clerks, CLERK_VILLAGE)) == 1


def test_a_nomination_the_submission_checks_refuse_stays_a_draft_and_says_so(
        clerks: Township) -> None:
    child = members(clerks)[-1]
    born = local_date(clerks.store.clock.now()) - timedelta(days=10 * 365)
    with clerks.store.engine.begin() as conn:  # a ten-year-old: too young for 道德标兵
        conn.execute(update(PERSON).where(PERSON.c.id == child["id"]).values(birth_date=born))
    clerk = signed_in(clerks, "clerk")
    form = household_form(clerks, clerk, programme="moral_exemplar", subject_id=child["id"],
                          category="助人为乐")
    form["csrf_token"] = form_token_of(clerk, "/village/nominations/new?programme=moral_exemplar")
    response = create(clerk, form, with_file=False)
    assert response.status_code == 400
    assert "申报已保存为草稿" in response.text
    assert "【年龄】" in response.text
    stages = {n["stage"] for n in own_nominations(clerks, CLERK_VILLAGE)}
    assert stages == {"publicity", "draft"}


def test_the_roster_masks_id_numbers_and_phones(clerks: Township) -> None:
    page = signed_in(clerks, "clerk").get("/village/roster")
    assert page.status_code == 200
    people = members(clerks)
    assert people
    for person in people:
        number, phone = person["id_number"], person["phone"]
        assert number not in page.text
        assert f"{number[:6]}********{number[-4:]}" in page.text
        if phone:
            assert phone not in page.text
            assert f"{phone[:3]}****{phone[-4:]}" in page.text
    assert signed_in(clerks, "wenming").get("/village/roster").status_code == 403
