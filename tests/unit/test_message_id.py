"""The e-mail's Message-ID is derived from the notification, so a copy sent twice is one mail."""

from __future__ import annotations

from sanchuang.delivery.mail import OutgoingMail, build_message, message_id, safe_filename

SENDER = "三创办 <sanchuang@example.org>"


def test_the_same_notification_always_gets_the_same_message_id() -> None:
    assert message_id(42) == message_id(42) == "<notification-42@sanchuang.local>"


def test_different_notifications_never_share_a_message_id() -> None:
    ids = [message_id(n) for n in (1, 2, 12, 21, 42, 112, 1_000_000)]
    assert len(set(ids)) == len(ids)
    assert len({safe_filename(i) for i in ids}) == len(ids)  # one file each in the mail folder


def test_a_message_built_twice_for_one_notification_carries_one_message_id() -> None:
    mail = OutgoingMail("wanli@example.org", "提名已受理", "正文", "<p>正文</p>", message_id(42))
    first, second = build_message(mail, SENDER), build_message(mail, SENDER)
    assert first["Message-ID"] == second["Message-ID"] == "<notification-42@sanchuang.local>"
