"""The second pass of a roster import: rows checked together and against the roster, and
the new household and person rows of a clean file (see roster_import.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from workflows import roster_columns as rc
from workflows.roster_columns import Problem, problem
from workflows.roster_import import Checked, Entry, Stored


def plan(entries: list[Entry], stored: Stored, earlier: list[Problem]) -> Checked:
    """Every problem, sorted by row; the rows to insert when there is none."""
    problems = list(earlier) + list(duplicates(entries, stored))
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.household].append(entry)
    for household, members in groups.items():
        problems += household_problems(members, stored.households.get(household))
    problems.sort(key=lambda p: (p.row, rc.HEADERS.index(p.column) if p.column else -1))
    if problems:
        return Checked(problems)
    return Checked([], new_households(groups, stored), new_persons(groups, stored))


def duplicates(entries: list[Entry], stored: Stored) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for entry in entries:
        if entry.id_number in first:
            yield problem(entry.row, rc.ID_NUMBER, entry.id_number,
                          f"与第{first[entry.id_number]}行的身份证号重复",
                          "同一个人只填一行：删去重复的一行，或核对身份证号")
            continue
        first[entry.id_number] = entry.row
        if entry.id_number in stored.id_numbers:
            yield problem(entry.row, rc.ID_NUMBER, entry.id_number, "花名册中已有此人",
                          "已在花名册中的人不再导入：删去这一行")


def household_problems(members: list[Entry], stored_head: str | None) -> list[Problem]:
    head = members[0].head
    problems = [problem(m.row, rc.HEAD, m.head,
                        f"同一户的户主姓名不一致（第{members[0].row}行为“{head}”）",
                        "同一户的每一行写同一个户主姓名")
                for m in members[1:] if m.head != head]
    heads = [m for m in members if m.relation == rc.HEAD_RELATION]
    if stored_head is not None:
        if head != stored_head:
            problems.append(problem(members[0].row, rc.HEAD, head,
                                    f"花名册中此户的户主是“{stored_head}”",
                                    "核对户编号，或把户主姓名改为花名册中的户主"))
        problems += [problem(m.row, rc.RELATION, m.relation, "花名册中此户已有户主",
                             "新增的家庭成员填写与户主的关系，如 儿子、儿媳")
                     for m in heads]
        return problems
    if not heads:
        problems.append(problem(members[0].row, rc.RELATION, members[0].relation,
                                "新户没有户主：此户没有一行的与户主关系为“户主”",
                                "为户主本人加一行，与户主关系填“户主”"))
    problems += [problem(m.row, rc.RELATION, m.relation, "一户只能有一位户主",
                         "只给户主本人填“户主”") for m in heads[1:]]
    if heads and heads[0].name != head:
        problems.append(problem(heads[0].row, rc.NAME, heads[0].name,
                                f"户主本人的姓名与户主姓名“{head}”不一致",
                                "核对户主姓名"))
    return problems


def new_households(groups: dict[str, list[Entry]], stored: Stored) -> list[dict[str, Any]]:
    return [{"id": household, "village_id": members[0].village, "head_name": members[0].head}
            for household, members in groups.items() if household not in stored.households]


def new_persons(groups: dict[str, list[Entry]], stored: Stored) -> list[dict[str, Any]]:
    """Person ids are the household's id and a two-digit serial not yet taken."""
    rows = []
    for household, members in groups.items():
        serial = 0
        for entry in members:
            serial += 1
            while f"{household}{serial:02d}" in stored.person_ids:
                serial += 1
            rows.append({"id": f"{household}{serial:02d}", "village_id": entry.village,
                         "household_id": household, "name": entry.name,
                         "gender": entry.gender, "id_number": entry.id_number,
                         "birth_date": entry.born, "phone": entry.phone,
                         "relation": entry.relation, "vetoes": []})
    return rows
