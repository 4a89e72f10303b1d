"""The SMS rule: 70 UTF-16 units in one message, 67 per part when concatenated; the
signature counted and never doubled; who is sent an SMS."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fakes import FakeRenderer
from pydantic import SecretStr

from sanchuang.delivery.deliver import make_texter
from sanchuang.delivery.render import Renderer
from sanchuang.delivery.sms import HttpSmsGateway, OutgoingSms, segments, signed, units
from sanchuang.settings import Settings
from workflows.handlers import Deps
from workflows.handlers.notify import compose
from workflows.ports import Account

SIGN = "【新坪镇文明办】"


@pytest.mark.parametrize(("length", "sizes"), [
    (1, [1]), (70, [70]), (71, [67, 4]), (134, [67, 67]), (135, [67, 67, 1]),
])
def test_chinese_text_is_cut_at_70_alone_and_67_per_part(length: int, sizes: list[int]) -> None:
    parts = segments("文" * length)
    assert [len(p) for p in parts] == sizes
    assert "".join(parts) == "文" * length


def test_a_character_outside_the_bmp_counts_two_and_is_never_cut() -> None:
    text = "文" * 66 + "𠀀" + "文" * 3  # 66 + 2 + 3 = 71 units: two parts
    assert units(text) == 71
    first, second = segments(text)
    assert first == "文" * 66  # the pair would make 68: it starts the next part
    assert second == "𠀀文文文"
    assert segments("文" * 68 + "𠀀") == ["文" * 68 + "𠀀"]  # exactly 70 units: one message


def test_the_signature_replaces_the_one_the_text_begins_with_and_counts() -> None:
    assert signed("【新坪镇文明办】湾里村：已受理。", SIGN) == "【新坪镇文明办】湾里村：已受理。"
    assert signed("【新坪镇文明办】湾里村：\n已受理。", "【新坪镇人民政府】") == \
        "【新坪镇人民政府】湾里村： 已受理。"
    assert signed("湾里村：已受理。", SIGN) == "【新坪镇文明办】湾里村：已受理。"
    body = HttpSmsGateway("http://gw", signature=SIGN).body(
        OutgoingSms("13800000000", "【新坪镇文明办】" + "文" * 62, "notification-1"))
    assert len(body["segments"]) == 1  # type: ignore[arg-type]
    body = HttpSmsGateway("http://gw", signature=SIGN).body(
        OutgoingSms("13800000000", "文" * 63, "notification-1"))
    assert [len(p) for p in body["segments"]] == [67, 4]  # type: ignore[union-attr]


WITH_MAIL = Account("acc-a", "湾里村村两委", "village_committee", "v-wanli", "a@example.cn",
                    "13800000001")
PHONE_ONLY = Account("acc-b", "石门村村两委", "village_committee", "v-shimen", None,
                     "13800000002")
NOTHING = Account("acc-c", "塘坪村村两委", "village_committee", "v-tang")


def channels(flow, deps: Deps) -> list[tuple[str, str, str | None]]:
    notes = compose(flow.uow, deps, 1, "received", [WITH_MAIL, PHONE_ONLY, NOTHING],
                    {"campaign": {"name": "2026年度", "year": 2026}})
    return [(n.recipient, n.channel, n.address) for n in notes]


def test_sms_goes_to_an_account_with_a_phone_and_no_address_when_sms_is_on(flow) -> None:
    deps = Deps(flow.clock, FakeRenderer(), email_enabled=True, sms_enabled=True)
    assert channels(flow, deps) == [
        ("account:acc-a", "inbox", None), ("account:acc-a", "email", "a@example.cn"),
        ("account:acc-b", "inbox", None), ("account:acc-b", "sms", "13800000002"),
        ("account:acc-c", "inbox", None)]
    assert ("account:acc-b", "sms", "13800000002") not in channels(
        flow, replace(deps, sms_enabled=False))


def test_the_sms_is_the_notifications_text_part(flow) -> None:
    class Real:
        def render(self, kind: str, context: dict) -> tuple[str, str, str]:
            out = Renderer().notification(kind, context)
            return out.subject, out.text, out.html

    context = {"campaign": {"name": "2026年度", "year": 2026},
               "nomination": {"id": 42, "display_name": "王建国家庭", "village_name": "石门村",
                              "programme_name": "道德模范户", "category": "",
                              "stage_name": "初审中"}}
    deps = Deps(flow.clock, Real(), sms_enabled=True)
    [_, sms] = compose(flow.uow, deps, 1, "received", [PHONE_ONLY], context)
    assert sms.channel == "sms"
    assert sms.status == "pending"
    assert sms.text.startswith("【新坪镇文明办】石门村村两委：石门村推荐的王建国家庭")
    assert "\n" not in sms.text
    assert len(segments(signed(sms.text, SIGN))) <= 2


def test_no_gateway_without_a_url_and_an_empty_token_sends_no_header() -> None:
    assert make_texter(Settings(sms_url="")) is None
    texter = make_texter(Settings(sms_url="https://sms.example/send", sms_token=SecretStr("")))
    assert isinstance(texter, HttpSmsGateway)
    assert (texter.token, texter.signature) == ("", "【新坪镇文明办】")
    with pytest.raises(ValueError, match="http"):
        HttpSmsGateway("file:///etc/passwd")
