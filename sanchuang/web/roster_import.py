"""Importing a roster file from the web: the form, the row-by-row report, the template.

A village clerk imports their own village's rows only; the secretariat any village of the
township. A file with any bad row imports nothing: the page lists each problem (row,
column, masked value, what is wrong, how to fix it), status 400. A clean file is imported
in one transaction and the page says how many households and persons were added.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from sanchuang.accounts import StaffRole
from sanchuang.policy.roster_files import Outcome, column_help, import_file, template_csv
from sanchuang.runtime.tables_file import MAX_BYTES, MAX_ROWS, TableFileError
from sanchuang.web import csrf, signin
from sanchuang.web.deps import PagesDep, StoreDep
from sanchuang.web.i18n import N_
from workflows.errors import DomainError

router = APIRouter()
PATH = "/village/roster/import"
SHOWN_PROBLEMS = 500


def allowed_villages(request: Request) -> frozenset[str] | None:
    """The clerk's own village; None (any village) for the secretariat."""
    user = signin.signed_in(request)
    if user.role is StaffRole.VILLAGE:
        return frozenset({user.village_id or ""})
    return None


def form_page(request: Request, pages: PagesDep, status_code: int = 200,
              outcome: Outcome | None = None, error: str = "",
              filename: str = "") -> HTMLResponse:
    problems = outcome.problems if outcome else []
    return pages.page(request, "village/roster_import.html", status_code, outcome=outcome,
                      problems=problems[:SHOWN_PROBLEMS],
                      more=max(len(problems) - SHOWN_PROBLEMS, 0), error=error,
                      filename=filename, columns=column_help(),
                      max_mb=MAX_BYTES // (1024 * 1024), max_rows=MAX_ROWS,
                      own_village=allowed_villages(request) is not None)


@router.get(PATH, name="village_roster_import_form", response_class=HTMLResponse)
def import_form(request: Request, pages: PagesDep) -> HTMLResponse:
    return form_page(request, pages)


@router.post(PATH, name="village_roster_import", response_class=HTMLResponse)
async def import_roster(request: Request, store: StoreDep, pages: PagesDep,
                        csrf_token: Annotated[str, Form()] = "",
                        roster: Annotated[UploadFile | None, File()] = None) -> HTMLResponse:
    csrf.check(request, csrf_token)
    if roster is None or not roster.filename:
        return form_page(request, pages, 400, error=N_("请选择要导入的文件"))
    filename, data = roster.filename, await roster.read(MAX_BYTES + 1)
    return await run_in_threadpool(imported, request, store, pages, filename, data)


def imported(request: Request, store: StoreDep, pages: PagesDep, filename: str,
             data: bytes) -> HTMLResponse:
    """Check and import (blocking work, off the event loop); the report."""
    try:
        outcome = import_file(store, data, filename, allowed_villages(request))
    except (TableFileError, DomainError) as refusal:
        return form_page(request, pages, 400, error=str(refusal), filename=filename)
    return form_page(request, pages, 200 if outcome.imported else 400, outcome,
                     filename=filename)


@router.get("/village/roster/template.csv", name="village_roster_template")
def template() -> Response:
    disposition = "attachment; filename=\"roster-template.csv\"; " \
                  "filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C%E6%A8%A1%E6%9D%BF.csv"
    return Response(template_csv(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": disposition,
                             "X-Content-Type-Options": "nosniff"})
