"""A real SMTP server (aiosmtpd) acting as the mailboxes, dropping copies by Message-ID
the way a mail system does."""

from __future__ import annotations

import socket
from collections import Counter
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Mailboxes:
    def __init__(self) -> None:
        self.by_message_id: dict[str, object] = {}
        self.received: Counter[str] = Counter()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        message_id = str(message["Message-ID"])
        self.received[message_id] += 1
        self.by_message_id.setdefault(message_id, message)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp() -> tuple[Controller, Mailboxes]:
    boxes = Mailboxes()
    controller = Controller(boxes, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, boxes
