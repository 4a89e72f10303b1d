"""Rows of a roster import file for the tests: valid ID numbers made with the check digit."""

from __future__ import annotations

from workflows.identity import check_character
from workflows.roster_columns import HEADERS

VILLAGE, OTHER_VILLAGE = "430522100201", "430522100202"


def id_number(born: str = "19900101", serial: str = "123", region: str = "430522") -> str:
    """A valid ID number; an odd last serial digit is a man's, an even one a woman's."""
    body = region + born + serial
    return body + check_character(body)


def row(household: str = "901", head: str = "张建国", name: str = "张建国",
        number: str = "", relation: str = "户主", gender: str = "男",
        born: str = "1980-05-06", phone: str = "13812345678",
        village: str = VILLAGE) -> list[str]:
    number = number or id_number(born.replace("-", ""), "131" if gender == "男" else "142")
    return [village, household, head, name, number, relation, gender, born, phone]


def family(household: str = "901", village: str = VILLAGE, k: str = "1") -> list[list[str]]:
    """A head, his wife and their daughter (``k`` varies their ID numbers)."""
    return [row(household, village=village, number=id_number("19800506", k + "31")),
            row(household, name="李秀英", relation="配偶", gender="女", born="1982-03-04",
                number=id_number("19820304", k + "42"), phone="", village=village),
            row(household, name="张小红", relation="女儿", gender="女", born="2008-10-11",
                number=id_number("20081011", k + "62"), phone="", village=village)]


def table(rows: list[list[str]], headers: tuple[str, ...] = HEADERS) -> list[list[str]]:
    return [list(headers), *rows]
