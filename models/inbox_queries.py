"""A signed-in user's inbox: the notifications addressed to their account on the "inbox"
channel, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select

from models import tables as t
from models.store import Store

NOTE = t.NotificationRow.__table__
CHANNEL = "inbox"


@dataclass(frozen=True)
class Message:
    id: int
    kind: str
    subject: str
    text: str
    created_at: datetime | None


def _mine(account_id: str) -> ColumnElement[bool]:
    return (NOTE.c.recipient == f"account:{account_id}") & (NOTE.c.channel == CHANNEL)


def inbox(store: Store, account_id: str, page: int, size: int) -> tuple[list[Message], int]:
    """One page of messages and how many there are in all."""
    with store.sessions() as session:
        total = int(session.scalar(select(func.count()).select_from(NOTE).where(
            _mine(account_id))) or 0)
        rows = session.execute(select(NOTE.c.id, NOTE.c.kind, NOTE.c.subject, NOTE.c.text,
                                      NOTE.c.created_at).where(_mine(account_id))
                               .order_by(NOTE.c.id.desc()).offset((page - 1) * size)
                               .limit(size)).all()
    return [Message(*row) for row in rows], total


def message(store: Store, account_id: str, message_id: int) -> Message | None:
    """One message, only when it is addressed to this account."""
    with store.sessions() as session:
        row = session.execute(select(NOTE.c.id, NOTE.c.kind, NOTE.c.subject, NOTE.c.text,
                                     NOTE.c.created_at).where(
            _mine(account_id) & (NOTE.c.id == message_id))).first()
    return Message(*row) if row else None
