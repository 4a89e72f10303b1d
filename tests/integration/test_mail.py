"""The e-mail channel against a real SMTP server (aiosmtpd) and a real folder."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from sanchuang.delivery.mail import (
    FileMailer,
    OutgoingMail,
    PermanentMailError,
    SmtpMailer,
    TransientMailError,
)

SENDER = "sanchuang@xinping.example.gov.cn"
MAIL = OutgoingMail(
    to="wanli@xinping.example.gov.cn",
    subject="申报退回补充：王建国家庭",
    text="【新坪镇文明办】湾里村村两委：王建国家庭（道德模范户）申报材料需补充完善。",
    html="<p>湾里村村两委：王建国家庭（道德模范户）申报材料需补充完善。</p>",
    message_id="<notification-42@sanchuang.local>",
)


class Collector:
    """aiosmtpd handler: keeps envelopes, refuses some recipients by local part."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("busy@"):
            return "451 4.3.0 mailbox busy, try later"
        if address.startswith("nobody@"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Collector, int]]:
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()  # returns once the server answers
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def parse(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_smtp_delivers_a_chinese_multipart_message(smtp_server) -> None:
    handler, port = smtp_server
    SmtpMailer("127.0.0.1", port, SENDER, timeout=5).send(MAIL)

    (envelope,) = handler.envelopes
    assert envelope.mail_from == SENDER
    assert envelope.rcpt_tos == [MAIL.to]
    message = parse(envelope.content)
    assert message["Subject"] == MAIL.subject
    assert message["To"] == MAIL.to
    assert message["From"] == SENDER
    assert message["Message-ID"] == MAIL.message_id
    assert message["Date"] is not None
    assert message.get_content_type() == "multipart/alternative"
    assert message.get_body(("plain",)).get_content().strip() == MAIL.text
    assert message.get_body(("html",)).get_content().strip() == MAIL.html


@pytest.mark.parametrize(
    ("to", "error"),
    [("busy@example.org", TransientMailError), ("nobody@example.org", PermanentMailError)],
)
def test_smtp_reply_codes_are_classified(smtp_server, to: str, error: type) -> None:
    handler, port = smtp_server
    mail = OutgoingMail(to, MAIL.subject, MAIL.text, MAIL.html, MAIL.message_id)
    with pytest.raises(error, match=f"127.0.0.1:{port}"):
        SmtpMailer("127.0.0.1", port, SENDER, timeout=5).send(mail)
    assert handler.envelopes == []


def test_refused_connection_is_transient() -> None:
    port = free_port()  # bound then released: nobody listens there
    with pytest.raises(TransientMailError, match="SMTP") as caught:
        SmtpMailer("127.0.0.1", port, SENDER, timeout=5).send(MAIL)
    assert f"127.0.0.1:{port}" in str(caught.value)
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)


def test_file_mailer_writes_one_file_per_message_id(tmp_path: Path) -> None:
    mailer = FileMailer(tmp_path / "outbox", SENDER)
    mailer.send(MAIL)
    (written,) = (tmp_path / "outbox").iterdir()
    assert written.name == "notification-42@sanchuang.local.eml"
    first = written.read_bytes()

    mailer.send(MAIL)
    assert list((tmp_path / "outbox").iterdir()) == [written]
    assert written.read_bytes() == first

    message = parse(first)
    assert message["Message-ID"] == MAIL.message_id
    assert message["Subject"] == MAIL.subject
    assert message.get_body(("plain",)).get_content().strip() == MAIL.text


def test_file_mailer_keeps_distinct_messages_apart(tmp_path: Path) -> None:
    mailer = FileMailer(tmp_path, SENDER)
    other = OutgoingMail(MAIL.to, "另一条通知", "正文", "<p>正文</p>", "<notification-43@x>")
    mailer.send(MAIL)
    mailer.send(other)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["notification-42@sanchuang.local.eml", "notification-43@x.eml"]
