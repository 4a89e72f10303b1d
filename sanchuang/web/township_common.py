"""What the township's pages share: the campaign they work on, the confirmation after an
action (``?done=``), and the names and bar charts the templates show."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException
from fastapi.responses import RedirectResponse

from models import queries
from models.store import Store
from sanchuang.accounts import ROLE_NAMES_ZH
from sanchuang.web.i18n import N_
from workflows.objections import OUTCOME_NAMES_ZH
from workflows.panel import OVER_CEILING, OVER_TARGET, WITHIN
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, Stage

DONE_MAX = 300
#: the width, in SVG user units, of the longest bar of a chart
BAR_WIDTH = 240
QUOTA_NAMES_ZH = {WITHIN: N_("名额内"), OVER_TARGET: N_("超过目标名额"),
                  OVER_CEILING: N_("超过名额上限")}
UNRANKED = N_("未排名")
STAGE_VALUES = frozenset(s.value for s in Stage)
OBJECTION_STATUS_ZH = {"received": N_("待处理"), "investigating": N_("调查核实中"),
                       **OUTCOME_NAMES_ZH}
ACTOR_ROLES_ZH = {**{role.value: name for role, name in ROLE_NAMES_ZH.items()},
                  "system": N_("系统")}


def campaign_id(store: Store) -> str:
    """The current (latest) campaign; a page without one answers 404."""
    found = queries.latest_campaign_id(store)
    if found is None:
        raise HTTPException(404, N_("还没有评选活动"))
    return found


def done(path: str, message: str) -> RedirectResponse:
    """Back to the page, which shows ``message`` as its confirmation."""
    return RedirectResponse(f"{path}?{urlencode({'done': message[:DONE_MAX]})}",
                            status_code=303)


def done_text(value: str) -> str:
    return value[:DONE_MAX]


def stage_name(stage: str) -> str:
    """The stage's Chinese name; anything else (an audit entry's own target) as it is."""
    return STAGE_NAMES_ZH[Stage(stage)] if stage in STAGE_VALUES else stage


def programme_name(programme: str) -> str:
    return PROGRAMME_NAMES_ZH[Programme(programme)]


def bars(counts: Iterable[tuple[str, int]]) -> dict[str, Any]:
    """A horizontal bar chart: each bar's label, count, width and vertical place."""
    rows = [(label, count) for label, count in counts if count]
    top = max((count for _, count in rows), default=0)
    items = [{"label": label, "count": count, "y": i * 28,
              "width": max(round(BAR_WIDTH * count / top), 2)}
             for i, (label, count) in enumerate(rows)]
    return {"bars": items, "height": max(len(items) * 28, 28)}


def names() -> dict[str, Any]:
    """The display-name helpers every township template may call."""
    return {"stage_name": stage_name, "programme_name": programme_name,
            "quota_names": QUOTA_NAMES_ZH, "unranked": UNRANKED,
            "objection_status": OBJECTION_STATUS_ZH,
            "actor_roles": ACTOR_ROLES_ZH}
