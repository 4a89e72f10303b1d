"""Creating a campaign on the secretariat's page: a rubric file with errors is refused with
each error's line number and nothing created; a sound one becomes the current campaign."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from httpx import Response
from scenario import system_on
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township

from models import queries
from models.store import Store
from sanchuang.policy.rubric_files import sample_texts
from sanchuang.web.app import create_app


def secretariat(town: Township) -> TestClient:
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, "wenming")
    return client


DETAILS = {"basis": "新坪发〔2027〕3号", "phone": "0739-6812345",
           "address": "新坪镇人民政府三楼文明办", "email": "wmb@xinping.example"}


def upload(client: TestClient, text: str, year: str = "2027",
           details: dict[str, str] = DETAILS) -> Response:
    token = form_token_of(client, "/township/campaign")
    return client.post("/township/campaign",
                       data={"csrf_token": token, "year": year, **details},
                       files={"rubric": ("方案.yaml", text.encode("utf-8"), "text/yaml")},
                       follow_redirects=False)


def test_errors_in_the_rubric_file_are_shown_with_their_lines(town: Township) -> None:
    client = secretariat(town)
    sample = sample_texts()["campaign-default.yaml"]
    lines = sample.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("publicity_days:"))
    lines[at] = "publicity_days: 七天"
    response = upload(client, "\n".join(lines))
    assert response.status_code == 400
    assert f"第 {at + 1} 行" in response.text
    assert "2027" in response.text  # what was typed stays on the form
    assert queries.latest_campaign_id(town.store) == town.campaign_id


def test_a_sound_rubric_file_creates_the_current_campaign(town: Township) -> None:
    client = secretariat(town)
    sample = sample_texts()["campaign-default.yaml"]
    assert upload(client, sample, year="二〇二七").status_code == 400
    response = upload(client, sample)
    assert response.status_code == 303
    assert "已创建2027年度“三创”评选活动" in client.get(response.headers["location"]).text
    assert queries.latest_campaign_id(town.store) != town.campaign_id
    assert "本次评选还没有申报。" in client.get("/township").text


def test_a_campaign_without_basis_or_contacts_is_refused_and_not_created(
        town: Township) -> None:
    client = secretariat(town)
    sample = sample_texts()["campaign-default.yaml"]
    response = upload(client, sample, details={**DETAILS, "basis": " ", "email": ""})
    assert response.status_code == 400
    assert "公示和表彰文件都要印这些内容，请补全：依据文件文号、电子邮箱" in response.text
    assert "0739-6812345" in response.text  # what was typed stays on the form
    assert queries.latest_campaign_id(town.store) == town.campaign_id
    assert upload(client, sample).status_code == 303
    with town.store.uow() as uow:
        created = uow.campaigns.get(queries.latest_campaign_id(town.store) or "")
    assert created.basis == "新坪发〔2027〕3号"
    assert created.contact.address == "新坪镇人民政府三楼文明办"


def test_the_launch_notice_of_the_current_campaign_downloads(town: Township) -> None:
    client = secretariat(town)
    page = client.get("/township/campaign").text
    assert 'href="/township/campaign/launch-notice"' in page
    notice = client.get("/township/campaign/launch-notice")
    assert notice.status_code == 200
    assert "attachment" in notice.headers["content-disposition"]
    with town.store.uow() as uow:
        name = uow.campaigns.get(town.campaign_id).name
    assert f"关于开展{name}的通知" in notice.text
    assert "每村（居）推荐名额约" in notice.text
    sign_in(client, "clerk")
    assert client.get("/township/campaign/launch-notice").status_code == 403


def test_without_a_campaign_the_dashboard_points_to_creating_one(sqlite_store: Store,
                                                                 tmp_path: Path) -> None:
    system = system_on(sqlite_store, tmp_path)
    create_logins(sqlite_store)
    client = TestClient(create_app(system))
    sign_in(client, "wenming")
    page = client.get("/township")
    assert page.status_code == 200
    assert "还没有评选活动。" in page.text
    assert 'href="/township/campaign"' in page.text
    assert client.get("/township/review").status_code == 404
