"""镇文明办创建评选活动: upload the campaign's rubric file (YAML); every error in it is shown
with its line number and nothing is created. Mirrors ``sanchuang review campaign create``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from models import queries
from models.store import Store
from sanchuang.policy.campaigns import check_public_details, new_campaign
from sanchuang.policy.rubric_files import MAX_BYTES, FileError, RubricFileInvalid, policy_from_text
from sanchuang.web import csrf, signin
from sanchuang.web import township_common as tc
from sanchuang.web.deps import BusDep, PagesDep, StoreDep
from sanchuang.web.i18n import gettext
from workflows import commands as c
from workflows.campaign import Contact
from workflows.errors import DomainError, InvalidInput

router = APIRouter()


def _page(request: Request, store: Store, pages: PagesDep, status: int = 200,
          error: str = "", done: str = "", problems: list[FileError] | None = None,
          typed: dict[str, str] | None = None) -> HTMLResponse:
    return pages.page(request, "township/campaign.html", status, error=error,
                      done=tc.done_text(done), problems=problems or [], typed=typed or {},
                      current=queries.latest_campaign_id(store) is not None)


@router.get("/township/campaign", name="township_campaign", response_class=HTMLResponse)
def campaign(request: Request, store: StoreDep, pages: PagesDep,
             done: str = "") -> HTMLResponse:
    return _page(request, store, pages, done=done)


def year_of(text: str) -> int:
    if not text.strip().isdigit() or not 2000 <= int(text) <= 2100:
        raise InvalidInput(gettext("评选年度“%(text)s”不对：请填四位数的年份，如 2026")
                           % {"text": text[:10]})
    return int(text)


def rubric_text(upload: UploadFile | None) -> tuple[str, str]:
    """(file name, text) of the uploaded rubric file."""
    if upload is None or not upload.filename:
        raise InvalidInput(gettext("请选择评选方案文件（YAML）"))
    content = upload.file.read(MAX_BYTES + 1)
    try:
        return upload.filename, content.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise InvalidInput(gettext("文件不是 UTF-8 编码：请在编辑器里另存为 UTF-8")) from bad


@router.post("/township/campaign", name="township_campaign_create")
def campaign_create(request: Request, store: StoreDep, bus: BusDep, pages: PagesDep,
                    csrf_token: Annotated[str, Form()] = "",
                    year: Annotated[str, Form()] = "", name: Annotated[str, Form()] = "",
                    basis: Annotated[str, Form()] = "", phone: Annotated[str, Form()] = "",
                    address: Annotated[str, Form()] = "", email: Annotated[str, Form()] = "",
                    rubric: Annotated[UploadFile | None, File()] = None) -> Response:
    csrf.check(request, csrf_token)
    typed = {key: value[:100] for key, value in (("year", year), ("name", name),
             ("basis", basis), ("phone", phone), ("address", address), ("email", email))}
    warnings: list[str] = []
    try:
        file_name, text = rubric_text(rubric)
        policy = policy_from_text(text, file_name)
        created = new_campaign(store, year_of(year), policy, warnings.append,
                               name=name.strip() or None, basis=basis.strip(),
                               contact=Contact(phone.strip(), email.strip(), address.strip()))
        check_public_details(created)
        bus.handle(c.CreateCampaign(created, signin.signed_in(request).actor()))
    except RubricFileInvalid as invalid:
        message = gettext("评分细则文件有 %(n)s 处错误") % {"n": len(invalid.errors)}
        return _page(request, store, pages, 400, message, problems=invalid.errors, typed=typed)
    except DomainError as refusal:
        return _page(request, store, pages, 400, str(refusal), typed=typed)
    return tc.done("/township/campaign", "；".join(
        [gettext("已创建%(name)s") % {"name": created.name}, *warnings]))
