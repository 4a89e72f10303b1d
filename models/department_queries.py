"""Read-side look-ups of the department officer's pages: their department's vetting requests
(联合审查), with the nominee as the request names them and the due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from models import mapping
from models import tables as t
from models.store import Store
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, TERMINAL, Stage
from workflows.vetting import OUTCOME_NAMES_ZH, PENDING

VET, NOM = t.VettingRequestRow.__table__, t.NominationRow.__table__
VILLAGE = t.VillageRow.__table__
OUT_OF_RUNNING = [s.value for s in TERMINAL]


@dataclass(frozen=True)
class VettingItem:
    request_id: str
    department: str
    nominee: str
    village: str
    programme: str
    stage: str
    stage_name: str
    requested_at: datetime
    due_at: datetime
    outcome: str
    outcome_name: str
    note: str

    def overdue(self, now: datetime) -> bool:
        return self.outcome == PENDING and self.due_at < now

    @property
    def open(self) -> bool:
        return self.outcome == PENDING and self.stage not in OUT_OF_RUNNING


def _query() -> Select[Any]:
    return (select(VET, NOM.c.display_name, NOM.c.programme, NOM.c.stage,
                   VILLAGE.c.name.label("village_name"))
            .join(NOM, NOM.c.id == VET.c.nomination_id)
            .join(VILLAGE, VILLAGE.c.id == NOM.c.village_id))


def _item(row: object) -> VettingItem:
    r = row._mapping  # type: ignore[attr-defined]
    return VettingItem(r["id"], r["department"], r["display_name"], r["village_name"],
                       PROGRAMME_NAMES_ZH[Programme(r["programme"])], r["stage"],
                       STAGE_NAMES_ZH[Stage(r["stage"])], mapping.stamped(r["requested_at"]),
                       mapping.stamped(r["due_at"]), r["outcome"],
                       OUTCOME_NAMES_ZH[r["outcome"]], r["note"])


def request_department(store: Store, request_id: str) -> str | None:
    """The department a request was sent to, or None when there is no such request."""
    if not request_id.isalnum() or len(request_id) > 32:
        return None
    with store.sessions() as session:
        return session.scalar(select(VET.c.department).where(VET.c.id == request_id))


def pending(store: Store, department: str) -> list[VettingItem]:
    """The department's unanswered requests for nominations still in the running, by due
    date."""
    query = (_query().where(VET.c.department == department, VET.c.outcome == PENDING,
                            NOM.c.stage.not_in(OUT_OF_RUNNING))
             .order_by(VET.c.due_at, NOM.c.display_name, VET.c.id))
    with store.sessions() as session:
        return [_item(row) for row in session.execute(query)]


def request(store: Store, request_id: str) -> VettingItem | None:
    with store.sessions() as session:
        row = session.execute(_query().where(VET.c.id == request_id)).first()
    return _item(row) if row else None
