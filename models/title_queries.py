"""Read-side queries on titles after the award: the roll with plaques and cases, one title,
the village's plaque dates, and the honourees to recommend to the county."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from models import tables as t
from models.store import Store
from models.titles import TitleRepository, record_of
from workflows.county_recommendation import run_years, three_years_running
from workflows.policy import Rubric
from workflows.title_record import TitleRecord

TITLE, NOM = t.TitleRow.__table__, t.NominationRow.__table__
VILLAGE, CAMPAIGN = t.VillageRow.__table__, t.CampaignRow.__table__


@dataclass(frozen=True)
class TitleView:
    """A title with the names it is shown under."""

    record: TitleRecord
    display_name: str
    village_name: str
    campaign_id: str


def _query() -> Any:
    return (select(TITLE, NOM.c.display_name, NOM.c.campaign_id,
                   VILLAGE.c.name.label("village_name"))
            .join(NOM, NOM.c.id == TITLE.c.nomination_id)
            .join(VILLAGE, VILLAGE.c.id == NOM.c.village_id))


def _view(row: Any) -> TitleView:
    return TitleView(record_of(row), row.display_name, row.village_name, row.campaign_id)


def title_roll(store: Store, programme: str = "", status: str = "") -> list[TitleView]:
    """Every title, newest year first, optionally of one programme or status."""
    query = _query()
    if programme:
        query = query.where(TITLE.c.programme == programme)
    if status:
        query = query.where(TITLE.c.status == status)
    with store.sessions() as session:
        rows = session.execute(query.order_by(TITLE.c.year.desc(), NOM.c.display_name))
        return [_view(row) for row in rows]


def title_of(store: Store, nomination_id: str) -> TitleView | None:
    with store.sessions() as session:
        row = session.execute(_query().where(TITLE.c.nomination_id == nomination_id)).first()
        return _view(row) if row else None


def plaque_from(store: Store, nomination_id: str) -> date | None:
    """The date a deferred plaque may be hung (a member serving a sentence), or None."""
    with store.sessions() as session:
        return session.scalar(select(TITLE.c.plaque_from)
                              .where(TITLE.c.nomination_id == nomination_id))


def county_recommendations(store: Store, programme: str, year: int) -> list[TitleView]:
    """This year's titles of honourees three years running, to recommend to the county."""
    with store.sessions() as session:
        titles = TitleRepository(session).of_programme(programme, run_years(year))
    flagged = set(three_years_running(titles, year))
    return [view for view in title_roll(store, programme)
            if view.record.year == year and view.record.subject_id in flagged]


def pinned_rubric(store: Store, nomination_id: str) -> Rubric:
    """The rubric the title's nomination was scored against (its pinned version)."""
    with store.uow() as uow:
        nomination = uow.nominations.get(nomination_id)
        campaign = uow.campaigns.get(nomination.campaign_id)
        return campaign.rubric(nomination.programme, nomination.rubric_version)
