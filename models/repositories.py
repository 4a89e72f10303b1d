"""Repositories over one session. None of them commits: the unit of work does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from models import mapping
from models import tables as t
from workflows.campaign import Campaign
from workflows.errors import NotFound, StaleVersion
from workflows.nomination import Nomination
from workflows.policy import Programme
from workflows.ports import Review
from workflows.stages import Stage

NOM = t.NominationRow.__table__
ACCEPTED = [s.value for s in (Stage.PANEL_REVIEW, Stage.FINAL_APPROVAL, Stage.PUBLICITY,
                              Stage.APPROVED, Stage.COMMENDED)]
CAMPAIGN = t.CampaignRow.__table__
REVIEW = t.ReviewRow.__table__


class CampaignRepository:
    def __init__(self, session: Session, clock: Callable[[], datetime]):
        self.session, self.clock = session, clock
        self.cache: dict[str, Campaign] = {}

    def add(self, campaign: Campaign) -> None:
        row = mapping.campaign_row(campaign)
        row.created_at = self.clock()
        self.session.add(row)
        self.session.flush()

    def save(self, campaign: Campaign) -> None:
        row = mapping.campaign_row(campaign)
        self.session.execute(update(t.CampaignRow.__table__)
                             .where(t.CampaignRow.__table__.c.id == campaign.id)
                             .values(policy=row.policy, details=row.details))
        self.cache[campaign.id] = campaign

    def get(self, campaign_id: str) -> Campaign:
        if campaign_id not in self.cache:
            row = self.session.get(t.CampaignRow, campaign_id)
            if row is None:
                raise NotFound(f"找不到评选活动 {campaign_id}")
            self.cache[campaign_id] = mapping.campaign(row)
        return self.cache[campaign_id]

    def latest(self) -> Campaign | None:
        query = select(t.CampaignRow).order_by(CAMPAIGN.c.created_at.desc()).limit(1)
        row = self.session.scalars(query).first()
        return mapping.campaign(row) if row else None


class NominationRepository:
    """Stage changes are conditional updates on (id, expected version)."""

    def __init__(self, session: Session, on_saved: Callable[[Sequence[Nomination]], None]):
        self.session, self.on_saved = session, on_saved

    def add(self, nomination: Nomination) -> None:
        self.session.execute(NOM.insert().values(**mapping.nomination_values(nomination)))

    def _select(self, lock: bool) -> Any:
        """Rows in id order, and a locked read takes its locks in that order whatever the
        plan: two writers over overlapping sets never wait on each other in a circle."""
        query = select(t.NominationRow).order_by(NOM.c.id)
        return query.with_for_update() if lock else query

    def get(self, nomination_id: str, lock: bool = False) -> Nomination:
        query = self._select(lock).where(NOM.c.id == nomination_id)
        row = self.session.scalars(query).first()
        if row is None:
            raise NotFound(f"找不到申报 {nomination_id}")
        return mapping.nomination(row)

    def get_many(self, ids: Iterable[str], lock: bool = False) -> list[Nomination]:
        wanted = list(dict.fromkeys(ids))
        found = self._find(self._select(lock).where(NOM.c.id.in_(wanted)))
        by_id = {n.id: n for n in found}
        missing = [i for i in wanted if i not in by_id]
        if missing:
            raise NotFound(f"找不到申报：{', '.join(missing[:5])}")
        return [by_id[i] for i in wanted]

    def in_window(self, window_id: str, lock: bool = False) -> list[Nomination]:
        query = self._select(lock).where(NOM.c.window_id == window_id)
        return self._find(query)

    def in_stage(self, campaign_id: str, stage: Stage, lock: bool = False) -> list[Nomination]:
        query = self._select(lock).where(NOM.c.campaign_id == campaign_id,
                                         NOM.c.stage == stage.value)
        return self._find(query)

    def waiting_in(self, stages: Sequence[Stage]) -> list[Nomination]:
        """Every nomination, of any campaign, now in one of these stages."""
        return self._find(self._select(False).where(NOM.c.stage.in_([s.value for s in stages])))

    def count_accepted(self, campaign_id: str, village_id: str, programme: Programme) -> int:
        """Nominations of a village and programme past preliminary review and still in."""
        query = select(func.count()).select_from(NOM).where(
            NOM.c.campaign_id == campaign_id, NOM.c.village_id == village_id,
            NOM.c.programme == programme.value, NOM.c.stage.in_(ACCEPTED))
        return int(self.session.scalar(query) or 0)

    def of_subject(self, campaign_id: str, programme: Programme, subject_id: str
                   ) -> Nomination | None:
        query = self._select(False).where(NOM.c.campaign_id == campaign_id,
                                          NOM.c.programme == programme.value,
                                          NOM.c.subject_id == subject_id)
        found = self._find(query)
        return found[0] if found else None

    def _find(self, query: Any) -> list[Nomination]:
        return [mapping.nomination(r) for r in self.session.scalars(query)]

    def save(self, nomination: Nomination) -> None:
        self.save_many([nomination])

    def save_many(self, nominations: Sequence[Nomination]) -> None:
        """One UPDATE for the lot, each row conditional on the version it was read at, the
        rows in id order (the order their locks are taken if not held already)."""
        if not nominations:
            return
        rows = [{**{f"v_{k}": v for k, v in mapping.nomination_values(n).items()},
                 "seen": n.version - len(n.audit)} for n in by_id(nominations)]
        statement = update(NOM).where(
            NOM.c.id == bindparam("v_id"), NOM.c.version == bindparam("seen")
        ).values({k: bindparam(f"v_{k}") for k in mapping.nomination_values(nominations[0])
                  if k != "id"})
        result = self.session.execute(statement, rows)
        if result.rowcount != len(rows):  # type: ignore[attr-defined]
            names = "、".join(n.display_name for n in nominations[:3])
            raise StaleVersion(f"申报（{names} 等）已被他人修改，请刷新后重试")
        self.on_saved(nominations)


class ReviewRepository:
    def __init__(self, session: Session):
        self.session = session

    def add_many(self, reviews: Sequence[Review]) -> None:
        """In nomination order: each row's foreign key takes a share lock on its nomination."""
        if reviews:
            rows = sorted(reviews, key=lambda r: (r.nomination_id, r.id))
            self.session.execute(REVIEW.insert(), [vars(r) for r in rows])

    def scored_by(self, reviewer_id: str, nomination_ids: Sequence[str]) -> set[str]:
        """Which of these nominations this reviewer has already scored."""
        query = select(REVIEW.c.nomination_id).where(
            REVIEW.c.reviewer_id == reviewer_id, REVIEW.c.nomination_id.in_(nomination_ids))
        return set(self.session.scalars(query))

    def for_nominations(self, ids: Sequence[str]) -> dict[str, list[Review]]:
        found: dict[str, list[Review]] = {i: [] for i in ids}
        query = select(t.ReviewRow).where(REVIEW.c.nomination_id.in_(list(ids)))
        for row in self.session.scalars(query.order_by(REVIEW.c.at)):
            found[row.nomination_id].append(mapping.review(row))
        return found

    def for_nomination(self, nomination_id: str) -> list[Review]:
        query = (select(t.ReviewRow).where(REVIEW.c.nomination_id == nomination_id)
                 .order_by(REVIEW.c.at))
        return [mapping.review(r) for r in self.session.scalars(query)]


def by_id(nominations: Sequence[Nomination]) -> list[Nomination]:
    return sorted(nominations, key=lambda n: n.id)
