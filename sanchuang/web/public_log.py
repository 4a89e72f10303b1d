"""The public log of each campaign's official actions (no login): publicity, objections
(counts and outcomes only), the commendation published."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse

from models import public_log
from sanchuang.web.deps import PagesDep, StoreDep
from sanchuang.web.i18n import N_
from workflows.objections import OUTCOME_NAMES_ZH

router = APIRouter()


@router.get("/campaigns", name="campaign_logs", response_class=HTMLResponse)
def campaign_logs(store: StoreDep, pages: PagesDep) -> HTMLResponse:
    return pages.render("public_log/campaigns.html", campaigns=public_log.campaigns(store))


@router.get("/campaigns/{campaign_id}/log", name="public_log", response_class=HTMLResponse)
def campaign_log(campaign_id: str, store: StoreDep, pages: PagesDep) -> HTMLResponse:
    found = public_log.campaign_log(store, campaign_id)
    if found is None:
        raise HTTPException(404, N_("找不到这次评选"))
    return pages.render("public_log/log.html", log=found, outcome_names=OUTCOME_NAMES_ZH)


@router.get("/publicity/{window_id}/log", name="publicity_log")
def publicity_log(window_id: str, store: StoreDep) -> RedirectResponse:
    """From a publicity notice to the log of its campaign."""
    campaign_id = public_log.window_campaign(store, window_id)
    if campaign_id is None:
        raise HTTPException(404, N_("找不到这份公示"))
    return RedirectResponse(f"/campaigns/{campaign_id}/log", status_code=303)
