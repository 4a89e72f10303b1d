"""Hostile names, texts, numbers, dates, files and encodings through the CLI entry points:
each ends in a clear Chinese refusal (exit status 2, no traceback) with the store unchanged,
or in a normalised value. The cases run through ``main()`` in-process (the console script's
own code path, errors and all); a few also run as real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from scenario import draft
from sqlalchemy import func, select

from models import queries
from models.table_base import TableModel
from sanchuang.accounts import village_actor
from sanchuang.bootstrap import System, bootstrap
from sanchuang.cli.app import main
from sanchuang.policy.rubric_files import load_policy
from sanchuang.sample.roster import load_sample
from sanchuang.settings import Settings, get_settings
from workflows import commands as c
from workflows.stages import Stage
from workflows.vetting import vetting_policy

HOUSEHOLDS = ("430522100201001", "430522100202001")
PANEL = ("reviewer-1", "reviewer-2", "reviewer-3")
INVISIBLE = "\u200b\u202e\ufeff"


@dataclass
class Township:
    root: Path
    system: System
    ids: list[str]
    keys: list[str]

    def sheet(self, name: str, header: list[str] | None = None, mark: str = "1",
              encoding: str = "utf-8", rows: int | None = None) -> Path:
        """A score sheet for the two nominations (or ``rows`` copies of the first)."""
        header = header or ["code", "申报对象", *self.keys]
        marks = [mark, *["1"] * (len(header) - 3)]
        codes = [self.ids[0][:8]] * rows if rows else [n[:8] for n in self.ids]
        lines = [",".join(header)] + [",".join([code, "王家", *marks]) for code in codes]
        path = self.root / name
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
        return path


PUBLIC_DETAILS = ("--basis", "新坪发〔2026〕3号", "--phone", "0739-6812345",
                  "--email", "wmb@xinping.example", "--address", "新坪镇人民政府三楼文明办")


def run(*args: str) -> int:
    """``sanchuang ARGS`` through main(); its exit status."""
    old, sys.argv = sys.argv, ["sanchuang", *args]
    try:
        main()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    finally:
        sys.argv = old
    return 0


def snapshot(system: System) -> dict[str, object]:
    """Rows per table and each nomination's stage and version: what a refusal leaves alone."""
    with system.store.sessions() as session:
        found: dict[str, object] = {
            name: session.scalar(select(func.count()).select_from(table))
            for name, table in TableModel.metadata.tables.items()}
    with system.store.uow() as uow:
        for campaign_id in {queries.latest_campaign_id(system.store)}:
            for n in uow.nominations.in_stage(str(campaign_id), Stage.PANEL_REVIEW):
                found[n.id] = (n.stage, n.version)
    return found


@pytest.fixture(scope="module")
def township(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Township]:
    """Three households a village; two nominations in panel review with a panel of three."""
    root = tmp_path_factory.mktemp("badinput")
    os.environ["SANCHUANG_DATA_DIR"] = str(root / "data")
    get_settings.cache_clear()
    system = bootstrap(Settings(data_dir=root / "data"))
    system.store.migrate()
    load_sample(system.store, households_per_village=3)
    assert run("rubric", "samples", str(root / "rubrics")) == 0
    rubric = root / "rubrics" / "campaign-default.yaml"
    assert run("review", "campaign", "create", "--rubric", str(rubric), "--year", "2026",
               *PUBLIC_DETAILS) == 0
    campaign_id = str(queries.latest_campaign_id(system.store))
    ids = [draft(system, campaign_id, h) for h in HOUSEHOLDS]
    for household, nomination_id in zip(HOUSEHOLDS, ids, strict=True):
        system.bus.handle(c.SubmitNominations((nomination_id,), village_actor(household[:12])))
    drain(system)
    assert run("review", "accept", *ids) == 0
    drain(system)
    for department in vetting_policy(load_policy(rubric)).departments:
        assert run("review", "vetting", "clear", "--department", department, *ids) == 0
    assert run("review", "panel", "assign", "--programme", "model_household", *PANEL) == 0
    drain(system)
    keys = [k.key for k in load_policy(rubric).programme("model_household").rubric.criteria]
    yield Township(root, system, ids, keys)
    system.store.dispose()
    os.environ.pop("SANCHUANG_DATA_DIR", None)
    get_settings.cache_clear()


