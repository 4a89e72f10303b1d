"""Text from people is normalised on entry; phones and e-mails checked; contacts masked."""

from __future__ import annotations

import pytest

from workflows.disclosure import mask_contacts
from workflows.errors import InvalidInput
from workflows.text import clean_line, clean_text, valid_contact

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2064\ufeff"


@pytest.mark.parametrize(("given", "kept"), [
    ("  张\u0000三 ", "张三"),
    (f"李{INVISIBLE}四", "李四"),
    ("王\t五\n六", "王 五 六"),
    ("e\u0301", "\u00e9"),  # NFC
    ("\u202egnp.exe", "gnp.exe"),
])
def test_a_line_is_normalised(given: str, kept: str) -> None:
    assert clean_line(given, "姓名", 20) == kept


@pytest.mark.parametrize("given", ["", "   ", "\u200b", "\u0000\u0007", INVISIBLE, "\ufeff \n"])
def test_a_required_line_empty_after_normalising_is_refused_naming_the_field(given: str) -> None:
    with pytest.raises(InvalidInput, match="异议人姓名不能为空"):
        clean_line(given, "异议人姓名", 20)


def test_an_optional_line_may_be_empty() -> None:
    assert clean_line("\u200b", "备注", 20, required=False) == ""


def test_a_line_longer_than_allowed_is_refused_with_both_lengths() -> None:
    with pytest.raises(InvalidInput, match="最多 5 个字，实际 6 个字"):
        clean_line("一二三四五六", "姓名", 5)


def test_multi_line_text_keeps_its_lines_and_tabs_but_not_controls() -> None:
    given = "\ufeff第一行 \r\n\t第二\u0000行\u200b\r第三行\n\n"
    assert clean_text(given, "内容", 100) == "第一行\n\t第二行\n第三行"


@pytest.mark.parametrize(("given", "kept"), [
    ("139 1234 5678", "13912345678"),
    ("+86 139-1234-5678", "13912345678"),
    ("0739-6812345", "0739-6812345"),
    ("0739-6812345-801", "0739-6812345-801"),
    ("(0739)6812345", "07396812345"),
    (" zhang.san@example.cn ", "zhang.san@example.cn"),
])
def test_a_phone_or_e_mail_contact_is_accepted_normalised(given: str, kept: str) -> None:
    assert valid_contact(given) == kept


@pytest.mark.parametrize("given", [
    "12345", "abcdefghijk", "12912345678", "139123456789", "0739-123", "\u200b",
    "a@b", "@example.cn", "zhang@@example.cn", "x" * 250 + "@example.cn", "张三@例子.中国",
])
def test_a_contact_that_is_neither_a_phone_nor_an_e_mail_is_refused(given: str) -> None:
    with pytest.raises(InvalidInput, match="联系方式"):
        valid_contact(given)


@pytest.mark.parametrize(("given", "masked"), [
    ("电话13912341234请回电", "电话139****1234请回电"),
    ("电话 139 1234 1234。", "电话 139****1234。"),
    ("电话+86-13912341234", "电话139****1234"),
    ("电话１３９１２３４１２３４", "电话139****1234"),
    ("身份证430522199001011235号", "身份证430522********1235号"),
    ("身份证43052219900101123x", "身份证430522********123X"),
    ("编号2026年第3号，得分95分", "编号2026年第3号，得分95分"),
])
def test_phone_and_id_numbers_in_forwarded_text_are_masked(given: str, masked: str) -> None:
    assert mask_contacts(given) == masked
