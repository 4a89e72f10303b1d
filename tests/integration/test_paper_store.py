"""The paper channel on a real store and through the real command line: the right
nominations on each sheet, nothing personal printed, clear refusals with exit status 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from scenario import VILLAGE, launch, system_on
from sqlalchemy import select

from models import queries
from models import tables as t
from models.store import Store
from sanchuang.accounts import village_actor
from sanchuang.documents.paper import ScoreSheetRequest, assembly_sheet_pdf, score_sheet_pdf
from workflows import commands as c

OTHER_VILLAGE = "430522100202"
ID_NUMBER = re.compile(r"\d{17}[\dX]")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@dataclass
class Printed:
    store: Store
    campaign_id: str
    on_panel: list[tuple[str, str]]  # (nomination id, name) under panel review
    drafts: list[tuple[str, str]]  # (nomination id, name) of VILLAGE still in draft
    elsewhere: list[tuple[str, str]]  # drafts of OTHER_VILLAGE


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cells(text: str) -> set[str]:
    """The printed lines, each table cell on its own (a person's name is also the start of
    their household's name, so names are compared whole)."""
    return {line.strip() for line in text.splitlines()}


def nominate(store: Store, system: object, campaign_id: str, village: str,
             programme: str = "model_household", category: str = "") -> list[tuple[str, str]]:
    roster = queries.roster_overview(store)
    kind = "households" if programme == "model_household" else "persons"
    subjects = [s["id"] for s in roster[kind] if s["village_id"] == village][:2]
    ids = [system.bus.handle(c.CreateNomination(  # type: ignore[attr-defined]
        campaign_id, programme, s, village_actor(village), category=category)) for s in subjects]
    names = {r["id"]: r["display_name"] for r in queries.nominations(store, campaign_id)}
    return [(i, names[i]) for i in ids]


def to_panel(store: Store, ids: list[str]) -> None:
    """As if the village had voted and the township had accepted them."""
    with store.sessions() as session, session.begin():
        for nomination_id in ids:
            session.get(t.NominationRow, nomination_id).stage = "panel_review"


@pytest.fixture
def printed(store: Store, tmp_path: Path) -> Printed:
    system = system_on(store, tmp_path)
    campaign_id = launch(system)
    here = nominate(store, system, campaign_id, VILLAGE)
    there = nominate(store, system, campaign_id, OTHER_VILLAGE)
    exemplars = nominate(store, system, campaign_id, VILLAGE, "moral_exemplar", "孝老爱亲")
    to_panel(store, [here[0][0], there[0][0]])
    return Printed(store, campaign_id, [here[0], there[0]], [here[1], *exemplars], [there[1]])


def test_the_score_sheet_lists_the_nominations_under_panel_review(printed: Printed) -> None:
    request = ScoreSheetRequest("model_household", printed.campaign_id, all_reviewers=True)
    pages = text_of(score_sheet_pdf(printed.store, request))
    assert len(pages) == 5  # one sheet for each of the five reviewers
    first = pages[0]
    assert "新坪镇　2026年度“三创”评选活动" in first
    assert "道德模范户评审打分表" in first
    assert "评委：刘志明" in first
    assert "第 1 页 共 1 页" in first
    for nomination_id, name in printed.on_panel:
        assert name in cells(first)
        assert nomination_id[:6] in first
    for _, name in printed.drafts + printed.elsewhere:
        assert name not in cells(first)
    assert "爱党爱国" in flat(first)
    assert "湾里村" in first


def test_a_blind_score_sheet_prints_codes_instead_of_names(printed: Printed) -> None:
    request = ScoreSheetRequest("model_household", printed.campaign_id, ("reviewer-2",),
                                blind=True)
    (page,) = text_of(score_sheet_pdf(printed.store, request))
    assert "评委：陈秀英" in page
    assert "盲评" in page
    for nomination_id, name in printed.on_panel:
        assert nomination_id[:6] in page
        assert name not in page
    assert "湾里村" not in page


def test_the_assembly_sheet_lists_the_villages_nominees_still_before_the_township(
        printed: Printed) -> None:
    pages = text_of(assembly_sheet_pdf(printed.store, VILLAGE, printed.campaign_id, 40))
    text = "\n".join(pages)
    assert "村民代表会议签到及表决表" in text
    assert "湾里村" in text
    assert "到会人数须达到应到人数的三分之二以上；赞成票超过到会人数的一半为通过" in text
    for nomination_id, name in printed.drafts:
        assert name in cells(text)
        assert nomination_id[:6] in text
    for _, name in printed.on_panel + printed.elsewhere:
        assert name not in cells(text)
    assert f"第 1 页 共 {len(pages)} 页" in pages[0]


def test_no_sheet_prints_an_id_number_or_a_phone(printed: Printed) -> None:
    text = "\n".join(
        text_of(score_sheet_pdf(printed.store, ScoreSheetRequest(
            "model_household", printed.campaign_id, all_reviewers=True)))
        + text_of(assembly_sheet_pdf(printed.store, VILLAGE, printed.campaign_id)))
    person = t.PersonRow.__table__
    with printed.store.sessions() as session:
        private = session.execute(select(person.c.id_number, person.c.phone).where(
            person.c.village_id.in_([VILLAGE, OTHER_VILLAGE]))).all()
    assert private
    for id_number, phone in private:
        assert id_number not in text
        assert id_number[-6:] not in text
        assert not phone or phone not in text
    assert not ID_NUMBER.search(text)
    assert not MOBILE.search(text)


def run_cli(store: Store, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SANCHUANG_DATABASE_URL": store.url,
           "SANCHUANG_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "400"}
    return subprocess.run(
        [sys.executable, "-c", "from sanchuang.cli.app import main; main()", "paper", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture
def printed_sqlite(sqlite_store: Store, tmp_path: Path) -> Printed:
    system = system_on(sqlite_store, tmp_path)
    campaign_id = launch(system)
    here = nominate(sqlite_store, system, campaign_id, VILLAGE)
    to_panel(sqlite_store, [here[0][0]])
    return Printed(sqlite_store, campaign_id, [here[0]], [here[1]], [])


def test_the_cli_prints_both_sheets_for_the_latest_campaign(
        printed_sqlite: Printed, tmp_path: Path) -> None:
    score, assembly = tmp_path / "out" / "score.pdf", tmp_path / "out" / "assembly.pdf"
    done = run_cli(printed_sqlite.store, tmp_path, "score-sheet", "--programme", "道德模范户",
                   "--reviewer", "reviewer-1", str(score))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "评委：刘志明" in text_of(score.read_bytes())[0]
    done = run_cli(printed_sqlite.store, tmp_path, "assembly-sheet", "--village", VILLAGE,
                   "--rows", "12", str(assembly))
    assert done.returncode == 0, done.stdout + done.stderr
    assert printed_sqlite.drafts[0][1] in "\n".join(text_of(assembly.read_bytes()))


@pytest.mark.parametrize(("args", "message"), [
    (("score-sheet", "--programme", "foo"), "没有项目foo：可选star_village"),
    (("score-sheet", "--programme", "star_village"),
     "没有处于“评审中”阶段的申报：先由镇文明办初审通过"),
    (("score-sheet", "--programme", "model_household", "--campaign", "nope"), "找不到评选活动nope"),
    (("score-sheet", "--programme", "model_household", "--reviewer", "nobody"),
     "没有评委账号nobody：现有评委账号reviewer-1"),
    (("assembly-sheet", "--village", "999"), "找不到村（居）999：请核对村（居）代码"),
    (("assembly-sheet", "--village", OTHER_VILLAGE), "没有待村民代表会议表决的推荐对象"),
])
def test_the_cli_refuses_clearly_and_writes_nothing(
        printed_sqlite: Printed, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = tmp_path / "out.pdf"
    done = run_cli(printed_sqlite.store, tmp_path, *args, str(out))
    assert done.returncode == 2
    assert message in flat(done.stderr)
    assert not out.exists()


@pytest.mark.parametrize(("where", "message"), [
    ("folder", "是一个目录：请给出PDF文件名"),
    ("inside-a-file", "是一个文件，不能在其中保存"),
])
def test_an_output_that_cannot_be_a_file_is_refused_before_any_work(
        printed_sqlite: Printed, tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    out = tmp_path if where == "folder" else tmp_path / "plain.txt" / "sheet.pdf"
    done = run_cli(printed_sqlite.store, tmp_path, "score-sheet", "--programme",
                   "model_household", str(out))
    assert done.returncode == 2, done.stderr
    assert message in flat(done.stderr)
    assert "Traceback" not in done.stderr
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == "x"
