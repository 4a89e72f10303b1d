"""Text from people, normalised on entry: NFC, control and invisible format characters
stripped, whitespace collapsed, lengths bounded; phones and e-mail addresses checked (masking is
workflows/disclosure.py's).

Every command handler that takes text from a person calls these, so the CLI, the workers and
the web layer all get the same rules and the same refusals."""

from __future__ import annotations

import re
import unicodedata

from workflows.errors import InvalidInput
from workflows.identity import InvalidPhone, validate_phone

#: Unicode categories removed: control characters (Cc) and invisible format characters (Cf,
#: e.g. U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF).
STRIPPED = frozenset({"Cc", "Cf"})
EMAIL_MAX = 254
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}")
_LANDLINE = re.compile(r"0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?")
_PHONE_SPACES = re.compile(r"[\s()（）]")


def _visible(value: str, keep: str = "") -> str:
    """NFC, then every control and format character removed except those in ``keep``."""
    value = unicodedata.normalize("NFC", value)
    return "".join(ch for ch in value
                    if ch in keep or unicodedata.category(ch) not in STRIPPED)


def _bounded(value: str, field: str, max_len: int, required: bool) -> str:
    if required and not value:
        raise InvalidInput(f"{field}不能为空（去掉空白和不可见字符后什么也没有）")
    if len(value) > max_len:
        raise InvalidInput(f"{field}太长：最多 {max_len} 个字，实际 {len(value)} 个字")
    return value


def clean_line(value: str, field: str, max_len: int, required: bool = True) -> str:
    """One line of text (a name, a title, a number): line breaks and runs of whitespace become
    one space, surrounding whitespace is dropped."""
    spaced = _visible(value, keep="\t\n\r\x0b\x0c")
    return _bounded(" ".join(spaced.split()), field, max_len, required)


def clean_text(value: str, field: str, max_len: int, required: bool = True) -> str:
    """Several lines of text (deeds, an objection, a reason): line breaks and tabs kept,
    trailing spaces of each line and surrounding blank lines dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in _visible(value, keep="\n\t").split("\n")]
    return _bounded("\n".join(lines).strip(), field, max_len, required)


def valid_phone(value: str, field: str = "电话") -> str:
    """A mainland mobile number (11 digits, 13–19…) or a landline with its area code, such as
    0739-6812345 or 0739-6812345-801; returned without spaces."""
    compact = _PHONE_SPACES.sub("", clean_line(value, field, 40))
    if _LANDLINE.fullmatch(compact):
        return compact
    try:
        return validate_phone(compact)
    except InvalidPhone as error:
        raise InvalidInput(f"{field}“{compact}”不是有效的电话号码：应为11位手机号码"
                           f"（如 13912345678）或带区号的固定电话（如 0739-6812345）"
                           f"；{error.problem}") from None


def valid_email(value: str, field: str = "电子邮箱") -> str:
    address = clean_line(value, field, EMAIL_MAX)
    if not _EMAIL.fullmatch(address):
        raise InvalidInput(f"{field}“{address}”不是有效的电子邮箱地址：应写成 名字@域名，"
                           "如 zhangsan@example.cn")
    return address


def valid_contact(value: str, field: str = "联系方式") -> str:
    """A phone number or an e-mail address, whichever the text looks like."""
    text = clean_line(value, field, EMAIL_MAX)
    if "@" in text:
        return valid_email(text, field)
    return valid_phone(text, field)
