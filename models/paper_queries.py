"""Read-only queries for the paper channel: what a printed score sheet or a village assembly
sheet needs, and nothing personal beyond the public name (no ID numbers, no phones)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from models import mapping
from models import tables as t
from models.directory import Directory
from models.store import Store
from workflows.errors import NotFound
from workflows.policy import PROGRAMME_NAMES_ZH, CampaignPolicy, Programme, Rubric
from workflows.ports import Account
from workflows.stages import Role

NOM, VILLAGE = t.NominationRow.__table__, t.VillageRow.__table__
HOUSEHOLD = t.HouseholdRow.__table__


@dataclass(frozen=True)
class CampaignHeading:
    id: str
    name: str
    township: str
    policy: CampaignPolicy


@dataclass(frozen=True)
class SheetNomination:
    """One row of a sheet: the public name only, as on a publicity notice."""

    id: str
    programme: Programme
    name: str
    village_id: str
    village: str
    category: str


@dataclass(frozen=True)
class VillageInfo:
    id: str
    name: str
    households: int


def campaign_heading(store: Store, campaign_id: str) -> CampaignHeading:
    with store.sessions() as session:
        row = session.get(t.CampaignRow, campaign_id)
        if row is None:
            raise NotFound(f"找不到评选活动 {campaign_id}："
                           "请核对活动 id（sanchuang status 显示最新一次）")
        township = Directory(session).township_name()
        campaign = mapping.campaign(row)
    return CampaignHeading(campaign.id, campaign.name, township, campaign.policy)


def programme_rubric(heading: CampaignHeading, programme: str) -> Rubric:
    try:
        return heading.policy.programme(programme).rubric
    except KeyError:
        names = "、".join(f"{p.value}（{PROGRAMME_NAMES_ZH[p]}）"
                         for p in heading.policy.programmes)
        raise NotFound(f"评选活动 {heading.id} 没有项目 {programme}：可选 {names}") from None


def sheet_nominations(store: Store, campaign_id: str, *, programme: str | None = None,
                      stages: Iterable[str] = (), village_id: str | None = None
                      ) -> list[SheetNomination]:
    """Nominations in a fixed order (village, then name, then id): the order of the rows."""
    query = (select(NOM.c.id, NOM.c.programme, NOM.c.display_name, NOM.c.village_id,
                    NOM.c.category, VILLAGE.c.name)
             .join(VILLAGE, VILLAGE.c.id == NOM.c.village_id)
             .where(NOM.c.campaign_id == campaign_id)
             .order_by(NOM.c.village_id, NOM.c.programme, NOM.c.display_name, NOM.c.id))
    if programme is not None:
        query = query.where(NOM.c.programme == programme)
    if village_id is not None:
        query = query.where(NOM.c.village_id == village_id)
    stages = list(stages)
    if stages:
        query = query.where(NOM.c.stage.in_(stages))
    with store.sessions() as session:
        return [SheetNomination(i, Programme(p), name, v, village, category)
                for i, p, name, v, category, village in session.execute(query)]


def reviewers(store: Store) -> list[Account]:
    with store.sessions() as session:
        return Directory(session).accounts_with_role(Role.REVIEWER.value)


def reviewer(store: Store, account_id: str) -> Account:
    found = [a for a in reviewers(store) if a.id == account_id]
    if not found:
        known = "、".join(a.id for a in reviewers(store)) or "无"
        raise NotFound(f"没有评委账号 {account_id}：现有评委账号 {known}")
    return found[0]


def village(store: Store, village_id: str) -> VillageInfo:
    households = (select(func.count()).select_from(HOUSEHOLD)
                  .where(HOUSEHOLD.c.village_id == village_id))
    with store.sessions() as session:
        row = session.get(t.VillageRow, village_id)
        if row is None:
            raise NotFound(f"找不到村（居）{village_id}："
                           "请核对村（居）代码（12 位，如 430522100201）")
        return VillageInfo(row.id, row.name, int(session.scalar(households) or 0))
