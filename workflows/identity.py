"""PRC resident ID numbers and mainland mobile numbers: validation and ages
(masking is workflows/disclosure.py's).

ID numbers follow GB 11643-1999: six digits of region code, eight digits of birth
date (YYYYMMDD), three digits of sequence (the last one odd for men, even for women)
and one check character computed over the first seventeen.

Masking has ONE rule in this project: show the first 6 and the last 4 characters of
an ID number, replace everything in between with ``*``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from workflows.calendar import SHANGHAI

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
ID_LENGTH = 18
EXAMPLE_ID = "430522199001011235"
EXAMPLE_PHONE = "13812345678"
EARLIEST_BIRTH_YEAR = 1900

_MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s-]")


class InvalidIdNumber(ValueError):
    """An ID number that is not a valid 18-character PRC resident ID number."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(
            f"身份证号码{problem}。有效的身份证号码为18位：前17位为数字，"
            f"最后一位为数字或X（校验码），例如 {EXAMPLE_ID}。"
        )


class InvalidPhone(ValueError):
    """A phone number that is not a mainland mobile number."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(
            f"手机号码{problem}。有效的手机号码为11位数字，以13至19开头，例如 {EXAMPLE_PHONE}。"
        )


def check_character(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    if len(first17) != ID_LENGTH - 1 or not first17.isdecimal() or not first17.isascii():
        raise InvalidIdNumber("的前17位应为17个数字，才能计算校验码")
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def validate_id_number(s: str) -> str:
    """Return the normalised (upper-case X) ID number, or raise InvalidIdNumber."""
    if not isinstance(s, str):
        raise InvalidIdNumber("不是文本")
    value = s.strip().upper()
    if len(value) != ID_LENGTH:
        raise InvalidIdNumber(f"长度不对：应为18位，实际为{len(value)}位")
    body, last = value[:-1], value[-1]
    if not (body.isascii() and body.isdecimal()) or last not in "0123456789X":
        raise InvalidIdNumber("含有非法字符：前17位只能是数字，最后一位只能是数字或X")
    _parse_birth_date(body[6:14])
    expected = check_character(body)
    if last != expected:
        raise InvalidIdNumber(f"校验码不对：最后一位应为{expected}，实际为{last}")
    return value


def _parse_birth_date(digits: str) -> date:
    """The birth date encoded as YYYYMMDD, refusing impossible or future dates."""
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidIdNumber(f"中的出生日期不存在：{digits}") from None
    today = datetime.now(SHANGHAI).date()
    if born.year < EARLIEST_BIRTH_YEAR or born > today:
        raise InvalidIdNumber(f"中的出生日期不合理：{digits}")
    return born


def birth_date(id_number: str) -> date:
    """The birth date written in a (validated) ID number."""
    return _parse_birth_date(validate_id_number(id_number)[6:14])


def age_on(id_number_or_birth_date: str | date, on: date) -> int:
    """Age in full years on the given day (the birthday itself counts)."""
    if isinstance(id_number_or_birth_date, str):
        born = birth_date(id_number_or_birth_date)
    else:
        born = id_number_or_birth_date
    if on < born:
        raise ValueError(f"日期 {on.isoformat()} 早于出生日期 {born.isoformat()}")
    before_birthday = (on.month, on.day) < (born.month, born.day)
    return on.year - born.year - int(before_birthday)


def validate_phone(s: str) -> str:
    """Return the 11-digit mainland mobile number, or raise InvalidPhone.

    Spaces, hyphens and a leading +86 are tolerated and removed.
    """
    if not isinstance(s, str):
        raise InvalidPhone("不是文本")
    value = _SEPARATORS.sub("", s)
    if value.startswith("+86"):
        value = value[3:]
    if not (value.isascii() and value.isdecimal()):
        raise InvalidPhone("含有非数字字符")
    if len(value) != 11:
        raise InvalidPhone(f"长度不对：应为11位，实际为{len(value)}位")
    if not _MOBILE.fullmatch(value):
        raise InvalidPhone(f"号段不对：应以13至19开头，实际以{value[:2]}开头")
    return value
