"""The columns of a roster import file (花名册导入), and the check of each cell on its own.

One row is one person. The header row names the columns in Chinese; their order is free,
other columns are ignored. A cell that fails its check becomes a ``Problem``: what is
wrong and how to fix it, with ID numbers and phone numbers masked (first 6 and last 4).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from workflows.disclosure import mask_id_number, mask_phone
from workflows.identity import (
    InvalidIdNumber,
    InvalidPhone,
    validate_id_number,
    validate_phone,
)

VILLAGE, HOUSEHOLD, HEAD = "村（居）代码", "户编号", "户主姓名"
NAME, ID_NUMBER, RELATION = "姓名", "身份证号", "与户主关系"
GENDER, BIRTH_DATE, PHONE = "性别", "出生日期", "联系电话"
HEAD_RELATION = "户主"
FORMULA_START = ("=", "+", "-", "@")
_VILLAGE_CODE = re.compile(r"\d{12}")
_HOUSEHOLD_CODE = re.compile(r"\d{1,4}|\d{15,16}")
_DATE = re.compile(r"(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T]00:00(?::00)?)?")
_NAME_MARKS = "·•."


@dataclass(frozen=True)
class Column:
    header: str
    required: bool
    max_length: int
    example: str
    rule: str


COLUMNS = (
    Column(VILLAGE, True, 12, "430522100201", "12位村（居）代码，须为本镇已有的村（居）"),
    Column(HOUSEHOLD, True, 16, "12",
           "本村户的序号（1至4位数字），或完整的15位户编号（以村代码开头）"),
    Column(HEAD, True, 30, "张建国", "户主的姓名；同一户的每一行都写同一个户主"),
    Column(NAME, True, 30, "李秀英", "本人姓名，只能是文字，可含间隔号“·”"),
    Column(ID_NUMBER, True, 18, "430522199001011235", "18位身份证号，最后一位为校验码（数字或X）"),
    Column(RELATION, True, 10, "配偶", "与户主的关系，户主本人写“户主”；每个新户恰有一位户主"),
    Column(GENDER, True, 1, "女", "男 或 女，须与身份证号第17位一致"),
    Column(BIRTH_DATE, True, 10, "1990-01-01", "年-月-日，如 1990-01-01，须与身份证号一致"),
    Column(PHONE, False, 20, "13812345678", "11位手机号码，可不填"),
)
HEADERS = tuple(column.header for column in COLUMNS)
BY_HEADER = {column.header: column for column in COLUMNS}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: the row as numbered in the file (the header is row 1)."""

    row: int
    column: str
    value: str
    problem: str
    fix: str


def shown(column: str, value: str) -> str:
    """The value as a report may show it: ID and phone numbers masked."""
    if column == ID_NUMBER and value:
        return mask_id_number(value)
    if column == PHONE and value:
        return mask_phone(value)
    return value


def problem(row: int, column: str, value: str, what: str, fix: str = "") -> Problem:
    return Problem(row, column, shown(column, value), what, fix or BY_HEADER[column].rule)


def header_key(text: str) -> str:
    """A header as written, with half-width brackets and spaces forgiven."""
    return text.strip().replace("(", "（").replace(")", "）").replace(" ", "")


class CellError(ValueError):
    def __init__(self, what: str, fix: str = "") -> None:
        super().__init__(what)
        self.what, self.fix = what, fix


def village_code(value: str) -> str:
    if not _VILLAGE_CODE.fullmatch(value):
        raise CellError("村（居）代码应为12位数字")
    return value


def household_code(value: str, village: str) -> str:
    """The household's id: a short serial becomes the village code and three digits."""
    if not _HOUSEHOLD_CODE.fullmatch(value):
        raise CellError("户编号格式不对")
    if len(value) <= 4:
        if int(value) == 0:
            raise CellError("户编号不能为0")
        return f"{village}{int(value):03d}"
    if not value.startswith(village):
        raise CellError("完整户编号的前12位应与本行的村（居）代码相同")
    return value


def not_formula(column: Column, value: str) -> None:
    """A cell that reads like a spreadsheet formula is text, and refused (not evaluated)."""
    if value.startswith(FORMULA_START) and column.header != PHONE:
        raise CellError("内容以 = + - @ 开头，像是公式：公式不会被计算，按文字处理",
                        f"删去开头的符号。{column.rule}")


def person_name(value: str) -> str:
    if not all(ch.isalpha() or ch in _NAME_MARKS for ch in value):
        raise CellError("含有文字以外的字符（数字、空格或符号）")
    return value


def relation(value: str) -> str:
    if not all(ch.isalpha() for ch in value):
        raise CellError("只能是文字，如 户主、配偶、儿子、女儿")
    return value


def id_number(value: str) -> str:
    try:
        return validate_id_number(value)
    except InvalidIdNumber as wrong:
        raise CellError(f"身份证号码{wrong.problem}", "核对身份证原件后重填") from None


def gender(value: str) -> str:
    if value not in ("男", "女"):
        raise CellError("性别只能填 男 或 女")
    return value


def birth_date(value: str) -> date:
    found = _DATE.fullmatch(value)
    if found is None:
        raise CellError("日期格式不对")
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        raise CellError("没有这一天") from None


def phone(value: str) -> str:
    try:
        return validate_phone(value)
    except InvalidPhone as wrong:
        raise CellError(f"手机号码{wrong.problem}") from None


CHECKS: dict[str, Callable[[str], object]] = {
    VILLAGE: village_code, NAME: person_name, HEAD: person_name, RELATION: relation,
    ID_NUMBER: id_number, GENDER: gender, BIRTH_DATE: birth_date, PHONE: phone,
}
