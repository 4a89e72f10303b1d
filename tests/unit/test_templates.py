"""Notification and document templates: every kind renders, escaping, privacy, filters."""

from __future__ import annotations

from datetime import UTC, date, datetime

import jinja2
import pytest

from sanchuang.delivery.render import KINDS, Renderer, sms_segments
from sanchuang.documents.render import DocumentRenderer
from sanchuang.runtime.templating import date_zh, datetime_zh

XSS = "<script>alert(1)</script>"
OBJECTOR = {"name": "赵德明", "phone": "13907391234", "id_number": "430522197503150012"}
BASE = {
    "township": "新坪镇",
    "campaign": {"name": "2026年度“三创”评选活动", "year": 2026},
    "recipient": {"name": "湾里村村两委"},
}
NOMINATION = {
    "id": 42,
    "display_name": "王建国家庭",
    "village_name": "湾里村",
    "programme_name": "道德模范户",
    "category": "孝老爱亲",
    "stage_name": "初审中",
}
OBJECTION = {"id": 7, "received_on": date(2026, 11, 29), "summary": "反映该户长期不赡养老人"}


WINDOW = {"opens_on": date(2026, 11, 27), "closes_on": date(2026, 12, 3)}
OUTCOME = {"outcome": "dismissed", "outcome_name": "不成立", "findings": "经走访核实，与事实不符"}
PER_KIND = {
    "received": {},
    "returned": {"reason": "缺少村民代表会议记录", "due_on": date(2026, 11, 30)},
    "stage_passed": {"stage_name": "评审中"},
    "rejected": {"reason": "事迹材料不充分"},
    "disqualified": {"reason": "公示期间异议经核实成立"},
    "publicity_opened": {
        "window": {**WINDOW, "objection_deadline": date(2026, 12, 3)},
        "notice_url": "https://xinping.example.gov.cn/gs/2026",
    },
    "objection_filed": {"objection": OBJECTION, "reply_due_on": date(2026, 12, 2)},
    "objection_outcome": {"objection": {**OBJECTION, **OUTCOME}, "recipient": {"name": "赵德明"}},
    "commended": {"decision": {"number": "新坪发〔2026〕12号", "issued_on": date(2026, 12, 10)}},
    "revoked": {"reason": "申报材料弄虚作假"},
    "deadline_reminder": {"due_on": date(2026, 11, 30)},
    "reviewer_assigned": {"programme_name": "道德模范户", "count": 12,
                          "due_on": date(2026, 12, 4)},
}


def contexts(nomination: dict) -> dict[str, dict]:
    """A full context per kind; the nomination's name also appears in lists."""
    overdue = [{"display_name": nomination["display_name"], "stage_name": "退回补充",
                "due_on": date(2026, 11, 30), "overdue_days": 2, "acted_by": ""}]
    upcoming = [{"display_name": "李秀英", "stage_name": "异议核实", "due_on": date(2026, 12, 2),
                 "overdue_days": 0, "acted_by": ""}]
    reminder = {"items": overdue + upcoming, "overdue": overdue, "upcoming": upcoming,
                "escalated": False, "own": True}
    lists = {"publicity_opened": {"entries": [nomination]}, "deadline_reminder": reminder}
    return {
        kind: {**BASE, "nomination": nomination, **extra, **lists.get(kind, {})}
        for kind, extra in PER_KIND.items()
    }


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture
def documents() -> DocumentRenderer:
    return DocumentRenderer()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders(renderer: Renderer, kind: str) -> None:
    out = renderer.notification(kind, contexts(NOMINATION)[kind])
    assert out.subject
    assert out.text
    assert out.html.startswith("<!DOCTYPE html>")
    assert len(out.subject) <= 30
    assert "\n" not in out.subject
    assert out.text == out.text.strip()
    assert sms_segments(out.text) <= 2, out.text
    assert "新坪镇" in out.html


def test_every_kind_has_a_sample() -> None:
    assert set(contexts(NOMINATION)) == set(KINDS)


ABOUT_A_NOMINEE = [k for k in KINDS if k != "reviewer_assigned"]


@pytest.mark.parametrize("kind", ABOUT_A_NOMINEE)
def test_user_text_is_escaped_in_html_only(renderer: Renderer, kind: str) -> None:
    out = renderer.notification(kind, contexts({**NOMINATION, "display_name": XSS})[kind])
    assert "&lt;script&gt;" in out.html
    assert "<script>alert" not in out.html
    assert XSS in out.subject + out.text


