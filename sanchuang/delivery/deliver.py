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
from sanchuang.delivery.sms import (
    HttpSmsGateway,
    OutgoingSms,
    PermanentSmsError,
    Texter,
    TransientSmsError,
)
from sanchuang.settings import Settings
from workflows.ports import Notification

log = logging.getLogger(__name__)


def make_mailer(settings: Settings) -> Mailer:
    if settings.smtp_host:
        return SmtpMailer(settings.smtp_host, settings.smtp_port, settings.mail_from,
                          settings.smtp_user or None, settings.smtp_password or None,
                          settings.smtp_starttls)
    return FileMailer(settings.mail_dir, settings.mail_from)


def make_texter(settings: Settings) -> Texter | None:
    """The SMS gateway, or None when SANCHUANG_SMS_URL is not set."""
    if not settings.sms_enabled:
        return None
    token = settings.sms_token.get_secret_value() if settings.sms_token else ""
    return HttpSmsGateway(settings.sms_url, token, settings.sms_signature,
                          settings.sms_timeout_seconds)


def deliver(store: Store, mailer: Mailer, notification_id: int,
            lease: timedelta, texter: Texter | None = None) -> str:
    """Send a pending e-mail or SMS once; every attempt is counted on its row. A copy that
    a crash made us send twice carries the same Message-ID (or SMS reference), so mail
    systems (and the gateway) can drop it."""
    with store.uow() as uow:
        note = uow.notifications.claim(notification_id, uow.now, lease)
        uow.commit()
    if note is None:
        return "skipped"
    try:
        send_one(note, notification_id, mailer, texter)
    except (TransientMailError, TransientSmsError) as error:
        _finish(store, notification_id, str(error), final=False)
        raise
    except (PermanentMailError, PermanentSmsError) as error:
        log.error("delivery refused", extra={"notification_id": notification_id,
                                             "channel": note.channel, "error": str(error)})
        _finish(store, notification_id, str(error), final=True)
        return "failed"
    _finish(store, notification_id)
    return "delivered"


def send_one(note: Notification, notification_id: int, mailer: Mailer,
             texter: Texter | None) -> None:
    if note.channel != "sms":
        mailer.send(OutgoingMail(note.address or "", note.subject, note.text, note.html,
                                 message_id(notification_id)))
    elif texter is None:
        raise PermanentSmsError("短信发送失败：未设置短信网关（SANCHUANG_SMS_URL）。")
    else:
        texter.send(OutgoingSms(note.address or "", note.text, f"notification-{notification_id}"))


def _finish(store: Store, notification_id: int, error: str = "", final: bool = True) -> None:
    with store.uow() as uow:
        uow.notifications.finish(notification_id, uow.now, error, final)
        uow.commit()
