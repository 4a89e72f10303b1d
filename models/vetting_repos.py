"""The vetting requests' repository (联合审查). It never commits: the unit of work does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from models import tables as t
from workflows.errors import NotFound, StaleVersion
from workflows.stages import TERMINAL
from workflows.vetting import PENDING, VettingRequest

VET, NOM = t.VettingRequestRow.__table__, t.NominationRow.__table__
REQUEST_FIELDS = tuple(VettingRequest.__dataclass_fields__)
OUT_OF_RUNNING = [s.value for s in TERMINAL]


class VettingRepository:
    def __init__(self, session: Session):
        self.session = session

    def add_many(self, requests: Sequence[VettingRequest]) -> None:
        if requests:
            self.session.execute(insert(VET), [asdict(r) for r in requests])

    def get(self, request_id: str, lock: bool = False) -> VettingRequest:
        query = select(VET).where(VET.c.id == request_id)
        row = self.session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound(f"找不到联审请求 {request_id}")
        return _request(row)

    def for_nominations(self, ids: Sequence[str]) -> dict[str, list[VettingRequest]]:
        found: dict[str, list[VettingRequest]] = {i: [] for i in ids}
        query = (select(VET).where(VET.c.nomination_id.in_(list(ids)))
                 .order_by(VET.c.requested_at, VET.c.department))
        for row in self.session.execute(query):
            found[row.nomination_id].append(_request(row))
        return found

    def save(self, requests: Sequence[VettingRequest]) -> None:
        """Write answers in one statement, each conditional on still being unanswered; rows
        in id order, so two writers lock them in the same order."""
        if not requests:
            return
        rows = [{"key": r.id, "o": r.outcome, "n": r.note, "at": r.answered_at,
                 "by": r.answered_by} for r in sorted(requests, key=lambda r: r.id)]
        result = self.session.execute(
            update(VET).where(VET.c.id == bindparam("key"), VET.c.outcome == PENDING)
            .values(outcome=bindparam("o"), note=bindparam("n"), answered_at=bindparam("at"),
                    answered_by=bindparam("by")), rows)
        if result.rowcount != len(rows):  # type: ignore[attr-defined]
            raise StaleVersion("联审意见已被他人录入，请刷新后重试")

    def overdue(self, now: datetime) -> list[VettingRequest]:
        """Unanswered past the due date, for nominations still in the running."""
        query = (select(VET).join(NOM, NOM.c.id == VET.c.nomination_id)
                 .where(VET.c.outcome == PENDING, VET.c.due_at <= now,
                        NOM.c.stage.not_in(OUT_OF_RUNNING))
                 .order_by(VET.c.due_at, VET.c.nomination_id, VET.c.department))
        return [_request(row) for row in self.session.execute(query)]


def _request(row: Any) -> VettingRequest:
    return VettingRequest(**{f: getattr(row, f) for f in REQUEST_FIELDS})
