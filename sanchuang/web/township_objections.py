"""镇文明办的异议处理: register an objection received by letter, call, visit or e-mail;
assign an investigator; conclude with findings and a written reply; substitute the
next-ranked nominee after an upheld objection. The complainant is shown here only."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from models import objection_queries as oq
from models import township_queries as tq
from models.store import Store
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import gettext
from workflows import commands as c
from workflows.calendar import SHANGHAI
from workflows.command import Command
from workflows.errors import DomainError, InvalidInput
from workflows.objections import CHANNEL_NAMES_ZH, OUTCOME_NAMES_ZH, STAFF_CHANNELS, receipt

router = APIRouter()
PAGE = "/township/objections"
PUBLICISED = ["publicity", "approved", "commended"]
Text = Annotated[str, Form()]


def _page(request: Request, store: Store, pages: PagesDep, status: int = 200,
          error: str = "", done: str = "", form: dict[str, str] | None = None) -> HTMLResponse:
    campaign_id = tc.campaign_id(store)
    return pages.page(request, "township/objections.html", status, error=error,
                      done=tc.done_text(done), cases=tq.objections(store, campaign_id),
                      outcomes=OUTCOME_NAMES_ZH, channels=CHANNEL_NAMES_ZH,
                      staff_channels=STAFF_CHANNELS, form=form or {},
                      publicised=tq.nominations_in(store, campaign_id, PUBLICISED),
                      substitutes=oq.substitutes(store, campaign_id), receipt=receipt,
                      **tc.names())


def _act(request: Request, store: Store, bus: BusDep, pages: PagesDep, command: Command,
         message: str, form: dict[str, str] | None = None) -> Response:
    try:
        bus.handle(command)
    except DomainError as refusal:
        return _page(request, store, pages, 400, str(refusal), form=form)
    return tc.done(PAGE, message)


@router.get(PAGE, name="township_objections", response_class=HTMLResponse)
def objections(request: Request, store: StoreDep, pages: PagesDep,
               done: str = "") -> HTMLResponse:
    return _page(request, store, pages, done=done)


def received_moment(text: str) -> datetime:
    """A ``datetime-local`` value, read as Beijing time."""
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=SHANGHAI)
    except ValueError as bad:
        raise InvalidInput(gettext("收到时间“%(text)s”无法识别，应为 2026-12-01 09:30 的格式")
                           % {"text": text[:20]}) from bad


@router.post(PAGE, name="township_objection_record")
def objection_record(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
                     csrf_token: Text = "", nomination_id: Text = "", channel: Text = "",
                     received_at: Text = "", name: Text = "", contact: Text = "",
                     content: Text = "") -> Response:
    csrf.check(request, csrf_token)
    form = {"nomination_id": nomination_id, "channel": channel, "received_at": received_at,
            "name": name, "contact": contact, "content": content}
    try:
        command = c.RecordObjection(nomination_id, name, contact, content, channel,
                                    received_moment(received_at),
                                    signin.signed_in(request).actor())
    except InvalidInput as refusal:
        return _page(request, store, pages, 400, str(refusal), form=form)
    return _act(request, store, bus, pages, command,
                gettext("异议已登记，回执编号 %(code)s") % {"code": receipt(command.objection_id)},
                form)


@router.post(PAGE + "/{objection_id}/investigator", name="township_objection_assign")
def objection_assign(request: Request, objection_id: str, store: StoreDep, bus: BusDep,
                     pages: PagesDep, csrf_token: Text = "",
                     investigator: Text = "") -> Response:
    csrf.check(request, csrf_token)
    command = c.AssignInvestigator(objection_id, investigator,
                                   signin.signed_in(request).actor())
    return _act(request, store, bus, pages, command,
                gettext("已指定调查人：%(who)s") % {"who": investigator.strip()[:100]})


@router.post(PAGE + "/{objection_id}", name="township_objection_resolve")
def objection_resolve(request: Request, objection_id: str, store: StoreDep, bus: BusDep,
                      pages: PagesDep, csrf_token: Text = "", outcome: Text = "",
                      findings: Text = "", reply: Text = "") -> Response:
    csrf.check(request, csrf_token)
    command = c.ResolveObjection(objection_id, outcome, findings,
                                 signin.signed_in(request).actor(), reply=reply)
    outcome_name = gettext(OUTCOME_NAMES_ZH.get(outcome, outcome))
    return _act(request, store, bus, pages, command,
                gettext("异议已办结：%(outcome)s") % {"outcome": outcome_name})


@router.post(PAGE + "/{objection_id}/substitute", name="township_objection_substitute")
def objection_substitute(request: Request, objection_id: str, store: StoreDep, bus: BusDep,
                         pages: PagesDep, csrf_token: Text = "",
                         substitute_id: Text = "") -> Response:
    csrf.check(request, csrf_token)
    command = c.SubstituteNominee(objection_id, substitute_id,
                                  signin.signed_in(request).actor())
    return _act(request, store, bus, pages, command,
                gettext("已递补，递补人选另行公示"))
