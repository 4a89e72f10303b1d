"""The reviewer's pages: the queue, scoring through the form, recusal, and the panel scope."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from panel_scenario import awaiting_scores, configure_panel, full_marks, others_score
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township

from models.store import Store
from sanchuang.accounts import SECRETARIAT
from sanchuang.web.app import create_app
from workflows import commands as c
from workflows.stages import Stage


@pytest.fixture
def panel_town(sqlite_store: Store, tmp_path: Path) -> Township:
    town = awaiting_scores(sqlite_store, tmp_path,
                           head_names={"430522100201001": "<b>王</b>建国"})
    create_logins(sqlite_store)
    return town


@pytest.fixture
def reviewer(panel_town: Township) -> TestClient:
    client = TestClient(create_app(panel_town.system))
    sign_in(client, "reviewer")
    return client


def stage(town: Township, nomination_id: str) -> Stage:
    with town.store.uow() as uow:
        return uow.nominations.get(nomination_id).stage


def marks_form(client: TestClient, nomination_id: str, marks: dict[str, float]) -> dict:
    token = form_token_of(client, f"/reviewing/{nomination_id}")
    return {"csrf_token": token, **{f"mark_{k}": str(v) for k, v in marks.items()}}


def test_the_queue_lists_the_panels_nominations_with_deadline_and_escaped_names(
        panel_town, reviewer):
    page = reviewer.get("/reviewing")
    assert page.status_code == 200
    assert "待评审" in page.text
    assert "评审期限" in page.text
    assert "&lt;b&gt;王&lt;/b&gt;建国" in page.text
    assert "<b>王</b>" not in page.text
    for nomination_id in panel_town.nomination_ids:
        assert f"/reviewing/{nomination_id}" in page.text


def test_a_reviewer_scores_through_the_form_and_the_panel_concludes(panel_town, reviewer):
    nid = panel_town.nomination_ids[0]
    others_score(panel_town, nid)
    form = reviewer.get(f"/reviewing/{nid}")
    assert "满分" in form.text
    assert 'name="mark_' in form.text
    answer = reviewer.post(f"/reviewing/{nid}/score", data=marks_form(reviewer, nid, full_marks()),
                           follow_redirects=False)
    assert answer.status_code == 303
    panel_town.queue.drain(panel_town.system)
    assert stage(panel_town, nid) is Stage.FINAL_APPROVAL
    page = reviewer.get(f"/reviewing/{nid}")
    assert "您已提交对此申报的评审意见" in page.text
    assert "待审定" in page.text
    assert f"/reviewing/{nid}" not in reviewer.get("/reviewing").text


def test_marks_out_of_range_are_refused_on_the_form_with_nothing_recorded(panel_town, reviewer):
    nid = panel_town.nomination_ids[0]
    marks = dict.fromkeys(full_marks(), 999.0)
    answer = reviewer.post(f"/reviewing/{nid}/score", data=marks_form(reviewer, nid, marks))
    assert answer.status_code == 400
    assert "未执行" in answer.text
    with panel_town.store.uow() as uow:
        assert not uow.reviews.scored_by("reviewer-1", [nid])


def test_a_late_score_is_refused_with_the_domains_reason(panel_town, reviewer):
    nid = panel_town.nomination_ids[0]
    data = marks_form(reviewer, nid, full_marks())
    panel_town.run(c.RejectNomination(nid, SECRETARIAT, "材料不实"))
    answer = reviewer.post(f"/reviewing/{nid}/score", data=data)
    assert answer.status_code == 400
    assert "迟到的评分不予受理" in answer.text


def test_recusal_with_a_reason_takes_the_nomination_off_the_queue(panel_town, reviewer):
    nid = panel_town.nomination_ids[1]
    token = form_token_of(reviewer, f"/reviewing/{nid}")
    empty = reviewer.post(f"/reviewing/{nid}/recuse", data={"csrf_token": token, "reason": ""})
    assert empty.status_code == 400
    assert "申请回避必须写明理由" in empty.text
    answer = reviewer.post(f"/reviewing/{nid}/recuse",
                           data={"csrf_token": token, "reason": "<i>表亲</i>"},
                           follow_redirects=False)
    assert answer.status_code == 303
    page = reviewer.get(f"/reviewing/{nid}")
    assert "您已申请回避此申报的评审" in page.text
    assert "&lt;i&gt;表亲&lt;/i&gt;" in page.text
    assert f"/reviewing/{nid}" not in reviewer.get("/reviewing").text


def test_a_reviewer_not_on_the_panel_gets_404(panel_town, reviewer):
    nid = panel_town.nomination_ids[0]
    panel_town.run(c.AssignReviewers(panel_town.campaign_id, "moral_exemplar", ("reviewer-1",),
                                     SECRETARIAT))
    with panel_town.store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM panel_seat WHERE reviewer_id = 'reviewer-1' "
                             "AND programme = 'model_household'")
    assert reviewer.get(f"/reviewing/{nid}").status_code == 404
    assert reviewer.post(f"/reviewing/{nid}/score", data={}).status_code == 404
    assert reviewer.get("/reviewing/nosuchnomination").status_code == 404
    assert f"/reviewing/{nid}" not in reviewer.get("/reviewing").text


def test_posts_without_a_form_token_are_refused_with_nothing_recorded(panel_town, reviewer):
    nid = panel_town.nomination_ids[0]
    data = {f"mark_{k}": str(v) for k, v in full_marks().items()}
    assert reviewer.post(f"/reviewing/{nid}/score", data=data).status_code == 403
    assert reviewer.post(f"/reviewing/{nid}/recuse", data={"reason": "x"}).status_code == 403
    assert reviewer.post(f"/reviewing/{nid}/vote", data={"vote": "for"}).status_code == 403
    assert "您已" not in reviewer.get(f"/reviewing/{nid}").text


def test_blind_review_hides_names_until_the_scores_are_in(panel_town, reviewer):
    configure_panel(panel_town, blind=True)
    nid = panel_town.nomination_ids[0]
    for path in ("/reviewing", f"/reviewing/{nid}"):
        page = reviewer.get(path)
        assert "（匿名评审）" in page.text
        assert "王&lt;/b&gt;建国" not in page.text
    others_score(panel_town, nid)
    reviewer.post(f"/reviewing/{nid}/score", data=marks_form(reviewer, nid, full_marks()))
    panel_town.queue.drain(panel_town.system)
    assert "王&lt;/b&gt;建国" in reviewer.get(f"/reviewing/{nid}").text


def test_a_voting_programme_shows_the_vote_form_and_takes_the_vote(panel_town, reviewer):
    configure_panel(panel_town, method="vote_share")
    nid = panel_town.nomination_ids[0]
    form = reviewer.get(f"/reviewing/{nid}")
    assert 'name="vote"' in form.text
    assert 'name="mark_' not in form.text
    token = form_token_of(reviewer, f"/reviewing/{nid}")
    answer = reviewer.post(f"/reviewing/{nid}/vote", data={"csrf_token": token, "vote": "for"},
                           follow_redirects=False)
    assert answer.status_code == 303
    with panel_town.store.uow() as uow:
        assert uow.reviews.scored_by("reviewer-1", [nid]) == {nid}


def test_the_queue_marks_nominations_past_the_panels_deadline(panel_town, reviewer):
    assert "已逾期" not in reviewer.get("/reviewing").text
    panel_town.store.clock.advance(timedelta(days=30))
    assert "已逾期" in reviewer.get("/reviewing").text
