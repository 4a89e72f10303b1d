"""Attachment rows: what was attached to a nomination, by whom; the bytes are in the blob store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import tables as t
from workflows.attachments import Attachment, Kind, Purpose
from workflows.errors import NotFound

ATTACHMENT = t.AttachmentRow.__table__


class AttachmentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, attachment: Attachment) -> None:
        self.session.execute(insert(ATTACHMENT).values(
            id=attachment.id, nomination_id=attachment.nomination_id,
            purpose=attachment.purpose.value, filename=attachment.filename,
            kind=attachment.kind.value, size=attachment.size,
            content_hash=attachment.content_hash, uploaded_by=attachment.uploaded_by,
            uploaded_at=attachment.uploaded_at,
        ))

    def get(self, attachment_id: str) -> Attachment:
        row = self.session.execute(
            select(ATTACHMENT).where(ATTACHMENT.c.id == attachment_id)).first()
        if row is None:
            raise NotFound(f"找不到附件 {attachment_id}，请确认编号")
        return _attachment(row)

    def for_nomination(self, nomination_id: str) -> list[Attachment]:
        query = (select(ATTACHMENT).where(ATTACHMENT.c.nomination_id == nomination_id)
                 .order_by(ATTACHMENT.c.uploaded_at, ATTACHMENT.c.id))
        return [_attachment(row) for row in self.session.execute(query)]


def _attachment(row: Any) -> Attachment:
    return Attachment(row.id, row.nomination_id, Purpose(row.purpose), row.filename,
                      Kind(row.kind), row.size, row.content_hash, row.uploaded_by,
                      row.uploaded_at)
