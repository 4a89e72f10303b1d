"""The documents of a whole demo campaign read as an official would sign them off."""

from __future__ import annotations

import re
from pathlib import Path

from campaigns import run_undisturbed, settings_for

from sanchuang.documents.notices import write_documents
from sanchuang.documents.render import DocumentRenderer


def test_the_demos_documents_name_levels_in_words_and_vary(tmp_path: Path) -> None:
    result = run_undisturbed(settings_for(tmp_path), seed=5)
    folder = tmp_path / "docs"
    names = {p.name for p in write_documents(result.store, DocumentRenderer(),
                                             result.campaign_id, folder)}
    assert {"launch_notice.html", "launch_notice.pdf", "publicity_notice-v1.html",
            "commendation_decision-v1.html",
            "honour_roll-2026.html"} <= names
    decision = (folder / "commendation_decision-v1.html").read_text(encoding="utf-8")
    village_titles = set(re.findall(r"“(.)星级文明村”称号", decision))
    household_titles = set(re.findall(r"“(.星)道德模范户”称号", decision))
    assert len(village_titles) >= 2, village_titles
    assert len(household_titles) >= 2, household_titles
    assert ">5星<" not in decision
    assert "分<" not in decision  # no panel score under a level column
    assert "<th>性别</th>" in decision
    assert "经村民代表会议评议推荐、镇文明办初审、相关部门联合审查、评审委员会评审" in decision
    notice = (folder / "publicity_notice-v1.html").read_text(encoding="utf-8")
    assert re.search(r"公示期为\d{4}年\d+月\d+日至\d+月\d+日（7天），\d+月\d+日24时截止。", notice)
    launch = (folder / "launch_notice.html").read_text(encoding="utf-8")
    assert "关于开展" in launch
    assert "新坪发〔" in launch
    assert "每村（居）推荐名额约" in launch
    roll = (folder / "honour_roll-2026.html").read_text(encoding="utf-8")
    assert "光荣榜" in roll