def test_a_campaign_name_is_escaped_in_the_reviewers_notice(renderer: Renderer) -> None:
    context = {**contexts(NOMINATION)["reviewer_assigned"], "campaign": {"name": XSS,
                                                                         "year": 2026}}
    out = renderer.notification("reviewer_assigned", context)
    assert "&lt;script&gt;" in out.html
    assert "<script>alert" not in out.html
    assert XSS in out.text


def test_objection_filed_reveals_nothing_about_the_objector(renderer: Renderer) -> None:
    nomination = {**NOMINATION, "objector": OBJECTOR, "phone": "13800000000"}
    context = contexts(nomination)["objection_filed"]
    context["objection"] = {**OBJECTION, "objector": OBJECTOR, **OBJECTOR}
    out = renderer.notification("objection_filed", context)
    for value in (*OBJECTOR.values(), "13800000000"):
        assert value not in out.subject + out.text + out.html
    assert "反映该户长期不赡养老人" in out.text
    assert "2026年12月2日" in out.text


def test_withdrawn_objection_outcome(renderer: Renderer) -> None:
    context = contexts(NOMINATION)["objection_outcome"]
    context["objection"] = {
        **context["objection"],
        "outcome": "withdrawn",
        "outcome_name": "已撤回",
        "findings": "",
    }
    out = renderer.notification("objection_outcome", context)
    assert "已按您的申请撤回" in out.text
    assert "核查情况" not in out.text


def test_returned_without_due_date(renderer: Renderer) -> None:
    context = {**contexts(NOMINATION)["returned"], "due_on": None}
    assert "尽快" in renderer.notification("returned", context).text


def test_missing_context_key_raises(renderer: Renderer) -> None:
    context = contexts(NOMINATION)["returned"]
    del context["reason"]
    with pytest.raises(jinja2.UndefinedError):
        renderer.notification("returned", context)


def test_unknown_kind_is_a_key_error(renderer: Renderer) -> None:
    with pytest.raises(KeyError, match="unknown notification kind"):
        renderer.notification("nope", {})


def test_date_filters_use_shanghai_time() -> None:
    assert date_zh(datetime(2026, 11, 26, 17, 0, tzinfo=UTC)) == "2026年11月27日"
    assert date_zh(date(2026, 1, 5)) == "2026年1月5日"
    assert datetime_zh(datetime(2026, 11, 26, 6, 5, tzinfo=UTC)) == "2026年11月26日 14:05"
    with pytest.raises(ValueError, match="naive"):
        date_zh(datetime(2026, 11, 26, 17, 0))


@pytest.mark.parametrize(
    ("length", "segments"), [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3)]
)
def test_sms_segments(length: int, segments: int) -> None:
    assert sms_segments("文" * length) == segments


PRIVATE = {"id_number": "430522198001010011", "phone": "13912345678", "address": "湾里村3组"}
KEYS = ("display_name", "village_name", "category", "star_level")
GROUPS = (  # programme, honorary title, unit, entries
    ("star_village", "星级文明村", "个村（居）", [("湾里村", "湾里村", "", "五星级")]),
    ("model_household", "道德模范户", "户家庭",
     [("王建国家庭", "湾里村", "孝老爱亲", ""), (XSS, "石塘村", "", "")]),
    ("moral_exemplar", "道德标兵", "名同志", [("李秀英", "石塘村", "助人为乐", "")]),
)


def groups() -> list[dict]:
    def entry(row: tuple) -> dict:
        return {**dict(zip(KEYS, row, strict=True)), "deeds": f"{row[0]}的主要事迹。", **PRIVATE}

    return [
        {"programme": key, "programme_name": p, "title_name": p, "unit": u,
         "entries": [entry(r) for r in rows]}
        for key, p, u, rows in GROUPS
    ]


