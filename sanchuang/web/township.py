"""镇文明办的总览: the current campaign's progress per village and stage, the star levels
and stage counts as bar charts, and what is past its deadline. The counts are a fragment
(``/township/progress``) the page refreshes while the workers move nominations on."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from models import queries
from models import township_queries as tq
from models.store import Store
from sanchuang.web import township_common as tc
from sanchuang.web.deps import PagesDep, StoreDep
from workflows.stages import Stage

router = APIRouter()


def progress(store: Store, campaign_id: str) -> dict[str, Any]:
    by_village = tq.village_stage_counts(store, campaign_id)
    totals: Counter[str] = Counter()
    for counts in by_village.values():
        totals.update(counts)
    stages = [s.value for s in Stage if totals[s.value]]
    rows = [{"village": name, "counts": [counts[s] for s in stages],
             "total": sum(counts.values())} for name, counts in by_village.items()]
    levels = tq.level_counts(store, campaign_id)
    return {"stages": stages, "rows": rows, "totals": [totals[s] for s in stages],
            "total": sum(totals.values()),
            "stage_chart": tc.bars((tc.stage_name(s), totals[s]) for s in stages),
            "level_chart": tc.bars(sorted(levels.items())), **tc.names()}


@router.get("/township", name="township_dashboard", response_class=HTMLResponse)
def dashboard(request: Request, store: StoreDep, pages: PagesDep) -> HTMLResponse:
    campaign_id = queries.latest_campaign_id(store)
    if campaign_id is None:
        return pages.page(request, "township/dashboard.html", progress=None, overdue=[])
    return pages.page(request, "township/dashboard.html", progress=progress(store, campaign_id),
                      overdue=tq.overdue(store, campaign_id, tq.today(store)), **tc.names())


@router.get("/township/progress", name="township_progress", response_class=HTMLResponse)
def progress_fragment(store: StoreDep, pages: PagesDep) -> HTMLResponse:
    return pages.render("township/_progress.html",
                        progress=progress(store, tc.campaign_id(store)))
