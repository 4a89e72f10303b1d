"""称号管理 on the staff site: the revocation case through its forms (report, verification,
the party committee's decision, the notice), refusals by role, token and order, a re-rating
downgrade, and the facts shown escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township, commended

from models import title_queries as tq
from sanchuang.web.app import create_app
from workflows.samples import TEN_STAR_CRITERIA

HOSTILE = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


@pytest.fixture
def titled(town: Township) -> Township:
    commended(town)
    create_logins(town.store)
    return town


def client_of(town: Township, username: str) -> TestClient:
    client = TestClient(create_app(town.system))
    sign_in(client, username)
    return client


def post(client: TestClient, page: str, action: str, **fields: object) -> Response:
    data = {"csrf_token": form_token_of(client, page), **fields}
    return client.post(action, data=data, follow_redirects=False)


def case_of(town: Township, nomination_id: str) -> tuple[str, str]:
    view = tq.title_of(town.store, nomination_id)
    assert view is not None
    return view.record.status, view.record.case_stage


def test_a_title_is_revoked_step_by_step_and_its_notice_printed(titled: Township) -> None:
    first = titled.nomination_ids[0]
    path = f"/titles/{first}"
    office, committee = client_of(titled, "wenming"), client_of(titled, "dangwei")
    listing = office.get("/titles").text
    assert f'href="{path}"' in listing
    assert "有效" in listing
    assert "称号管理" in listing  # the menu
    report = post(office, path, f"{path}/report", reason_code="crime",
                  facts="户主因盗窃被判刑")
    assert report.status_code == 303
    assert "已登记，待核查" in office.get(report.headers["location"]).text
    assert post(office, path, f"{path}/verify", verdict="founded",
                findings="经派出所核实，情况属实").status_code == 303
    assert "决定撤销" not in office.get(path).text  # the decision is the committee's
    page = committee.get(path).text
    assert "已核实待党委决定" in page
    assert "户主因盗窃被判刑" in page
    decided = post(committee, path, f"{path}/decide", decision="revoke")
    assert decided.status_code == 303
    assert case_of(titled, first) == ("revoked", "decided")
    issued = post(office, path, f"{path}/notice", number="新坪发〔2026〕30号",
                  benefits_ended_on="2026-12-31")
    assert issued.status_code == 303
    page = office.get(issued.headers["location"]).text
    assert "撤销通报已发布" in page
    assert f'href="{path}/notice"' in page
    notice = committee.get(f"{path}/notice").text
    assert "撤销原因：本人或家庭成员违法犯罪" in notice
    assert "经派出所核实，情况属实" in notice
    assert "新坪发〔2026〕30号" in notice
    assert "已撤销" in office.get("/titles?status=revoked").text


def test_each_step_is_refused_to_the_other_role_and_without_a_token(
        titled: Township) -> None:
    first = titled.nomination_ids[0]
    path = f"/titles/{first}"
    office, committee = client_of(titled, "wenming"), client_of(titled, "dangwei")
    assert post(committee, path, f"{path}/report", reason_code="crime",
                facts="x").status_code == 403
    assert post(office, path, f"{path}/decide", decision="revoke").status_code == 403
    assert client_of(titled, "clerk").get(path).status_code == 403
    assert client_of(titled, "reviewer").get("/titles").status_code == 403
    tokenless = office.post(f"{path}/report", data={"reason_code": "crime", "facts": "x"},
                            follow_redirects=False)
    assert tokenless.status_code == 403
    assert "表单已失效" in tokenless.text
    assert case_of(titled, first) == ("active", "")


def test_a_step_out_of_order_is_refused_with_the_reason(titled: Township) -> None:
    first = titled.nomination_ids[0]
    path = f"/titles/{first}"
    refused = post(client_of(titled, "dangwei"), path, f"{path}/decide", decision="revoke")
    assert refused.status_code == 400
    assert "撤销程序现处于“无”，不能决定撤销" in refused.text
    early = post(client_of(titled, "wenming"), path, f"{path}/notice", number="新坪发〔2026〕30号",
                 benefits_ended_on="2026-12-31")
    assert early.status_code == 400
    assert "不能发布撤销通报" in early.text
    assert case_of(titled, first) == ("active", "")
    assert client_of(titled, "wenming").get(f"{path}/notice").status_code == 404


def test_a_rerating_through_the_form_downgrades_the_title(titled: Township) -> None:
    second = titled.nomination_ids[1]
    path = f"/titles/{second}"
    office = client_of(titled, "wenming")
    keys = [key for key, _ in TEN_STAR_CRITERIA]
    marks = [str(int(i < 8)) for i in range(len(keys))]
    done = post(office, path, f"{path}/rerate", keys=keys, marks=marks)
    assert done.status_code == 303
    assert "复评结果：退星" in office.get(done.headers["location"]).text
    view = tq.title_of(titled.store, second)
    assert view is not None
    assert view.record.star_level == "银星"
    failing = post(office, path, f"{path}/rerate", keys=keys, marks=["0"] * len(keys))
    assert failing.status_code == 400
    assert "须定一个今天以后的整改期限" in failing.text


def test_reported_facts_are_shown_escaped(titled: Township) -> None:
    first = titled.nomination_ids[0]
    path = f"/titles/{first}"
    office = client_of(titled, "wenming")
    assert post(office, path, f"{path}/report", reason_code="fraud",
                facts=HOSTILE).status_code == 303
    page = office.get(path).text
    assert ESCAPED in page
    assert HOSTILE not in page


def test_plaque_dates_and_a_cancellation_are_recorded_through_the_forms(
        titled: Township) -> None:
    first = titled.nomination_ids[0]
    path = f"/titles/{first}"
    office = client_of(titled, "wenming")
    early = post(office, path, f"{path}/plaque", plaque_step="recovered", on="2026-12-20")
    assert early.status_code == 400
    assert "牌匾尚未发放，无从收回" in early.text
    assert post(office, path, f"{path}/plaque", plaque_step="issued",
                on="2026-12-01").status_code == 303
    assert "2026-12-01发放" in office.get("/titles").text
    bad_day = post(office, path, f"{path}/plaque", plaque_step="hung", on="12/05")
    assert bad_day.status_code == 400
    assert "日期，如 2026-12-01" in bad_day.text
    done = post(office, path, f"{path}/cancel", cancel_reason="merge", note="并入石门村")
    assert done.status_code == 303
    page = office.get(done.headers["location"]).text
    assert "称号已注销" in page
    assert "村（居）合并：并入石门村" in page
    assert "登记撤销举报" not in page  # a cancelled title has no revocation case
    assert case_of(titled, first) == ("cancelled", "")
