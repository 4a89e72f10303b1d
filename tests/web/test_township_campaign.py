"""Creating a campaign on the secretariat's page: a rubric file with errors is refused with
each error's line number and nothing created; a sound one becomes the current campaign."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
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


def upload(client: TestClient, text: str, year: str = "2027") -> object:
    token = form_token_of(client, "/township/campaign")
    return client.post("/township/campaign", data={"csrf_token": token, "year": year},
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
