"""The rows of a roster import file, checked one by one and together: what the report says
for each bad row, and the rows a clean file adds."""

from __future__ import annotations

from roster_rows import OTHER_VILLAGE, VILLAGE, family, id_number, row

from workflows.roster_columns import HEADERS, Problem
from workflows.roster_import import Checked, Sheet, Stored, read_rows
from workflows.roster_plan import plan

VILLAGES = frozenset({VILLAGE, OTHER_VILLAGE})


def check(rows: list[list[str]], stored: Stored | None = None,
          allowed: frozenset[str] | None = None,
          headers: tuple[str, ...] = HEADERS) -> Checked:
    sheet = Sheet(headers, tuple((n, tuple(r)) for n, r in enumerate(rows, start=2)))
    entries, problems = read_rows(sheet, VILLAGES, allowed)
    return plan(entries, stored or Stored(), problems)


def only(checked: Checked) -> Problem:
    assert len(checked.problems) == 1, checked.problems
    assert not checked.households
    assert not checked.persons
    return checked.problems[0]


def test_a_clean_family_adds_one_household_and_its_three_persons() -> None:
    checked = check(family())
    assert checked.clean
    assert checked.households == [{"id": "430522100201901", "village_id": VILLAGE,
                                    "head_name": "张建国"}]
    assert [p["id"] for p in checked.persons] == [
        "43052210020190101", "43052210020190102", "43052210020190103"]
    assert [p["relation"] for p in checked.persons] == ["户主", "配偶", "女儿"]


def test_a_wrong_check_digit_is_reported_with_the_number_masked() -> None:
    good = id_number("19800506", "131")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    found = only(check([row(number=bad)]))
    assert (found.row, found.column) == (2, "身份证号")
    assert found.value == bad[:6] + "********" + bad[-4:]
    assert f"校验码不对：最后一位应为{good[-1]}" in found.problem
    assert found.fix


def test_the_same_id_number_twice_in_the_file_is_a_duplicate_of_the_first_row() -> None:
    rows = family()
    rows.append(row("902", head="王五", name="王五", number=rows[0][4]))
    found = [p for p in check(rows).problems if p.column == "身份证号"]
    assert [(p.row, p.problem) for p in found] == [(5, "与第2行的身份证号重复")]


def test_a_person_already_on_the_roster_is_refused() -> None:
    rows = family()
    found = only(check(rows, Stored(id_numbers=frozenset({rows[1][4]}))))
    assert (found.row, found.problem) == (3, "花名册中已有此人")


def test_an_unknown_village_code_is_reported() -> None:
    found = only(check([row(village="430522100299")]))
    assert (found.column, found.value, found.problem) == (
        "村（居）代码", "430522100299", "本镇没有这个村（居）代码")


def test_a_clerk_may_not_import_another_villages_rows() -> None:
    rows = family() + family("903", village=OTHER_VILLAGE, k="2")
    checked = check(rows, allowed=frozenset({VILLAGE}))
    assert [(p.row, p.problem) for p in checked.problems] == [
        (5, "不是本村（居）的人员"), (6, "不是本村（居）的人员"), (7, "不是本村（居）的人员")]
    assert check(rows).clean  # the secretariat may


def test_bad_dates_and_phones_are_reported_per_cell() -> None:
    rows = [row(born="1980-02-30", number=id_number("19800506", "131")),
            row("904", head="赵六", name="赵六", phone="1381234")]
    problems = check(rows).problems
    assert [(p.row, p.column) for p in problems] == [(2, "出生日期"), (3, "联系电话")]
    assert problems[0].problem == "没有这一天"
    assert problems[1].value == "***1234"
    assert "长度不对" in problems[1].problem


def test_gender_and_birth_date_must_agree_with_the_id_number() -> None:
    number = id_number("19800506", "131")
    problems = check([row(number=number, gender="女", born="1980-05-07")]).problems
    assert [(p.column, p.problem) for p in problems] == [
        ("性别", "与身份证号不一致：身份证号第17位表明是男性"),
        ("出生日期", "与身份证号不一致：身份证号中的出生日期为1980-05-06")]


def test_a_formula_is_text_and_reported_never_evaluated() -> None:
    formula = '=HYPERLINK("http://evil.example","点我")'
    found = only(check([row(name=formula, head=formula)[:3] + ["张建国"] + row()[4:]]))
    assert (found.column, found.value) == ("户主姓名", formula)
    assert "像是公式" in found.problem


def test_missing_required_values_and_columns() -> None:
    found = only(check([row(name="")]))
    assert (found.column, found.problem) == ("姓名", "必填项为空")
    headers = tuple(h for h in HEADERS if h != "性别")
    missing = check([row()], headers=headers).problems
    assert [(p.row, p.column, p.problem) for p in missing] == [(1, "性别", "缺少这一列")]


def test_a_new_household_needs_exactly_one_head_named_as_the_head() -> None:
    rows = family()[1:]
    found = only(check(rows))
    assert found.problem.startswith("新户没有户主")
    renamed = family()
    renamed[0][3] = "张建军"
    assert only(check(renamed)).problem == "户主本人的姓名与户主姓名“张建国”不一致"


def test_new_members_join_a_household_already_on_the_roster() -> None:
    stored = Stored(households={"430522100201901": "张建国"},
                    person_ids=frozenset({"43052210020190101"}))
    checked = check(family()[1:], stored)
    assert checked.clean
    assert checked.households == []
    assert [p["id"] for p in checked.persons] == ["43052210020190102", "43052210020190103"]
    assert only(check(family()[:1], stored)).problem == "花名册中此户已有户主"
