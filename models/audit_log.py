"""The audit log: entries sealed as they are written, each chain's head kept beside them in
the same transaction, and a streaming read of every chain for ``sanchuang verify``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, Engine, insert, select, tuple_, update
from sqlalchemy.orm import Session

from models import mapping
from models import tables as t
from workflows.audit import AuditEntry
from workflows.audit_seal import Head, Sealed, Signer, entry_seal, head_seal
from workflows.publicity import PublishedList

AUD, HEAD = t.AuditRow.__table__, t.AuditHeadRow.__table__
ENTRY_FIELDS = tuple(AuditEntry.__dataclass_fields__)


class AuditRepository:
    def __init__(self, session: Session, signer: Signer):
        self.session, self.signer = session, signer

    def add(self, entries: Iterable[AuditEntry]) -> None:
        """Append sealed entries and move each chain's head to its newest entry."""
        rows = [{**asdict(e), "seal": entry_seal(self.signer, e)} for e in entries]
        if not rows:
            return
        self.session.execute(insert(AUD), rows)
        newest: dict[str, dict] = {}
        for row in rows:
            if row["seq"] > newest.get(row["subject_id"], {"seq": 0})["seq"]:
                newest[row["subject_id"]] = row
        self._move_heads(list(newest.values()))

    def _move_heads(self, rows: list[dict]) -> None:
        heads = [{"subject_id": r["subject_id"], "seq": r["seq"], "hash": r["hash"],
                  "seal": head_seal(self.signer, r["subject_id"], r["seq"], r["hash"])}
                 for r in rows]
        known = set(self.session.scalars(select(HEAD.c.subject_id).where(
            HEAD.c.subject_id.in_([h["subject_id"] for h in heads]))))
        fresh = [h for h in heads if h["subject_id"] not in known]
        if fresh:
            self.session.execute(insert(HEAD), fresh)
        for head in (h for h in heads if h["subject_id"] in known):
            self.session.execute(update(HEAD).where(HEAD.c.subject_id == head["subject_id"])
                                 .values(seq=head["seq"], hash=head["hash"], seal=head["seal"]))

    def chain(self, subject_id: str) -> list[AuditEntry]:
        query = select(AUD).where(AUD.c.subject_id == subject_id).order_by(AUD.c.seq)
        return [_entry(r) for r in self.session.execute(query)]


def _entry(row: object) -> AuditEntry:
    mapping = row._mapping  # type: ignore[attr-defined]
    return AuditEntry(**{k: mapping[k] for k in ENTRY_FIELDS})


@dataclass
class StoredChain:
    subject_id: str
    entries: list[Sealed] = field(default_factory=list)
    head: Head | None = None


def chains(engine: Engine, batch: int = 5000) -> Iterator[StoredChain]:
    """Every chain with entries, in subject order, read ``batch`` entries at a time; a chain
    is handed out whole, with its head if it has one."""
    with engine.connect() as conn:
        yield from _chains(conn, batch)


def _chains(conn: Connection, batch: int) -> Iterator[StoredChain]:
    after: tuple[str, int] = ("", 0)
    current: StoredChain | None = None
    while rows := conn.execute(
            select(AUD).where(tuple_(AUD.c.subject_id, AUD.c.seq) > tuple_(*after))
            .order_by(AUD.c.subject_id, AUD.c.seq).limit(batch)).all():
        heads = _heads(conn, {r.subject_id for r in rows})
        for row in rows:
            if current is None or current.subject_id != row.subject_id:
                if current is not None:
                    yield current
                current = StoredChain(row.subject_id, head=heads.get(row.subject_id))
            current.entries.append(Sealed(_entry(row), row.seal))
        after = (rows[-1].subject_id, rows[-1].seq)
    if current is not None:
        yield current


def _heads(conn: Connection, subject_ids: set[str]) -> dict[str, Head]:
    query = select(HEAD).where(HEAD.c.subject_id.in_(sorted(subject_ids)))
    return {r.subject_id: Head(r.seq, r.hash, r.seal) for r in conn.execute(query)}


def headless_chains(engine: Engine, batch: int = 5000) -> Iterator[StoredChain]:
    """Heads whose chain has no entry left: a chain deleted whole."""
    query = (select(HEAD).where(~select(AUD.c.id).where(AUD.c.subject_id == HEAD.c.subject_id)
                                .exists()).order_by(HEAD.c.subject_id))
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=batch).execute(query):
            yield StoredChain(row.subject_id, head=Head(row.seq, row.hash, row.seal))


def sealed_documents(engine: Engine, batch: int = 500) -> Iterator[tuple[PublishedList, str]]:
    """Every published document with its seal, ``batch`` rows at a time."""
    query = select(t.PublishedListRow).order_by(t.PublishedListRow.id)
    with Session(engine) as session:
        for row in session.execute(query, execution_options={"yield_per": batch}).scalars():
            yield mapping.published_list(row), row.seal
