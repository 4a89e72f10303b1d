"""The panel's repository: reviewer profiles, seats, recusals and the aggregate. It never
commits: the unit of work does."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from models import tables as t
from workflows.nomination import Nomination
from workflows.panel import (
    OVER_CEILING,
    PanelResult,
    PanelSeat,
    Placed,
    Recusal,
    ReviewerProfile,
    SubjectTies,
    Verdict,
)
from workflows.policy import SUBJECT_KINDS
from workflows.ports import Account
from workflows.stages import TERMINAL

NOM = t.NominationRow.__table__
PROFILE, SEAT = t.ReviewerProfileRow.__table__, t.PanelSeatRow.__table__
RECUSAL, RESULT = t.RecusalRow.__table__, t.PanelResultRow.__table__
PERSON, ACCOUNT, AUDIT = t.PersonRow.__table__, t.AccountRow.__table__, t.AuditRow.__table__
VERDICT_FIELDS = ("method", "value", "passed", "stars", "level", "votes_for")
OUT_OF_RUNNING = [s.value for s in TERMINAL]


class PanelRepository:
    def __init__(self, session: Session):
        self.session = session

    def accounts(self, ids: Sequence[str]) -> dict[str, Account]:
        rows = self.session.execute(select(ACCOUNT).where(ACCOUNT.c.id.in_(list(ids))))
        return {r.id: Account(r.id, r.name, r.role, r.village_id, r.email, r.phone) for r in rows}

    def profiles(self, ids: Sequence[str] | None) -> dict[str, ReviewerProfile]:
        query = select(PROFILE)
        if ids is not None:
            query = query.where(PROFILE.c.account_id.in_(list(ids)))
        return {r.account_id: ReviewerProfile(
            r.account_id, r.person_id, r.household_id, r.village_id,
            tuple(r.kin_person_ids), tuple(r.kin_household_ids))
            for r in self.session.execute(query)}

    def save_profile(self, profile: ReviewerProfile) -> None:
        values = {**asdict(profile), "kin_person_ids": list(profile.kin_person_ids),
                  "kin_household_ids": list(profile.kin_household_ids)}
        self.session.execute(PROFILE.delete().where(PROFILE.c.account_id == profile.account_id))
        self.session.execute(insert(PROFILE).values(**values))

    def persons(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str]]:
        """Person id -> (household id, village id), from the roster."""
        query = select(PERSON.c.id, PERSON.c.household_id, PERSON.c.village_id).where(
            PERSON.c.id.in_(list(ids)))
        return {r.id: (r.household_id, r.village_id) for r in self.session.execute(query)}

    def ties(self, nominations: Sequence[Nomination]) -> dict[str, SubjectTies]:
        kinds = {n.id: SUBJECT_KINDS[n.programme] for n in nominations}
        households = [n.subject_id for n in nominations if kinds[n.id] == "household"]
        members: dict[str, set[str]] = defaultdict(set)
        query = select(PERSON.c.id, PERSON.c.household_id).where(
            PERSON.c.household_id.in_(households))
        for person_id, household_id in self.session.execute(query):
            members[household_id].add(person_id)
        persons = self.persons([n.subject_id for n in nominations if kinds[n.id] == "person"])
        return {n.id: _ties(n, kinds[n.id], members, persons) for n in nominations}

    def members(self, campaign_id: str, programme: str) -> list[str]:
        query = select(SEAT.c.reviewer_id).where(SEAT.c.campaign_id == campaign_id,
                                                 SEAT.c.programme == programme)
        return list(self.session.scalars(query.order_by(SEAT.c.reviewer_id)))

    def add_members(self, seats: Sequence[PanelSeat]) -> None:
        if seats:
            self.session.execute(insert(SEAT), [asdict(s) for s in seats])

    def recusals(self, ids: Sequence[str]) -> dict[str, dict[str, Recusal]]:
        found: dict[str, dict[str, Recusal]] = {i: {} for i in ids}
        query = select(RECUSAL).where(RECUSAL.c.nomination_id.in_(list(ids)))
        for r in self.session.execute(query.order_by(RECUSAL.c.at)):
            found[r.nomination_id][r.reviewer_id] = Recusal(
                r.id, r.nomination_id, r.reviewer_id, r.reason, r.kind, r.at)
        return found

    def add_recusals(self, recusals: Sequence[Recusal]) -> None:
        """In nomination order: each row's foreign key takes a share lock on its nomination."""
        if recusals:
            rows = sorted(recusals, key=lambda r: (r.nomination_id, r.id))
            self.session.execute(insert(RECUSAL), [asdict(r) for r in rows])

    def add_results(self, results: Sequence[PanelResult]) -> None:
        rows = [{"nomination_id": r.nomination_id, "campaign_id": r.campaign_id,
                 "programme": r.programme, "sheets": r.sheets, "concluded_at": r.concluded_at,
                 "rank": r.rank, "quota_status": r.quota_status,
                 **{f: getattr(r.verdict, f) for f in VERDICT_FIELDS}} for r in results]
        if rows:
            self.session.execute(insert(RESULT), rows)

    def result(self, nomination_id: str) -> PanelResult | None:
        row = self.session.execute(
            select(RESULT).where(RESULT.c.nomination_id == nomination_id)).first()
        return _result(row) if row else None

    def passed(self, campaign_id: str, programme: str) -> list[PanelResult]:
        """Aggregates that passed, for nominations still in the running."""
        query = (select(RESULT).join(NOM, NOM.c.id == RESULT.c.nomination_id)
                 .where(RESULT.c.campaign_id == campaign_id, RESULT.c.programme == programme,
                        RESULT.c.passed.is_(True), NOM.c.stage.not_in(OUT_OF_RUNNING))
                 .order_by(RESULT.c.nomination_id))
        return [_result(row) for row in self.session.execute(query)]

    def set_ranks(self, placed: Sequence[Placed]) -> None:
        if placed:
            self.session.execute(
                update(RESULT).where(RESULT.c.nomination_id == bindparam("key"))
                .values(rank=bindparam("r"), quota_status=bindparam("q")),
                [{"key": p.nomination_id, "r": p.rank, "q": p.quota_status}
                 for p in sorted(placed, key=lambda p: p.nomination_id)])

    def over_ceiling(self, ids: Sequence[str]) -> set[str]:
        query = select(RESULT.c.nomination_id).where(
            RESULT.c.nomination_id.in_(list(ids)), RESULT.c.quota_status == OVER_CEILING)
        return set(self.session.scalars(query))

    def submitted_at(self, ids: Sequence[str]) -> dict[str, datetime]:
        """When each nomination was first submitted, from its audit chain."""
        query = (select(AUDIT.c.subject_id, func.min(AUDIT.c.at))
                 .where(AUDIT.c.subject_id.in_(list(ids)), AUDIT.c.action == "submit")
                 .group_by(AUDIT.c.subject_id))
        return {row[0]: row[1] for row in self.session.execute(query).all()}


def _ties(n: Nomination, kind: str, members: dict[str, set[str]],
          persons: dict[str, tuple[str | None, str]]) -> SubjectTies:
    if kind == "household":
        return SubjectTies(n.village_id, frozenset({n.subject_id}),
                           frozenset(members[n.subject_id]))
    if kind == "person":
        household = persons.get(n.subject_id, (None, ""))[0]
        return SubjectTies(n.village_id, frozenset({household} if household else ()),
                           frozenset({n.subject_id}))
    return SubjectTies(n.village_id)


def _result(row: Any) -> PanelResult:
    verdict = Verdict(**{f: getattr(row, f) for f in VERDICT_FIELDS})
    return PanelResult(row.nomination_id, row.campaign_id, row.programme, verdict, row.sheets,
                       row.concluded_at, row.rank, row.quota_status)
