"""The forms of one title's page, each one domain command (mirrors ``sanchuang review title
report|verify|decide|notice|plaque|rerate|cancel``): a refusal is shown on the page at 400
with nothing changed; done, back to the page with what was done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from models.store import Store
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import gettext
from sanchuang.web.titles import title_page, title_view
from workflows import title_commands as c
from workflows.bus import MessageBus
from workflows.command import Command
from workflows.errors import DomainError, InvalidInput
from workflows.rerating import OUTCOME_NAMES_ZH

router = APIRouter()
Text = Annotated[str, Form()]
PATH = "/titles/{nomination_id}"


def day(text: str, label: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(gettext("请填写%(label)s（日期，如 2026-12-01）") % {"label": label}
                           ) from None


def marks_of(keys: list[str], values: list[str]) -> dict[str, float]:
    if len(keys) != len(values) or not keys:
        raise InvalidInput(gettext("复评分数不全，请刷新页面后重填"))
    marks: dict[str, float] = {}
    for key, value in zip(keys, values, strict=True):
        try:
            marks[key] = float(value.strip())
        except ValueError:
            raise InvalidInput(gettext("每一项都要填分数（数字）")) from None
    return marks


class Step:
    """One form's run: check the token, build the command, hand it to the bus."""

    def __init__(self, request: Request, nomination_id: str, store: Store, bus: MessageBus,
                 pages: PagesDep, token: str) -> None:
        csrf.check(request, token)
        self.request, self.nomination_id, self.store = request, nomination_id, store
        self.bus, self.pages = bus, pages
        self.actor = signin.signed_in(request).actor()
        title_view(store, nomination_id)  # 404 for an id with no title

    def run(self, build: Callable[[], Command], done: str) -> Response:
        """``build`` makes the command (parsing the form may refuse it too)."""
        try:
            result = self.bus.handle(build())
        except DomainError as refusal:
            return title_page(self.request, self.store, self.pages, self.nomination_id, 400,
                              str(refusal))
        if isinstance(result, str):  # a re-rating's outcome
            done %= {"outcome": gettext(OUTCOME_NAMES_ZH.get(result, result))}
        return tc.done(f"/titles/{self.nomination_id}", done)


@router.post(PATH + "/report", name="titles_report")
def report(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "", reason_code: Text = "",
           facts: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    return step.run(lambda: c.ReportForRevocation(nomination_id, step.actor, reason_code, facts),
                    gettext("已登记，待核查"))


@router.post(PATH + "/verify", name="titles_verify")
def verify(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "", verdict: Text = "",
           findings: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    if verdict not in ("founded", "unfounded"):
        return step.run(lambda: _refuse(gettext("请选择核查结论：属实或不实")), "")
    founded = verdict == "founded"
    return step.run(lambda: c.VerifyRevocationReport(nomination_id, step.actor, findings, founded),
                    gettext("核查属实，已报镇党委") if founded else gettext("核查不实，已结案"))


@router.post(PATH + "/decide", name="titles_decide")
def decide(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "", decision: Text = "",
           reason: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    if decision not in ("revoke", "keep"):
        return step.run(lambda: _refuse(gettext("请选择：撤销或不予撤销")), "")
    revoke = decision == "revoke"
    return step.run(lambda: c.DecideRevocation(nomination_id, step.actor, revoke, reason),
                    gettext("称号已撤销") if revoke else gettext("决定不予撤销"))


@router.post(PATH + "/notice", name="titles_notice")
def notice(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "", number: Text = "",
           benefits_ended_on: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    return step.run(lambda: c.IssueRevocationNotice(
        nomination_id, step.actor, number, day(benefits_ended_on, gettext("停止待遇日期"))),
        gettext("撤销通报已发布"))


@router.post(PATH + "/plaque", name="titles_plaque")
def plaque(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "", plaque_step: Text = "",
           on: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    return step.run(lambda: c.RecordPlaque(nomination_id, step.actor, plaque_step,
                                           day(on, gettext("牌匾日期"))),
                    gettext("牌匾记录已保存"))


@router.post(PATH + "/rerate", name="titles_rerate")
def rerate(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "",
           keys: Annotated[list[str] | None, Form()] = None,
           marks: Annotated[list[str] | None, Form()] = None,
           remediation_due: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    return step.run(lambda: c.ReRateTitle(
        nomination_id, step.actor, marks_of(keys or [], marks or []),
        day(remediation_due, gettext("整改期限")) if remediation_due.strip() else None),
        gettext("复评结果：%(outcome)s"))


@router.post(PATH + "/cancel", name="titles_cancel")
def cancel(request: Request, nomination_id: str, store: StoreDep, bus: BusDep,
           pages: PagesDep, csrf_token: Text = "", cancel_reason: Text = "",
           note: Text = "") -> Response:
    step = Step(request, nomination_id, store, bus, pages, csrf_token)
    return step.run(lambda: c.CancelTitle(nomination_id, step.actor, cancel_reason, note),
                    gettext("称号已注销"))


def _refuse(message: str) -> Command:
    raise InvalidInput(message)
