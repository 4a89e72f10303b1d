"""Checking a roster import file row by row, and the rows to insert when it is clean.

Two passes: ``read_rows`` checks each row on its own (every cell, the village is known and
the importer's own, gender and birth date agree with the ID number); ``plan`` then checks
the rows together and against what the roster already holds (an ID number twice in the
file or already on the roster, a household's head) and names the new rows. A file with
any problem imports nothing: the caller inserts ``Checked.households``/``persons`` only
when ``Checked.problems`` is empty.

A household already on the roster may receive new members (its head's name must match);
a person whose ID number is already on the roster is a duplicate, so importing the same
file twice is refused row by row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workflows import roster_columns as rc
from workflows.roster_columns import CellError, Problem, problem


@dataclass(frozen=True)
class Sheet:
    """A table as read from a file: the header cells, and each data row with its number."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Entry:
    row: int
    village: str
    household: str
    head: str
    name: str
    id_number: str
    relation: str
    gender: str
    born: date
    phone: str | None


@dataclass(frozen=True)
class Stored:
    """What the roster already holds of the file's ID numbers and households."""

    id_numbers: frozenset[str] = frozenset()
    households: Mapping[str, str] = field(default_factory=dict)  # id → head's name
    person_ids: frozenset[str] = frozenset()


@dataclass
class Checked:
    problems: list[Problem] = field(default_factory=list)
    households: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems


def positions(headers: Iterable[str]) -> tuple[dict[str, int], list[Problem]]:
    """Where each known column is; a missing required column is a problem of row 1."""
    found: dict[str, int] = {}
    for index, text in enumerate(headers):
        key = rc.header_key(text)
        if key in rc.BY_HEADER and key not in found:
            found[key] = index
    missing = [problem(1, c.header, "", "缺少这一列",
                       f"在第1行加上列名“{c.header}”（可下载模板对照）")
               for c in rc.COLUMNS if c.required and c.header not in found]
    return found, missing


def read_rows(sheet: Sheet, villages: frozenset[str],
              allowed: frozenset[str] | None) -> tuple[list[Entry], list[Problem]]:
    """Each row checked on its own; ``allowed`` None lets rows of any known village in."""
    columns, problems = positions(sheet.headers)
    if problems:
        return [], problems
    if not sheet.rows:
        return [], [Problem(2, "", "", "文件中没有数据行", "从第2行起每行填写一个人")]
    entries = []
    for number, cells in sheet.rows:
        values = {h: (cells[i].strip() if i < len(cells) else "") for h, i in columns.items()}
        entry, found = read_row(number, values, villages, allowed)
        problems += found
        if entry is not None:
            entries.append(entry)
    return entries, problems


def read_row(number: int, values: dict[str, str], villages: frozenset[str],
             allowed: frozenset[str] | None) -> tuple[Entry | None, list[Problem]]:
    checked: dict[str, Any] = {}
    problems = []
    for column in rc.COLUMNS:
        value = values.get(column.header, "")
        try:
            checked[column.header] = cell(column, value, checked)
        except CellError as wrong:
            problems.append(problem(number, column.header, value, wrong.what, wrong.fix))
    village = checked.get(rc.VILLAGE)
    if village and village not in villages:
        problems.append(problem(number, rc.VILLAGE, village, "本镇没有这个村（居）代码"))
    elif village and allowed is not None and village not in allowed:
        problems.append(problem(number, rc.VILLAGE, village, "不是本村（居）的人员",
                                "只能导入本村（居）的花名册：删去这一行，或交由该村（居）导入"))
    problems += agreement(number, checked)
    if problems:
        return None, problems
    phone = checked[rc.PHONE] or None
    return Entry(number, village or "", checked[rc.HOUSEHOLD], checked[rc.HEAD],
                 checked[rc.NAME], checked[rc.ID_NUMBER], checked[rc.RELATION],
                 checked[rc.GENDER], checked[rc.BIRTH_DATE], phone), []


def cell(column: rc.Column, value: str, checked: dict[str, Any]) -> Any:
    if not value:
        if column.required:
            raise CellError("必填项为空")
        return ""
    rc.not_formula(column, value)
    if len(value) > column.max_length:
        raise CellError(f"内容太长：最多{column.max_length}个字符，实际{len(value)}个")
    if column.header == rc.HOUSEHOLD:
        village = checked.get(rc.VILLAGE)
        if not village:
            raise CellError("村（居）代码有误，无法核对户编号", "先改正本行的村（居）代码")
        return rc.household_code(value, village)
    return rc.CHECKS[column.header](value)


def agreement(number: int, checked: dict[str, Any]) -> list[Problem]:
    """Gender and birth date must agree with the (valid) ID number."""
    id_number = checked.get(rc.ID_NUMBER)
    if not id_number:
        return []
    problems = []
    gender = "男" if int(id_number[16]) % 2 else "女"
    if checked.get(rc.GENDER) and checked[rc.GENDER] != gender:
        problems.append(problem(number, rc.GENDER, checked[rc.GENDER],
                                f"与身份证号不一致：身份证号第17位表明是{gender}性",
                                "核对性别或身份证号"))
    born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    given = checked.get(rc.BIRTH_DATE)
    if given and given != born:
        problems.append(problem(number, rc.BIRTH_DATE, given.isoformat(),
                                f"与身份证号不一致：身份证号中的出生日期为{born.isoformat()}",
                                "核对出生日期或身份证号"))
    return problems


def id_numbers(entries: Iterable[Entry]) -> set[str]:
    return {e.id_number for e in entries}


def household_ids(entries: Iterable[Entry]) -> set[str]:
    return {e.household for e in entries}
