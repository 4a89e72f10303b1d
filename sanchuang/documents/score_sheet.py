"""The panel score sheet (评审打分表): one sheet per reviewer, rows in a fixed order, each
with the nomination's code so the clerk can enter the marks without guessing."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from models.paper_queries import SheetNomination
from sanchuang.documents.pdf import (
    CODE_FONT,
    FONT,
    Box,
    BoxWithLine,
    Page,
    SheetStart,
    fields,
    para,
)
from workflows.policy import Criterion, Rubric

BLANK_DATE = "______年____月____日"
BLANK_NAME = "____________________"
ROWS_WITH_SIGNATURE = 3  # the table's last rows, printed on the page the reviewer signs
INSTRUCTIONS = (
    "填表说明：",
    "1. 请对照评分细则逐项评分，每项分数须在该项分值范围内；印有方框的项目，达标的在方框内打“√”，"
    "不达标的留空。“合计”填各项分数之和（或达标项数）。",
    "2. 与申报对象是亲属、邻居或同户等有利害关系的，须在“回避”栏方框内打“√”并写明理由，"
    "该行不再评分。",
    "3. 请勿涂改“编号”；分数写错的，划线更正后在旁签名。",
    "4. 评审结束后，请在本表签名，当场交镇文明办，不得带离会场。",
)


@dataclass(frozen=True)
class ScoreSheet:
    campaign: str
    programme_name: str
    rubric: Rubric
    rows: list[SheetNomination]
    codes: dict[str, str]  # nomination id -> the code printed on its row
    with_category: bool
    blind: bool = False


def is_tick(criterion: Criterion) -> bool:
    """A yes/no criterion (met or not) is ticked, not scored."""
    return criterion.max_points == 1


def rubric_rule(rubric: Rubric) -> str:
    if rubric.style != "stars":
        return f"评定标准：总分 {rubric.award_threshold:g} 分以上为达标。"
    each = "每项达标计一星" if all(is_tick(c) for c in rubric.criteria) else (
        f"每项 {rubric.star_mark:g} 分以上计一星")
    return f"评定标准：{each}，{rubric.award_threshold:g} 星以上为达标。"


def _columns(sheet: ScoreSheet) -> list[tuple[str, float]]:
    identity = [] if sheet.blind else [("申报对象", 3.2 * cm), ("所在村（居）", 2.6 * cm)]
    category = [("类别", 1.8 * cm)] if sheet.with_category else []
    return [("序号", 1.1 * cm), ("编号", 2.0 * cm), *identity, *category]


def _criterion_head(criterion: Criterion) -> str:
    scale = "打√" if is_tick(criterion) else f"0～{criterion.max_points:g}分"
    return f"{criterion.name}\n{scale}"


def _tables(sheet: ScoreSheet, page: Page) -> tuple[list[Flowable], Table]:
    """The table as the rows that may run over pages and its last rows, which are kept on
    one page with the signature block (a sheet is never signed on a page without marks)."""
    fixed = _columns(sheet)
    total_head = "合计\n（星）" if sheet.rubric.style == "stars" else "合计\n（分）"
    tail = [(total_head, 1.4 * cm), ("回避\n（打√并写明理由）", 3.8 * cm)]
    spare = page.frame_width - sum(w for _, w in fixed + tail)
    criteria = sheet.rubric.criteria
    widths = [w for _, w in fixed] + [spare / len(criteria)] * len(criteria) + [w for _, w in tail]
    head = [h for h, _ in fixed] + [_criterion_head(c) for c in criteria] + [h for h, _ in tail]
    body = [_row(sheet, n, i, widths[-1]) for i, n in enumerate(sheet.rows, 1)]
    split = max(len(body) - ROWS_WITH_SIGNATURE, 0)
    first = [[para(h, 8, 1) for h in head], *body[:split]]
    last = body[split:] if split else first[:1] + body
    return ([_grid(first, widths, header=True)] if split else []), _grid(last, widths, not split)


def _grid(rows: list[list[object]], widths: list[float], header: bool) -> Table:
    heights = ([None] if header else []) + [1.0 * cm] * (len(rows) - int(header))
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=int(header))
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 9), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, int(header)), (-1, -1), "CENTER"),
        ("FONT", (1, int(header)), (1, -1), CODE_FONT, 9),
        *([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))] if header else []),
    ]))
    return table


def _row(sheet: ScoreSheet, row: SheetNomination, number: int, recusal_width: float
         ) -> list[object]:
    identity: list[object] = [] if sheet.blind else [para(row.name, 9, 1), para(row.village, 9, 1)]
    category: list[object] = [para(row.category or "—", 8, 1)] if sheet.with_category else []
    marks: list[object] = [Box() if is_tick(c) else "" for c in sheet.rubric.criteria]
    recusal = BoxWithLine("理由", recusal_width - 4 * mm)
    return [str(number), sheet.codes[row.id], *identity, *category, *marks, "", recusal]


def sheet_story(sheet: ScoreSheet, page: Page, reviewer: str | None) -> list[Flowable]:
    """One reviewer's sheet (``reviewer`` None: a blank name line to fill in)."""
    mode = "盲评（只显示编号）" if sheet.blind else "记名评审"
    width = page.frame_width
    running, last = _tables(sheet, page)
    return [
        SheetStart(f"评委：{reviewer}" if reviewer else ""),
        para(f"{sheet.programme_name}评审打分表", 18, 1, space_after=8),
        fields([f"评选活动：{sheet.campaign}", f"项目：{sheet.programme_name}",
                f"评审方式：{mode}", f"共 {len(sheet.rows)} 件"],
               [9 * cm, 5 * cm, 7 * cm, width - 21 * cm]),
        fields([f"评委：{reviewer or BLANK_NAME}", f"评审日期：{BLANK_DATE}",
                rubric_rule(sheet.rubric)], [7 * cm, 7 * cm, width - 14 * cm]),
        *(para(line, 9) for line in INSTRUCTIONS),
        Spacer(1, 0.2 * cm),
        *running,
        KeepTogether([
            last,
            Spacer(1, 0.5 * cm),
            fields(["", f"评委签名：{BLANK_NAME}", f"日期：{BLANK_DATE}"],
                   [width - 16 * cm, 9 * cm, 7 * cm], 11),
        ]),
    ]


def score_story(sheet: ScoreSheet, page: Page, reviewers: list[str | None]) -> list[Flowable]:
    story: list[Flowable] = []
    for i, reviewer in enumerate(reviewers):
        if i:
            story.append(PageBreak())
        story += sheet_story(sheet, page, reviewer)
    return story