def drain(system: System) -> None:
    for _ in range(20):
        if not queries.pending_events(system.store):
            return
        system.bus.handle_events(queries.event_ids(system.store))
    raise AssertionError("events keep coming")


def link_to(target: str) -> Callable[[Township], Path]:
    def make(town: Township) -> Path:
        link = town.root / f"link-{abs(hash(target))}.csv"
        if not link.is_symlink():
            link.symlink_to(target)
        return link
    return make


#: (case id, arguments; ``{x}`` is filled in from the township, what the refusal must say)
FILES: dict[str, Callable[[Township], Path]] = {
    "latin1": lambda t: _raw(t.root / "latin1.csv",
                             f"code,{t.keys[0]}\n{t.ids[0][:8]},1\nNote,\xff\n".encode("latin-1")),
    "utf16": lambda t: t.sheet("utf16.csv", encoding="utf-16"),
    "duplicate-column": lambda t: t.sheet("dup.csv", ["code", "申报对象", *t.keys, t.keys[0]]),
    "half-on-yes-no": lambda t: t.sheet("half.csv", mark="0.5"),
    "too-many-rows": lambda t: t.sheet("rows.csv", rows=2001),
    "too-large": lambda t: _large(t.root / "large.csv"),
    "symlink": link_to("/etc/passwd"),
    "folder": lambda t: t.root,
    "missing": lambda t: t.root / "no-such.csv",
}
SHEET_REFUSALS = {
    "latin1": "编码无法识别：只接受 UTF-8 或 GBK/GB18030",
    "utf16": "不是文本文件",
    "duplicate-column": "出现了不止一次",
    "half-on-yes-no": "行（{code}）“{key}”列：",
    "too-many-rows": "行数太多：最多 2000 行",
    "too-large": "太大：不能超过 1024 KB",
    "symlink": "不是普通文件",
    "folder": "不是普通文件",
    "missing": "不是普通文件",
}


