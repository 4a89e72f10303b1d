"""What every staff endpoint of the JSON API shares: the answers it may give besides its own
(declared for the schema) and the turning of a domain refusal into 400 with its reason."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import HTTPException

from models import village_queries as q
from models.store import Store
from sanchuang.web import village_views
from sanchuang.web.api_models import Problem
from sanchuang.web.api_staff_models import Moved, Refused
from sanchuang.web.i18n import N_
from workflows.errors import DomainError, NotFound

DESCRIPTIONS = {
    400: "领域拒绝（理由为中文），未做任何更改",
    401: "未登录：请求头 Authorization: Bearer <令牌>；写操作只接受令牌，不接受会话 Cookie",
    403: "此账号的角色无权访问",
    404: "找不到，或不在此账号的范围内",
    429: "提交过于频繁",
}


def answers(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The declared refusals of an operation (422, a malformed request, FastAPI adds)."""
    return {code: {"model": Refused if code == 400 else Problem,
                   "description": DESCRIPTIONS[code]} for code in codes}


STAFF_READ = answers(401, 403)
STAFF_READ_ONE = answers(401, 403, 404)
STAFF_WRITE = answers(400, 401, 403, 404)


@contextmanager
def refusals() -> Iterator[None]:
    """A domain refusal as 400 with its Chinese reason (404 for what does not exist)."""
    try:
        yield
    except NotFound as missing:
        raise HTTPException(404, str(missing) or N_("找不到这个页面")) from missing
    except DomainError as refusal:
        raise HTTPException(400, str(refusal)) from refusal


def moved(store: Store, nomination_id: str) -> Moved:
    """Where the nomination stands now."""
    found = q.nomination(store, nomination_id)
    if found is None:
        raise HTTPException(404, N_("找不到这份申报"))
    return Moved(nomination_id=nomination_id, stage=found["stage"],
                 stage_name=village_views.stage_name(found["stage"]))
