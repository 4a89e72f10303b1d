"""Delivering one notification: claim it, send it, record the outcome."""

from __future__ import annotations

import logging
from datetime import timedelta

from models.store import Store
from sanchuang.delivery.mail import (
    FileMailer,
    Mailer,
    OutgoingMail,
    PermanentMailError,
    SmtpMailer,
    TransientMailError,
    message_id,
)
from sanchuang.settings import Settings

log = logging.getLogger(__name__)


def make_mailer(settings: Settings) -> Mailer:
    if settings.smtp_host:
        return SmtpMailer(settings.smtp_host, settings.smtp_port, settings.mail_from,
                          settings.smtp_user or None, settings.smtp_password or None,
                          settings.smtp_starttls)
    return FileMailer(settings.mail_dir, settings.mail_from)


def deliver(store: Store, mailer: Mailer, notification_id: int,
            lease: timedelta) -> str:
    """Send a pending e-mail once. A copy that a crash made us send twice carries the
    same Message-ID, so mail systems drop it."""
    with store.uow() as uow:
        note = uow.notifications.claim(notification_id, uow.now, lease)
        uow.commit()
    if note is None:
        return "skipped"
    mail = OutgoingMail(note.address or "", note.subject, note.text, note.html,
                        message_id(notification_id))
    try:
        mailer.send(mail)
    except TransientMailError as error:
        _finish(store, notification_id, str(error), final=False)
        raise
    except PermanentMailError as error:
        log.error("mail refused", extra={"notification_id": notification_id, "error": str(error)})
        _finish(store, notification_id, str(error), final=True)
        return "failed"
    _finish(store, notification_id)
    return "delivered"


def _finish(store: Store, notification_id: int, error: str = "", final: bool = True) -> None:
    with store.uow() as uow:
        uow.notifications.finish(notification_id, uow.now, error, final)
        uow.commit()
