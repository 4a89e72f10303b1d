"""E-mail channel: build RFC 5322 messages and deliver them by SMTP or into a folder.

``Message-ID`` is derived from the notification, so receivers (and :class:`FileMailer`)
can drop duplicates when a notification is sent more than once.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Protocol

from sanchuang.runtime.files import write_atomically
from workflows.calendar import SHANGHAI

_UNSAFE = re.compile(r"[^A-Za-z0-9._@+-]")


class MailError(Exception):
    """Base class of delivery failures."""


class TransientMailError(MailError):
    """Worth retrying later: connection refused, timeout, SMTP 4xx."""


class PermanentMailError(MailError):
    """Retrying will not help: SMTP 5xx, TLS or configuration problems."""


@dataclass(frozen=True)
class OutgoingMail:
    to: str
    subject: str
    text: str
    html: str
    message_id: str


class Mailer(Protocol):
    """What delivery needs of a channel; :class:`SmtpMailer` and :class:`FileMailer` both fit."""

    def send(self, mail: OutgoingMail) -> None: ...

    def close(self) -> None: ...


def message_id(notification_id: int) -> str:
    """The same notification always gets the same Message-ID; two notifications never share one."""
    return f"<notification-{notification_id}@sanchuang.local>"


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """A multipart/alternative message (text first, html second), UTF-8 throughout."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(datetime.now(SHANGHAI))
    message["Message-ID"] = mail.message_id
    message.set_content(mail.text, charset="utf-8")
    message.add_alternative(mail.html, subtype="html", charset="utf-8")
    return message


def safe_filename(message_id: str) -> str:
    """``<notification-42@sanchuang.local>`` → ``notification-42@sanchuang.local``."""
    stem = _UNSAFE.sub("_", message_id.strip().strip("<>")).strip(".")
    if not stem:
        raise ValueError(f"message_id {message_id!r} gives an empty file name")
    return stem


class SmtpMailer:
    """Delivers through an SMTP relay, one connection per message."""

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 10.0,
    ) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.username, self.password = username, password
        self.starttls, self.timeout = starttls, timeout

    def send(self, mail: OutgoingMail) -> None:
        message = build_message(mail, self.sender)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise self._classify(exc) from exc

    def close(self) -> None:
        """Nothing to release: connections are not kept between messages."""

    def _where(self) -> str:
        return f"{self.host}:{self.port}"

    def _classify(self, exc: Exception) -> MailError:
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            codes = [code for code, _ in exc.recipients.values()]
            return self._by_code(min(codes, default=550), f"收件人被拒绝 {sorted(exc.recipients)}")
        if isinstance(exc, smtplib.SMTPResponseException):
            return self._by_code(exc.smtp_code, f"服务器答复 {exc.smtp_code} {exc.smtp_error!r}")
        if isinstance(exc, ssl.SSLCertVerificationError | smtplib.SMTPNotSupportedError):
            return PermanentMailError(
                f"邮件发送失败：与 SMTP 服务器 {self._where()} 的加密协商失败（{exc}），"
                "请检查 STARTTLS 设置和服务器证书。"
                f" Mail delivery failed: TLS negotiation with {self._where()} failed; "
                "check the STARTTLS setting and the server certificate."
            )
        return TransientMailError(
            f"邮件发送失败：无法连接或已断开 SMTP 服务器 {self._where()}（{exc!r}），"
            "请检查主机名、端口、网络及服务器是否运行。"
            f" Mail delivery failed: cannot reach SMTP server {self._where()}; "
            "check host, port, network and that the server is running."
        )

    def _by_code(self, code: int, detail: str) -> MailError:
        where = self._where()
        if 400 <= code < 500:
            return TransientMailError(
                f"邮件发送暂时失败：SMTP 服务器 {where} {detail}，请稍后重试。"
                f" Mail delivery deferred: SMTP server {where} answered {code}; retry later."
            )
        return PermanentMailError(
            f"邮件发送失败：SMTP 服务器 {where} {detail}，请检查收件地址、发件账号及服务器设置。"
            f" Mail delivery failed: SMTP server {where} answered {code}; "
            "check the addresses, the sender account and the server settings."
        )


class FileMailer:
    """Writes each message as ``<message-id>.eml`` into a folder (no SMTP configured).

    Writes are atomic (temporary file + ``os.replace``); a message whose file already
    exists is not written again, so re-sending a notification leaves one file.
    """

    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = Path(folder)
        self.sender = sender

    def path_for(self, mail: OutgoingMail) -> Path:
        return self.folder / f"{safe_filename(mail.message_id)}.eml"

    def send(self, mail: OutgoingMail) -> None:
        target = self.path_for(mail)
        if target.exists():
            return
        write_atomically(target, build_message(mail, self.sender).as_bytes(policy=policy.SMTP))

    def close(self) -> None:
        """Nothing to release."""
