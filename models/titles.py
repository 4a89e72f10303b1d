"""The honour roll over the years: titles awarded, revoked or cancelled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models import tables as t
from workflows.eligibility import Title
from workflows.errors import NotFound
from workflows.title_record import TitleRecord

TITLE = t.TitleRow.__table__
RECORD_FIELDS = tuple(f.name for f in fields(TitleRecord))


class TitleRepository:
    def __init__(self, session: Session):
        self.session = session

    def add_many(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(TITLE), list(rows))

    def for_subjects(self, subject_ids: Sequence[str]) -> dict[str, list[Title]]:
        found: dict[str, list[Title]] = {i: [] for i in subject_ids}
        query = select(TITLE).where(TITLE.c.subject_id.in_(list(subject_ids)))
        for row in self.session.execute(query.order_by(TITLE.c.year)):
            found[row.subject_id].append(Title(row.programme, row.star_level, row.year,
                                               row.status, row.ended_on, row.barred_until))
        return found

    def get(self, nomination_id: str, lock: bool = False) -> TitleRecord:
        query = select(TITLE).where(TITLE.c.nomination_id == nomination_id)
        row = self.session.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound(f"申报 {nomination_id[:8]} 没有获得称号")
        return record_of(row)

    def save(self, record: TitleRecord) -> None:
        values = asdict(record)
        self.session.execute(update(TITLE).where(TITLE.c.nomination_id == values.pop(
            "nomination_id")).values(**values))

    def of_programme(self, programme: str, years: Sequence[int]) -> list[TitleRecord]:
        query = select(TITLE).where(TITLE.c.programme == programme,
                                    TITLE.c.year.in_(list(years)))
        rows = self.session.execute(query.order_by(TITLE.c.year, TITLE.c.nomination_id))
        return [record_of(row) for row in rows]

    def end(self, nomination_id: str, status: str, on: date) -> None:
        """Revoke (摘牌) or cancel (注销) the title a nomination won."""
        self.session.execute(update(TITLE).where(TITLE.c.nomination_id == nomination_id)
                             .values(status=status, ended_on=on))


def record_of(row: Any) -> TitleRecord:
    return TitleRecord(**{name: getattr(row, name) for name in RECORD_FIELDS})
