"""The printed forms, laid out from plain rows (no store): what a reviewer or a village
meeting sees on paper, read back from the PDF."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from models.paper_queries import SheetNomination, VillageInfo
from sanchuang.documents.assembly_sheet import QUORUM_RULE, AssemblySheet, assembly_story
from sanchuang.documents.paper import programme_key, row_codes
from sanchuang.documents.pdf import Page, render
from sanchuang.documents.score_sheet import ScoreSheet, score_story
from workflows.policy import Programme
from workflows.samples import TEN_STAR_CRITERIA, default_policy

POLICY = default_policy()
HOUSEHOLDS = [
    SheetNomination(f"{i:02d}a1b2c3d4e5f60718293a4b5c6d7e8f", Programme.MODEL_HOUSEHOLD,
                    f"王建{'国民华强军'[i % 5]}{i}家庭", "430522100201", "湾里村", "")
    for i in range(1, 4)
]
EXEMPLAR = SheetNomination("ffee00112233445566778899aabbccdd", Programme.MORAL_EXEMPLAR,
                           "李<b>秀&英", "430522100202", "杨柳村", "孝老爱亲")


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Without line breaks: a narrow column wraps a heading over two lines."""
    return re.sub(r"\s+", "", text)


def household_sheet(rows: list[SheetNomination], blind: bool = False) -> ScoreSheet:
    return ScoreSheet("2026年度“三创”评选活动", "道德模范户",
                      POLICY.programme(Programme.MODEL_HOUSEHOLD).rubric, rows,
                      row_codes([r.id for r in rows]), with_category=False, blind=blind)


def print_score(sheet: ScoreSheet, reviewers: list[str | None]) -> list[str]:
    page = Page("新坪镇　2026年度“三创”评选活动", wide=True)
    return pages(render(page, score_story(sheet, page, reviewers), "评审打分表"))


def print_assembly(nominees: list[SheetNomination], rows: int = 40) -> list[str]:
    sheet = AssemblySheet("2026年度“三创”评选活动", VillageInfo("430522100201", "湾里村", 312),
                          nominees, row_codes([n.id for n in nominees]), rows)
    page = Page("新坪镇　2026年度“三创”评选活动")
    return pages(render(page, assembly_story(sheet, page.frame_width), "签到及表决表"))


def test_a_score_sheet_has_a_column_for_every_criterion_of_the_rubric() -> None:
    text = print_score(household_sheet(HOUSEHOLDS), ["刘志明"])[0]
    assert "道德模范户评审打分表" in text
    for _, name in TEN_STAR_CRITERIA:
        assert name in flat(text)
    assert text.count("打√") >= len(TEN_STAR_CRITERIA)  # yes/no criteria are ticked
    for heading in ("序号", "编号", "申报对象", "所在村（居）", "合计", "回避", "评委签名",
                    "填表说明"):
        assert heading in flat(text)


def test_a_points_criterion_shows_its_range() -> None:
    rubric = POLICY.programme(Programme.MORAL_EXEMPLAR).rubric
    sheet = ScoreSheet("活动", "道德标兵", rubric, [EXEMPLAR], row_codes([EXEMPLAR.id]),
                       with_category=True)
    text = print_score(sheet, [None])[0]
    assert "事迹突出" in text
    assert "0～40分" in text
    assert "0～30分" in text
    assert "类别" in text
    assert "孝老爱亲" in text
    assert "总分 85 分以上为达标" in text


def test_each_row_carries_the_name_the_village_and_the_code_of_its_nomination() -> None:
    text = print_score(household_sheet(HOUSEHOLDS), ["刘志明"])[0]
    for row in HOUSEHOLDS:
        assert row.name in text
        assert row.id[:6] in text
    assert "湾里村" in text
    assert "评委：刘志明" in text


