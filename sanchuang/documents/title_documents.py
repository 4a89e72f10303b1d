"""Documents of a title after the award: the revocation notice (撤销通报) and the list of
honourees three years running recommended to the county (推荐名单). Names are shown as
published (households as "<head>家庭"); no ID number, phone or address is in the context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import jinja2

from models import paper_queries as pq
from models.store import Store
from models.title_queries import TitleView
from sanchuang.runtime.templating import make_environment
from workflows.disclosure import public_text
from workflows.errors import InvalidInput
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.title_record import REVOCATION_REASONS

_ENV: list[jinja2.Environment] = []


def _render(template: str, **context: object) -> str:
    if not _ENV:
        _ENV.append(make_environment("sanchuang.documents"))
    return _ENV[0].get_template(f"documents/{template}.html").render(context)


def _issued_by(store: Store, campaign_id: str) -> tuple[str, ...]:
    """The campaign's issuing organs; for an older campaign without them, the township's."""
    with store.uow() as uow:
        organs = uow.campaigns.get(campaign_id).issued_by
    township = pq.campaign_heading(store, campaign_id).township
    return tuple(organs) or (f"中共{township}委员会", f"{township}人民政府")


def revocation_notice(store: Store, view: TitleView, issued_on: date) -> str:
    """The notice the secretariat issues once the party committee decided to revoke."""
    title = view.record
    if title.case_stage not in ("decided", "noticed") or title.status != "revoked":
        raise InvalidInput("镇党委尚未决定撤销该称号，不能出具撤销通报")
    return _render(
        "revocation_notice", title=title, display_name=public_text(view.display_name),
        findings=public_text(title.case_findings),
        village_name=view.village_name, issued_by=_issued_by(store, view.campaign_id),
        programme_name=PROGRAMME_NAMES_ZH[Programme(title.programme)],
        reason=REVOCATION_REASONS.get(title.reason_code, title.end_reason),
        issued_on=issued_on)


def county_recommendation_list(store: Store, views: Sequence[TitleView], programme: str,
                               year: int, issued_on: date) -> str:
    """The list of honourees three years running, to report to the county."""
    if not views:
        raise InvalidInput(f"{year} 年没有连续三年获评的{PROGRAMME_NAMES_ZH[Programme(programme)]}")
    return _render(
        "county_recommendation", year=year, first_year=year - 2,
        views=[replace(v, display_name=public_text(v.display_name)) for v in views],
        programme_name=PROGRAMME_NAMES_ZH[Programme(programme)],
        issued_by=_issued_by(store, views[0].campaign_id), issued_on=issued_on)
