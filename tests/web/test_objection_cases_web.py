"""The 文明办's objection desk: an objection received by letter recorded (late ones marked
late), an investigator assigned, a reply written, and a substitute put on a new version of
the notice, shown on the township's publicity page and the public notice."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from scenario import draft
from sqlalchemy import select
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township

from models import tables as t
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.sample.roster import reviewer_actors
from workflows import commands as c
from workflows.calendar import SHANGHAI
from workflows.samples import default_policy

PAGE = "/township/objections"
HOSTILE = '<b>赵</b><script>alert(1)</script>'
FACTS = "该户长期拒不赡养老人，村里多人可以作证。<img src=x onerror=alert(1)>"
THIRD = "430522100201002"


def secretariat(client: TestClient, town: Township) -> str:
    create_logins(town.store)
    sign_in(client, "wenming")
    return form_token_of(client, PAGE)


def local(moment) -> str:  # type: ignore[no-untyped-def]
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")


def record(client: TestClient, town: Township, token: str, **fields: str):  # type: ignore[no-untyped-def]
    data = {"csrf_token": token, "nomination_id": town.nomination_ids[0], "channel": "letter",
            "received_at": local(town.store.clock.now()), "name": HOSTILE,
            "contact": "13907391234", "content": FACTS, **fields}
    return client.post(PAGE, data=data, follow_redirects=False)


def cases(town: Township) -> list[t.ObjectionRow]:
    with town.store.sessions() as session:
        return list(session.scalars(select(t.ObjectionRow)))


def test_a_letter_is_recorded_with_its_channel_and_the_complainant_is_escaped(
        client: TestClient, town: Township) -> None:
    token = secretariat(client, town)
    response = record(client, town, token)
    assert response.status_code == 303
    [case] = cases(town)
    assert (case.channel, case.late, case.status) == ("letter", False, "received")
    page = client.get(response.headers["location"]).text
    assert f"异议已登记，回执编号 {case.id[:8].upper()}" in page
    assert "来信" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "<img src=x" not in page


def test_a_letter_after_the_deadline_is_recorded_and_marked_late(client: TestClient,
                                                                 town: Township) -> None:
    token = secretariat(client, town)
    town.store.clock.advance(timedelta(days=12))
    response = record(client, town, token, channel="visit")
    assert response.status_code == 303
    [case] = cases(town)
    assert case.late is True
    assert "逾期异议" in client.get(PAGE).text


def test_a_bad_received_time_or_a_web_channel_is_refused_and_the_form_kept(
        client: TestClient, town: Township) -> None:
    token = secretariat(client, town)
    response = record(client, town, token, received_at="昨天")
    assert response.status_code == 400
    assert "收到时间“昨天”无法识别" in response.text
    assert "13907391234" in response.text
    response = record(client, town, token, channel="web")
    assert response.status_code == 400
    assert "请选择受理渠道" in response.text
    assert cases(town) == []


def test_investigator_findings_and_reply(client: TestClient, town: Township) -> None:
    token = secretariat(client, town)
    record(client, town, token)
    [case] = cases(town)
    response = client.post(f"{PAGE}/{case.id}/investigator",
                           data={"csrf_token": token, "investigator": "镇纪委 李明"})
    assert "已指定调查人：镇纪委 李明" in response.text
    assert "调查核实中" in response.text
    response = client.post(f"{PAGE}/{case.id}", data={
        "csrf_token": token, "outcome": "dismissed", "findings": "走访三户邻居（存档）",
        "reply": "经核实，该户按月赡养老人，异议不成立。"})
    assert "异议已办结：不成立" in response.text
    assert "书面答复：经核实，该户按月赡养老人，异议不成立。" in response.text
    town.queue.drain(town.system)
    with town.store.sessions() as session:
        [letter] = session.scalars(select(t.NotificationRow).where(
            t.NotificationRow.kind == "objection_outcome"))
    assert (letter.channel, letter.status) == ("letter", "to_post")
    assert "经核实，该户按月赡养老人" in letter.text
    assert "存档" not in letter.text


def next_in_line(town: Township) -> str:
    nomination_id = draft(town.system, town.campaign_id, THIRD)
    town.run(c.SubmitNomination(nomination_id, village_actor(THIRD[:12])))
    town.run(c.AcceptNomination(nomination_id, SECRETARIAT))
    with town.store.uow() as uow:
        requests = uow.vetting.for_nominations([nomination_id])[nomination_id]
    for request in requests:
        town.run(c.AnswerVetting(request.id, SECRETARIAT, "clear"))
    criteria = default_policy().programme("model_household").rubric.criteria
    for reviewer in reviewer_actors()[:default_policy().panel_quorum]:
        town.run(c.RecordReview(nomination_id, reviewer,
                                {k.key: float(k.max_points) for k in criteria}))
    return nomination_id


def test_an_upheld_objection_and_a_substitute_show_as_a_new_version(
        client: TestClient, town: Township) -> None:
    substitute = next_in_line(town)
    token = secretariat(client, town)
    record(client, town, token)
    [case] = cases(town)
    client.post(f"{PAGE}/{case.id}", data={"csrf_token": token, "outcome": "upheld",
                                           "findings": "经核实，反映情况属实"})
    page = client.get(PAGE).text
    assert "可按评审排名递补" in page
    response = client.post(f"{PAGE}/{case.id}/substitute",
                           data={"csrf_token": token, "substitute_id": substitute})
    assert response.status_code == 200
    assert "已递补，递补人选另行公示" in response.text
    assert "可按评审排名递补" not in response.text
    with town.store.sessions() as session:
        windows = list(session.scalars(select(t.PublicityWindowRow)
                                       .order_by(t.PublicityWindowRow.round)))
        removed = session.get(t.NominationRow, town.nomination_ids[0])
        added = session.get(t.NominationRow, substitute)
        assert removed is not None
        assert added is not None
        removed_name, added_name = removed.display_name, added.display_name
        assert (added.stage, added.window_id) == ("publicity", windows[1].id)
    publicity = client.get("/township/publicity").text
    assert "第2版" in publicity
    assert f"删去：{removed_name}" in publicity
    assert f"递补：{added_name}" in publicity
    notice = TestClient(client.app).get(f"/publicity/{windows[1].id}").text
    assert "较第1版" in notice
    assert f"递补：{added_name}" in notice
    assert HOSTILE not in notice
    assert "13907391234" not in notice
