"""The village assembly sheet (村民代表会议签到及表决表): sign-in rows, then one vote row per
nominee of the village, with the quorum rule printed so the meeting can check itself."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from models.paper_queries import SheetNomination, VillageInfo
from sanchuang.documents.pdf import CODE_FONT, FONT, SheetStart, fields, para
from workflows.policy import PROGRAMME_NAMES_ZH

TITLE = "村民代表会议签到及表决表"
QUORUM_RULE = "到会人数须达到应到人数的三分之二以上；赞成票超过到会人数的一半为通过"
BLANK = "________________"
BLANK_DATE = "______年____月____日"
GRID = [("FONT", (0, 0), (-1, -1), FONT, 10), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]


@dataclass(frozen=True)
class AssemblySheet:
    campaign: str
    village: VillageInfo
    nominees: list[SheetNomination]
    codes: dict[str, str]  # nomination id -> the code printed on its row
    sign_in_rows: int = 40


def _sign_in(rows: int, width: float) -> Table:
    """Numbered sign-in lines in two side-by-side halves: 1..k on the left, k+1..N right."""
    half = (rows + 1) // 2
    lines = [[str(i), "", "", str(i + half) if i + half <= rows else "", "", ""]
             for i in range(1, half + 1)]
    head = ["序号", "姓名（本人签名）", "村民小组"] * 2
    unit = width / 2
    widths = [1.2 * cm, unit - 3.9 * cm, 2.7 * cm] * 2
    table = Table([head, *lines], colWidths=widths, rowHeights=[0.8 * cm] * (half + 1),
                  repeatRows=1)
    table.setStyle(TableStyle([*GRID, ("LINEAFTER", (2, 0), (2, -1), 1.6, colors.black)]))
    return table


def _programme(row: SheetNomination) -> str:
    name = PROGRAMME_NAMES_ZH[row.programme]
    return f"{name}（{row.category}）" if row.category else name


def _votes(sheet: AssemblySheet, width: float) -> Table:
    head = ["序号", "编号", "被推荐对象", "项目（类别）", "赞成", "反对", "弃权", "结果"]
    fixed = [1.2 * cm, 2.0 * cm, None, 3.8 * cm, 1.6 * cm, 1.6 * cm, 1.6 * cm, 2.0 * cm]
    known = sum(w for w in fixed if w is not None)
    widths = [w if w is not None else width - known for w in fixed]
    rows = [[str(i), sheet.codes[n.id], para(n.name, 10, 1), para(_programme(n), 9, 1),
             "", "", "", "通过 / 未通过"] for i, n in enumerate(sheet.nominees, 1)]
    table = Table([head, *rows], colWidths=widths, repeatRows=1,
                  rowHeights=[0.8 * cm] + [1.0 * cm] * len(rows))
    table.setStyle(TableStyle([*GRID, ("FONT", (1, 1), (1, -1), CODE_FONT, 10),
                               ("FONTSIZE", (7, 1), (7, -1), 8),
                               ("TEXTCOLOR", (7, 1), (7, -1), colors.grey)]))
    return table


def assembly_story(sheet: AssemblySheet, width: float) -> list[Flowable]:
    village, half = sheet.village, width / 2
    return [
        SheetStart(village.name),
        para(TITLE, 18, 1, space_after=8),
        fields([f"评选活动：{sheet.campaign}"], [width]),
        fields([f"村（居）：{village.name}（代码 {village.id}，共 {village.households} 户）"],
               [width]),
        fields([f"会议日期：{BLANK_DATE}", f"会议地点：{BLANK}{BLANK}"], [7 * cm, width - 7 * cm]),
        fields(["应到人数：__________ 人", "实到人数：__________ 人"], [7 * cm, width - 7 * cm]),
        fields([f"表决规则：{QUORUM_RULE}。"], [width]),
        Spacer(1, 0.3 * cm),
        para("一、签到（到会人员本人签名）", 12, space_after=4),
        _sign_in(sheet.sign_in_rows, width),
        Spacer(1, 0.5 * cm),
        KeepTogether([
            para("二、表决（赞成、反对、弃权栏填写票数，三项之和应等于实到人数）", 12,
                 space_after=4),
            _votes(sheet, width),
        ]),
        Spacer(1, 0.8 * cm),
        KeepTogether([
            fields([f"记录人（签名）：{BLANK}", f"主持人（签名）：{BLANK}"], [half, half], 11),
            Spacer(1, 0.3 * cm),
            para("说明：本表由村（居）存档，复印件随申报材料报镇文明办；镇文明办按“编号”录入表决结果。",
                 9),
        ]),
    ]