ISSUERS = ["中共新坪镇委员会", "新坪镇人民政府"]
NOTICE = {
    "title": "关于2026年度“三创”评选拟命名名单的公示",
    "basis": "根据《关于开展2026年度“三创”评选活动的通知》（新坪发〔2026〕3号）要求",
    "procedure": "村级推荐、镇文明办初审、评审委员会评审、镇党委审定",
    "opens_on": date(2026, 11, 27),
    "closes_on": date(2026, 12, 3),
    "window": "公示期为2026年11月27日至12月3日（7天），12月3日24时截止。",
    "objection_deadline": date(2026, 12, 4),
    "objection_closing": "12月4日24时",
    "contact": {
        "phone": "0739-3621234",
        "email": "wmb@xinping.example.gov.cn",
        "address": "新坪镇人民政府二楼文明办",
    },
    "issued_by": ISSUERS,
    "issued_on": date(2026, 11, 26),
    "version": 3,
    "content_hash": "0123456789abcdef" + "f" * 48,
}
DECISION = {
    "number": "新坪发〔2026〕12号",
    "title": "关于表彰2026年度“三创”先进的决定",
    "addressee": "各村（居）、镇直各单位",
    "background": "今年以来，全镇深入开展“三创”评选活动，涌现出一批崇德向善的先进典型。",
    "procedure": "村级推荐、镇文明办初审、评审委员会评审、镇党委审定和社会公示",
    "issued_by": ISSUERS,
    "issued_on": date(2026, 12, 10),
    "version": 1,
    "content_hash": "fedcba9876543210" + "0" * 48,
}


def assert_common_document(html: str, version: int, hash_prefix: str) -> None:
    assert "@page { size: A4; margin: 2.5cm 2cm; }" in html
    for name in ("湾里村", "王建国家庭", "李秀英", "五星级", "孝老爱亲"):
        assert name in html
    assert "&lt;script&gt;" in html
    assert "<script>alert" not in html
    assert f"第{version}版 · 内容校验码 {hash_prefix}" in html
    assert hash_prefix + "f" not in html
    assert hash_prefix + "0" not in html
    for private in PRIVATE.values():
        assert private not in html
    assert all(organ in html for organ in ISSUERS)


def test_publicity_notice(documents: DocumentRenderer) -> None:
    context = {**BASE, "notice": NOTICE, "groups": groups()}
    html = documents.document("publicity_notice.html", context)
    assert_common_document(html, 3, "0123456789abcdef")
    assert "特此公示" in html
    assert "接受群众监督" in html
    assert "匿名异议不予受理" in html
    assert "公示期为2026年11月27日至12月3日（7天），12月3日24时截止。" in html
    assert "异议受理截止时间为12月4日24时" in html
    assert "0739-3621234" in html
    assert "2026年11月26日" in html


def test_commendation_decision(documents: DocumentRenderer) -> None:
    context = {**BASE, "decision": DECISION, "groups": groups()}
    html = documents.document("commendation_decision", context)
    assert_common_document(html, 1, "fedcba9876543210")
    assert "新坪发〔2026〕12号" in html
    assert "2026年12月10日" in html
    assert "决定授予湾里村“星级文明村”称号" in html
    assert "授予王建国家庭等2户家庭“道德模范户”称号" in html
    assert "授予李秀英同志“道德标兵”称号" in html


def test_unknown_document_is_a_key_error(documents: DocumentRenderer) -> None:
    with pytest.raises(KeyError, match="unknown document"):
        documents.document("nope", {})


def reminder(overdue_days: int, acted_by: str = "", escalated: bool = False) -> dict:
    item = {"display_name": "王建国家庭", "stage_name": "退回补充", "due_on": date(2026, 11, 30),
            "overdue_days": overdue_days, "acted_by": acted_by}
    late = [item] if overdue_days else []
    return {**BASE, "items": [item], "overdue": late, "upcoming": [] if late else [item],
            "escalated": escalated, "own": not acted_by, "due_on": item["due_on"]}


def test_an_item_two_days_overdue_is_called_overdue_not_near_due(renderer: Renderer) -> None:
    out = renderer.notification("deadline_reminder", reminder(2))
    assert out.subject == "办理期限提醒：1项已逾期"
    assert "已逾期2天" in out.text
    assert "即将到期" not in out.text + out.subject + out.html
    assert "已逾期2天" in out.html


def test_an_item_due_soon_is_called_near_due(renderer: Renderer) -> None:
    out = renderer.notification("deadline_reminder", reminder(0))
    assert out.subject == "办理期限提醒：1项即将到期"
    assert "你有1项评选事项即将到期" in out.text
    assert "逾期" not in out.text


def test_the_secretariats_copy_names_who_must_act_and_asks_it_to_follow_up(
        renderer: Renderer) -> None:
    out = renderer.notification("deadline_reminder",
                                {**reminder(2, "湾里村", escalated=True),
                                 "recipient": {"name": "镇文明办"}})
    assert "你有" not in out.text
    assert "由湾里村办理" in out.text
    assert "请督促" in out.text
    assert "湾里村" in out.html
