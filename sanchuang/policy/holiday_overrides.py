"""A township's own days off and workdays (乡镇节假日调整), read from a small TOML file.

The file has at most two tables, each mapping a date to the reason for it::

    # 本镇在国务院办公厅放假安排之外的调整
    [extra_holidays]
    2026-11-20 = "镇庆放假一天"

    [extra_workdays]
    2026-11-21 = "迎接县级验收，周六上班"

Every mistake is refused with the file name, the line and what to write instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sanchuang.runtime.files import read_named_file
from workflows.errors import InvalidInput

#: table name -> kind of override
#: An overrides file lists a few dozen days; anything far larger is not one.
MAX_BYTES = 64 * 1024
TABLES = {"extra_holidays": "holiday", "extra_workdays": "workday"}
KIND_NAMES = {"holiday": "放假", "workday": "上班"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EXAMPLE = '如 [extra_holidays] 下写一行 2026-11-20 = "镇庆放假一天"'


class OverrideFileError(InvalidInput):
    """The township's override file cannot be used as written."""


@dataclass(frozen=True)
class Override:
    day: date
    kind: str  # "holiday" or "workday"
    reason: str
    line: int


@dataclass(frozen=True)
class TownshipOverrides:
    source: str
    entries: tuple[Override, ...] = ()

    def refuse(self, entry: Override, problem: str) -> OverrideFileError:
        return OverrideFileError(f"{self.source} 第 {entry.line} 行：{problem}")


def load_overrides(path: Path | str) -> TownshipOverrides:
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise OverrideFileError(f"找不到乡镇节假日调整文件 {path}；请检查路径")
    if path.is_dir():
        raise OverrideFileError(f"{path} 是一个目录；请给出乡镇节假日调整文件（TOML）")
    try:
        text = read_named_file(path, MAX_BYTES, "乡镇节假日调整文件").decode("utf-8")
    except UnicodeDecodeError:
        raise OverrideFileError(f"{path} 不是 UTF-8 编码；请另存为 UTF-8 后重试") from None
    except OSError as error:
        raise OverrideFileError(f"无法读取 {path}：{error.strerror}") from None
    return parse_overrides(text, str(path))


def parse_overrides(text: str, source: str = "乡镇节假日调整文件") -> TownshipOverrides:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+), column (\d+)", str(error))
        where = f"第 {found.group(1)} 行第 {found.group(2)} 列" if found else "某处"
        raise OverrideFileError(f"{source} {where}格式有误：日期不加引号、原因加双引号，"
                                f"{_EXAMPLE}") from None
    _refuse_unknown_tables(data, text, source)
    entries = [entry for table in TABLES for entry in _table_entries(data, table, text, source)]
    _refuse_both_kinds(entries, source)
    return TownshipOverrides(source, tuple(sorted(entries, key=lambda e: e.line)))


def _refuse_unknown_tables(data: dict[str, object], text: str, source: str) -> None:
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        name = unknown[0]
        raise OverrideFileError(
            f"{source} 第 {_line_of(text, name)} 行：不认识的项 {name}；"
            "只能有 [extra_holidays]（另行放假）和 [extra_workdays]（另行上班）两个表")


def _table_entries(data: dict[str, object], table: str, text: str, source: str
                   ) -> list[Override]:
    section = data.get(table, {})
    header = _line_of(text, table)
    if not isinstance(section, dict):
        raise OverrideFileError(
            f"{source} 第 {header} 行：{table} 应写成表，每行一个日期和原因，{_EXAMPLE}")
    return [_entry(key, value, TABLES[table], _line_of(text, key, after=header), source)
            for key, value in section.items()]


def _entry(key: str, reason: object, kind: str, line: int, source: str) -> Override:
    where = f"{source} 第 {line} 行"
    if not _ISO_DATE.fullmatch(key):
        raise OverrideFileError(f"{where}：{key} 不是日期；请写成 YYYY-MM-DD，{_EXAMPLE}")
    try:
        day = date.fromisoformat(key)
    except ValueError:
        raise OverrideFileError(f"{where}：没有 {key} 这一天；请核对月份和日子") from None
    if not isinstance(reason, str) or not reason.strip():
        raise OverrideFileError(
            f"{where}：{key} 缺少{KIND_NAMES[kind]}原因；请在等号后用双引号写明原因，{_EXAMPLE}")
    return Override(day, kind, reason.strip(), line)


def _refuse_both_kinds(entries: list[Override], source: str) -> None:
    seen: dict[date, Override] = {}
    for entry in entries:
        if entry.day in seen:
            first = seen[entry.day]
            raise OverrideFileError(
                f"{source} 第 {first.line} 行和第 {entry.line} 行：{entry.day.isoformat()} "
                "既放假又上班；请只保留一处")
        seen[entry.day] = entry


def _line_of(text: str, key: str, after: int = 0) -> int:
    """The line (from 1) where ``key`` is defined as a key or a table, or ``after`` if unseen."""
    quoted = re.escape(key)
    pattern = re.compile(rf"^\s*\[?\s*(?:[\w.-]+\.)?[\"']?{quoted}[\"']?\s*(?:=|\])")
    for number, line in enumerate(text.splitlines(), start=1):
        if number > after and pattern.match(line):
            return number
    return after
