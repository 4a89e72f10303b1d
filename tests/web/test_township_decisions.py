"""The decisions taken on the township's pages: the panel, the committee's approval of the
ranked list, an objection upheld, the commendation published; user text shown escaped."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from staff_logins import create_logins, form_token_of, sign_in
from township_setup import in_review, ranked, submitted
from web_scenario import HOUSEHOLDS, Township, commended, in_publicity, rename_household

from models import queries
from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT
from sanchuang.web.app import create_app
from workflows import commands as c

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
PAGES = ["/township", "/township/progress", "/township/review", "/township/panel",
         "/township/publicity", "/township/objections", "/township/commendation"]


def signed_in(town: Township, username: str) -> TestClient:
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, username)
    return client


def post(client: TestClient, page: str, action: str, **fields: object) -> Response:
    data = {"csrf_token": form_token_of(client, page), **fields}
    return client.post(action, data=data, follow_redirects=False)


def stages(town: Township) -> dict[str, str]:
    return {r["id"]: r["stage"] for r in queries.nominations(town.store, town.campaign_id)}


def objection(town: Township, content: str = "该户长期拒不赡养老人。") -> str:
    return str(town.run(c.FileObjection(town.nomination_ids[0], "赵群众", "zhao@example.com",
                                        content)))


def close_publicity(town: Township) -> None:
    with town.store.uow() as uow:
        window = uow.windows.get(town.window_id)
    town.store.clock.advance(window.objection_deadline - town.store.clock.now()
                             + timedelta(minutes=1))
    town.run(c.CloseDuePublicity())


def test_reviewers_are_assigned_and_the_panel_ranked(sqlite_store: Store,
                                                     tmp_path: Path) -> None:
    town = in_review(sqlite_store, tmp_path)
    for nomination_id in town.nomination_ids:
        town.run(c.AcceptNomination(nomination_id, SECRETARIAT))
    client = signed_in(town, "wenming")
    refused = post(client, "/township/panel", "/township/panel/assign",
                   programme="model_household")
    assert refused.status_code == 400
    assert "请至少选择一位评审委员" in refused.text
    done = post(client, "/township/panel", "/township/panel/assign",
                programme="model_household", reviewer_ids=["reviewer-1"])
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "新增评委 1 位" in page
    assert "刘志明" in page
    early = post(client, "/township/panel", "/township/panel/rank", programme="model_household")
    assert early.status_code == 400
    assert "还没有通过评审的申报" in early.text


def test_the_approver_approves_the_ranked_list_but_one_exception(sqlite_store: Store,
                                                                tmp_path: Path) -> None:
    town = ranked(sqlite_store, tmp_path)
    first, second = town.nomination_ids
    client = signed_in(town, "dangwei")
    ranked_page = post(client, "/approval", "/township/panel/rank",
                       programme="model_household")
    assert ranked_page.status_code == 403  # ranking is the secretariat's
    listed, reasons = [first, second], ["", "群众反映较多"]
    no_reason = post(client, "/approval", "/approval", listed=listed, excluded=[second],
                     reasons=["", " "])
    assert no_reason.status_code == 400
    assert "每一件不予审定的申报都要写明理由" in no_reason.text
    assert set(stages(town).values()) == {"final_approval"}
    done = post(client, "/approval", "/approval", listed=listed, excluded=[second],
                reasons=reasons)
    assert done.status_code == 303
    assert stages(town) == {first: "publicity", second: "rejected"}
    assert "审定通过 1 件，进入公示；不予审定 1 件" in client.get(done.headers["location"]).text


def test_an_objection_upheld_through_the_form_disqualifies_the_nominee(town: Township) -> None:
    objection_id = objection(town)
    client = signed_in(town, "wenming")
    page = client.get("/township/objections").text
    assert "赵群众" in page
    assert "zhao@example.com" in page
    no_findings = post(client, "/township/objections", f"/township/objections/{objection_id}",
                       outcome="upheld", findings="")
    assert no_findings.status_code == 400
    assert stages(town)[town.nomination_ids[0]] == "publicity"
    done = post(client, "/township/objections", f"/township/objections/{objection_id}",
                outcome="upheld", findings="经走访核实，情况属实。")
    assert done.status_code == 303
    assert stages(town)[town.nomination_ids[0]] == "disqualified"
    assert "异议已办结：成立" in client.get(done.headers["location"]).text


def test_the_commendation_published_through_the_form_fills_the_honour_roll(
        town: Township) -> None:
    client = signed_in(town, "wenming")
    early = post(client, "/township/commendation", "/township/commendation",
                 number="新坪发〔2026〕12号")
    assert early.status_code == 400
    assert "公示期或异议受理期尚未结束" in early.text
    close_publicity(town)
    done = post(client, "/township/commendation", "/township/commendation",
                number="新坪发〔2026〕12号")
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "表彰决定已发布" in page
    assert "新坪发〔2026〕12号" in page
    honours = client.get("/honours").text
    for nomination_id in town.nomination_ids:
        assert stages(town)[nomination_id] == "commended"
    names = [r["display_name"] for r in queries.nominations(town.store, town.campaign_id)]
    assert all(name[:1] in honours for name in names)
    assert "新坪发〔2026〕12号" in honours


def test_markup_in_names_and_objections_is_shown_escaped(sqlite_store: Store,
                                                         tmp_path: Path) -> None:
    town = in_publicity(sqlite_store, tmp_path, {HOUSEHOLDS[0]: HOSTILE})
    objection(town, HOSTILE)
    rename_household(town.store, "430522100201003", "王" + HOSTILE)
    submitted(town, "430522100201003")
    client = signed_in(town, "wenming")
    shown = {path: client.get(path).text for path in PAGES}
    # the nominee on the case and in the form's list of publicised nominees, and the content
    assert shown["/township/objections"].count(ESCAPED) == 3
    assert f"王{ESCAPED}家庭" in shown["/township/review"]
    for path, text in shown.items():
        assert "<script>" not in text, path
        assert "<img" not in text, path
    done = client.get("/township/review", params={"done": HOSTILE}).text
    assert ESCAPED in done
    assert "<script>" not in done


def test_a_title_is_revoked_through_the_workflow_pages(town: Township) -> None:
    commended(town)
    first = town.nomination_ids[0]
    client = signed_in(town, "wenming")
    listing = client.get("/township/commendation").text
    assert f'href="/township/nominations/{first}"' in listing
    page_path = f"/township/nominations/{first}"
    page = client.get(page_path).text
    assert "已表彰" in page
    assert f'href="/titles/{first}"' in page  # the one-step revoke form is gone
    assert "/revoke" not in page
    title_path = f"/titles/{first}"
    assert post(client, title_path, f"{title_path}/report", reason_code="crime",
                facts="当事人受到刑事处罚").status_code == 303
    assert post(client, title_path, f"{title_path}/verify", verdict="founded",
                findings="经派出所核实").status_code == 303
    approver = TestClient(create_app(town.system))
    sign_in(approver, "dangwei")
    done = post(approver, title_path, f"{title_path}/decide", decision="revoke")
    assert done.status_code == 303
    assert stages(town)[first] == "revoked"
    assert "称号已撤销" in approver.get(done.headers["location"]).text
    after = client.get(page_path).text
    assert "经派出所核实" in after
    assert "本人或家庭成员违法犯罪" in after  # the reason, in the course of review
    with town.store.sessions() as session:
        title = session.scalars(select(t.TitleRow).where(t.TitleRow.nomination_id == first)).one()
    assert title.status == "revoked"
    assert client.get("/township/nominations/" + "f" * 32).status_code == 404