def _raw(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _large(path: Path) -> Path:
    path.write_bytes(b"code,x\n" + b"1" * (1024 * 1024))
    return path


def refused(capsys: pytest.CaptureFixture[str], town: Township, args: list[str],
            message: str) -> None:
    before = snapshot(town.system)
    code = run(*args)
    out = capsys.readouterr()
    assert code == 2, out
    assert "Traceback" not in out.err + out.out
    assert "未执行" in out.err + out.out
    assert message in out.err + out.out
    assert snapshot(town.system) == before


@pytest.mark.parametrize("case", list(FILES))
def test_a_bad_score_sheet_is_refused_and_nothing_is_scored(
        township: Township, capsys: pytest.CaptureFixture[str], case: str) -> None:
    path = FILES[case](township)
    message = SHEET_REFUSALS[case].format(code=township.ids[0][:8], key=township.keys[0])
    refused(capsys, township, ["review", "score", "--reviewer", PANEL[0], "--sheet", str(path)],
            message)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_a_score_sheet_saved_by_excel_in_gbk_or_utf8_with_bom_is_taken(
        township: Township, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    reviewer = PANEL[1] if encoding == "gb18030" else PANEL[2]
    path = township.sheet(f"{encoding}.csv", encoding=encoding)
    assert run("review", "score", "--reviewer", reviewer, "--sheet", str(path)) == 0
    assert "已录入" in capsys.readouterr().out
    with township.system.store.uow() as uow:
        assert uow.reviews.scored_by(reviewer, township.ids) == set(township.ids)


def test_the_console_script_refuses_a_linked_attachment_without_a_traceback(
        township: Township) -> None:
    link = link_to("/etc/passwd")(township)
    before = snapshot(township.system)
    done = subprocess.run(
        [sys.executable, "-c", "from sanchuang.cli.app import main; main()", "attach",
         township.ids[0], str(link), "--purpose", "deeds", "--as", "secretariat"],
        capture_output=True, text=True, env={**os.environ}, timeout=60, check=False)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "是一个链接" in done.stderr
    assert snapshot(township.system) == before


RUBRIC = "{root}/rubrics/campaign-default.yaml"
#: (arguments, what the refusal says); ``{id}`` is a nomination in panel review, ``{root}`` the
#: test's folder. Each must end in exit status 2 with "未执行", no traceback, nothing changed.
HOSTILE: dict[str, tuple[list[str], str]] = {
    "recuse-invisible-reason": (["review", "recuse", "{id}", "--reviewer", "reviewer-1",
                                 "--reason", INVISIBLE], "申请回避必须写明理由"),
    "recuse-unknown-reviewer": (["review", "recuse", "{id}", "--reviewer", "nobody[/]",
                                 "--reason", "亲属"], "nobody[/]"),
    "reject-invisible-reason": (["review", "reject", "{id}", "--reason", "\ufeff\u0000"],
                                "必须写明理由"),
    "return-unknown-id": (["review", "return", "zzzz[/]", "--reason", "缺材料"], "zzzz[/]"),
    "score-nan": (["review", "score", "{id}", "--reviewer", "reviewer-1", "--marks",
                   "{key}=nan,{others}"], "的分数 nan 超出范围"),
    "score-huge": (["review", "score", "{id}", "--reviewer", "reviewer-1", "--marks",
                    "{key}=1e400,{others}"], "的分数 inf 超出范围"),
    "score-nul": (["review", "score", "{id}", "--reviewer", "reviewer-1", "--marks", "\u0000"],
                  "分数"),
    "campaign-from-a-device": (["review", "campaign", "create", "--rubric", "/dev/zero",
                                "--year", "2026"], "不是普通文件"),
    "campaign-year-99999": (["review", "campaign", "create", "--rubric", RUBRIC,
                             "--year", "99999"], "99999"),
    "campaign-year-0": (["review", "campaign", "create", "--rubric", RUBRIC, "--year", "0"],
                        "年"),
    "campaign-invisible-name": (["review", "campaign", "create", "--rubric", RUBRIC, "--year",
                                 "2026", "--name", "\u200b\u202e", *PUBLIC_DETAILS],
                                "活动名称不能为空"),
    "list-unknown-stage": (["review", "list", "--stage", "[/]bogus"], "[/]bogus"),
    "list-unknown-campaign": (["review", "list", "--campaign", "\u0000x"], "评选活动"),
    "approve-exception-without-reason": (["review", "approve", "--except", "{id}"], "审定"),
    "paper-unknown-programme": (["paper", "score-sheet", "{root}/s.pdf", "--programme",
                                 "[red]nope"], "[red]nope"),
    "paper-village-path": (["paper", "assembly-sheet", "{root}/a.pdf", "--village",
                            "../../etc/passwd"], "../../etc/passwd"),
    "calendar-year-0": (["calendar", "end", "0000-01-01", "--days", "3"], "0000-01-01"),
    "calendar-overrides-device": (["calendar", "end", "2026-10-01", "--days", "3",
                                   "--overrides", "/dev/zero"], "不是普通文件"),
    "rubric-samples-into-a-device": (["rubric", "samples", "/dev/null"], "不是目录"),
    "clock-overflow": (["clock", "advance", "9" * 30 + "d"], "时长"),
    "load-sample-negative": (["load-sample", "--households-per-village", "-1"], "每村户数"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_input_at_every_entry_point_is_refused_and_changes_nothing(
        township: Township, capsys: pytest.CaptureFixture[str], case: str) -> None:
    args, message = HOSTILE[case]
    fill = {"id": township.ids[0][:8], "root": str(township.root), "key": township.keys[0],
            "others": ",".join(f"{key}=1" for key in township.keys[1:])}
    refused(capsys, township, [a.format(**fill) for a in args], message.format(**fill))


@pytest.mark.parametrize("account", ["[/]", "\u0000\u202e", "x" * 10_000, "../../etc/passwd"])
def test_an_inbox_or_status_of_a_hostile_name_prints_it_verbatim_and_changes_nothing(
        township: Township, capsys: pytest.CaptureFixture[str], account: str) -> None:
    before = snapshot(township.system)
    assert run("inbox", account) == 0
    assert run("status", "--campaign", account) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert snapshot(township.system) == before


def test_rubric_check_of_a_device_reports_it_without_reading_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run("rubric", "check", "/dev/zero", "/dev/urandom") == 1
    out = capsys.readouterr().out
    assert out.count("无法读取文件：不是普通文件") == 2
