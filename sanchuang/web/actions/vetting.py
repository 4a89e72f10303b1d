"""A department's answer to a vetting request (clear, or a finding with a note)."""

from __future__ import annotations

from sanchuang.accounts import User
from workflows.bus import MessageBus
from workflows.review_commands import AnswerVetting


def answer(bus: MessageBus, request_id: str, user: User, outcome: str, note: str) -> None:
    bus.handle(AnswerVetting(request_id, user.actor(), outcome, note))