def test_a_blind_sheet_shows_codes_but_no_names_or_villages() -> None:
    text = print_score(household_sheet(HOUSEHOLDS, blind=True), ["刘志明"])[0]
    assert "盲评" in text
    for row in HOUSEHOLDS:
        assert row.id[:6] in text
        assert row.name not in text
    assert "湾里村" not in text
    assert "所在村" not in text


def test_a_sheet_without_a_reviewer_leaves_a_line_for_the_name() -> None:
    text = print_score(household_sheet(HOUSEHOLDS), [None])[0]
    assert re.search(r"评委：_{10,}", text)


def test_each_reviewer_sheet_is_paged_on_its_own() -> None:
    many = [SheetNomination(f"{i:06x}{'f' * 26}", Programme.MODEL_HOUSEHOLD, f"户主{i}家庭",
                            "430522100201", "湾里村", "") for i in range(30)]
    printed = print_score(household_sheet(many), ["刘志明", "陈秀英"])
    per_sheet = len(printed) // 2
    assert per_sheet >= 2
    assert len(printed) == 2 * per_sheet
    for i, text in enumerate(printed):
        who = "刘志明" if i < per_sheet else "陈秀英"
        assert f"评委：{who}" in text
        assert f"第 {i % per_sheet + 1} 页 共 {per_sheet} 页" in text
    assert "户主29家庭" in printed[per_sheet - 1]
    assert "户主29家庭" in printed[-1]


def test_codes_grow_until_no_two_rows_share_one() -> None:
    codes = row_codes(["abcdef01", "abcdef02", "123456zz"])
    assert codes == {"abcdef01": "abcdef01", "abcdef02": "abcdef02", "123456zz": "123456zz"}
    assert row_codes(["abcdef0123", "fedcba0123"]) == {"abcdef0123": "abcdef",
                                                       "fedcba0123": "fedcba"}


@pytest.mark.parametrize(("given", "key"), [("道德模范户", "model_household"),
                                             (" star_village ", "star_village"),
                                             ("unknown", "unknown")])
def test_a_programme_may_be_named_in_chinese(given: str, key: str) -> None:
    assert programme_key(given) == key


def test_the_assembly_sheet_has_sign_in_rows_and_a_vote_row_per_nominee() -> None:
    text = "\n".join(print_assembly([*HOUSEHOLDS, EXEMPLAR], rows=10))
    assert "村民代表会议签到及表决表" in text
    assert "湾里村" in text
    assert QUORUM_RULE in text
    for heading in ("会议日期", "会议地点", "应到人数", "实到人数", "被推荐对象", "赞成", "反对",
                    "弃权", "记录人（签名）", "主持人（签名）"):
        assert heading in text
    for row in HOUSEHOLDS:
        assert row.name in text
        assert row.id[:6] in text
    assert "道德标兵（孝老爱亲）" in text
    numbers = re.findall(r"^(\d+)$", text.split("一、签到")[1].split("二、表决")[0], re.M)
    assert sorted(map(int, numbers)) == list(range(1, 11))


def test_names_are_printed_as_written() -> None:
    text = "\n".join(print_assembly([EXEMPLAR]))
    assert "李<b>秀&英" in text


def test_the_assembly_sheet_counts_its_pages() -> None:
    printed = print_assembly(HOUSEHOLDS, rows=40)
    assert len(printed) == 2
    assert "第 1 页 共 2 页" in printed[0]
    assert "第 2 页 共 2 页" in printed[1]


@pytest.mark.parametrize("count", range(6, 24))
def test_the_signature_block_is_on_the_page_of_the_last_row(count: int) -> None:
    rows = [SheetNomination(f"{i:02d}ffeeddccbbaa99887766554433221", Programme.MODEL_HOUSEHOLD,
                            f"赵家{i}家庭", "430522100201", "湾里村", "") for i in range(count)]
    sheet = household_sheet(rows)
    text = print_score(sheet, ["刘志明"])
    signed = [page for page in text if "评委签名" in page]
    assert len(signed) == 1
    assert sheet.codes[rows[-1].id] in signed[0]
