"""Score sheets typed into a spreadsheet and saved as CSV: read whole or refused whole.

Excel on a township PC saves CSV in GB18030 (GBK); elsewhere it is UTF-8, with or without a
byte-order mark. Anything else, a repeated column, a file too large or too long, and a mark
the criterion does not allow is refused, naming the row and the column."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from models.store import Store
from sanchuang.runtime.files import read_named_file
from workflows.errors import InvalidInput
from workflows.rubric import allowed_mark

#: Score-sheet columns that are read by people, not entered as marks.
SHEET_LABELS = {"name", "village", "申报对象", "村（居）", "项目", "备注"}
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class ScoreSheet:
    """Marks by code as written on the sheet, and the line each code was on."""

    marks: dict[str, dict[str, float]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def sheet_text(path: Path) -> str:
    """The sheet's text: a regular file (not a link), at most MAX_BYTES, UTF-8 or GB18030."""
    data = read_named_file(path, MAX_BYTES, "打分表")
    if b"\x00" in data:
        raise InvalidInput(f"打分表 {path} 不是文本文件：请在 Excel 中“另存为 CSV”后再录入")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(f"打分表 {path} 的编码无法识别：只接受 UTF-8 或 GBK/GB18030 编码的 CSV"
                       "（Excel“另存为”时选 CSV）")


def header(names: list[str], path: Path) -> list[str]:
    columns = [name.strip() for name in names]
    if "code" not in columns:
        raise InvalidInput(f"打分表 {path} 第 1 行缺少 code 列：第 1 行应为 code,评分项代码…")
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    if twice:
        raise InvalidInput(f"打分表 {path} 第 1 行的列 {'、'.join(twice)} 出现了不止一次："
                           "每个评分项只能有一列")
    return columns


def number(value: str, key: str, where: str) -> float:
    try:
        return float(value.strip())
    except ValueError:
        raise InvalidInput(f"{where}“{key}”的分数“{value.strip()}”不是数字，请改正后重新录入"
                           ) from None


def read_sheet(path: Path) -> ScoreSheet:
    """A ``code`` column, then one column per criterion key. Rows whose marks are all blank
    (the reviewer recused or did not score) are skipped."""
    rows = list(csv.reader(sheet_text(path).splitlines()))
    if not rows:
        raise InvalidInput(f"打分表 {path} 是空的")
    if len(rows) > MAX_ROWS + 1:
        raise InvalidInput(f"打分表 {path} 行数太多：最多 {MAX_ROWS} 行分数")
    columns, sheet = header(rows[0], path), ScoreSheet()
    for line, cells in enumerate(rows[1:], start=2):
        row = dict(zip(columns, (c.strip() for c in cells), strict=False))
        code = row.pop("code", "")
        where = f"打分表第 {line} 行（{code}）"
        marks = {k: number(v, k, where) for k, v in row.items()
                 if k and k not in SHEET_LABELS and v}
        if code and marks:
            if code in sheet.marks:
                raise InvalidInput(f"{where}：编号 {code} 出现了两次")
            sheet.marks[code], sheet.lines[code] = marks, line
    if not sheet.marks:
        raise InvalidInput(f"打分表 {path} 没有任何分数")
    return sheet


def check_allowed(store: Store, campaign_id: str, sheet: ScoreSheet,
                  found: Mapping[str, str]) -> None:
    """Each mark allowed by its criterion in the nomination's rubric; ``found`` maps the code
    on the sheet to the nomination id."""
    with store.uow() as uow:
        campaign = uow.campaigns.get(campaign_id)
        nominations = {n.id: n for n in uow.nominations.get_many(found.values())}
    for code, nomination_id in found.items():
        nomination = nominations[nomination_id]
        criteria = {c.key: c for c in
                    campaign.rubric(nomination.programme, nomination.rubric_version).criteria}
        for key, value in sheet.marks[code].items():
            if key in criteria:
                try:
                    allowed_mark(criteria[key], value)
                except InvalidInput as refusal:
                    raise InvalidInput(f"打分表第 {sheet.lines[code]} 行（{code}）“{key}”列："
                                       f"{refusal}") from None
