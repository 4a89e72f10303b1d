"""The honour roll over the years: titles awarded, revoked or cancelled."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models import tables as t
from workflows.eligibility import Title

TITLE = t.TitleRow.__table__


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
                                               row.status, row.ended_on))
        return found

    def end(self, nomination_id: str, status: str, on: date) -> None:
        """Revoke (摘牌) or cancel (注销) the title a nomination won."""
        self.session.execute(update(TITLE).where(TITLE.c.nomination_id == nomination_id)
                             .values(status=status, ended_on=on))
