"""``sanchuang review …`` drives the whole review on SQLite, in-process: events are handled
synchronously between commands instead of by a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario import draft
from typer.testing import CliRunner

from models import queries
from sanchuang.accounts import village_actor
from sanchuang.bootstrap import System, bootstrap
from sanchuang.cli.app import app
from sanchuang.policy.rubric_files import load_policy
from sanchuang.sample.roster import load_sample
from sanchuang.settings import Settings, get_settings
from workflows import commands as c
from workflows.vetting import vetting_policy

HOUSEHOLDS = ("430522100201001", "430522100202001", "430522100203001", "430522100204001")
PANEL = ("reviewer-1", "reviewer-2", "reviewer-3")
runner = CliRunner()


@pytest.fixture
def system(cli_system: System) -> System:
    load_sample(cli_system.store, households_per_village=3)
    return cli_system


PUBLIC_DETAILS = ("--basis", "新坪发〔2026〕3号", "--phone", "0739-6812345",
                  "--email", "wmb@xinping.example", "--address", "新坪镇人民政府三楼文明办")


def cli(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def drain(system: System) -> None:
    for _ in range(20):
        if not queries.pending_events(system.store):
            return
        system.bus.handle_events(queries.event_ids(system.store))
    raise AssertionError("events keep coming")


def stages(system: System, campaign_id: str) -> dict[str, str]:
    return {r["id"]: r["stage"] for r in queries.nominations(system.store, campaign_id)}


def submitted_campaign(system: System, tmp_path: Path,
                       more_rules: str = "") -> tuple[str, list[str], Path]:
    """A campaign from the sample rubric (plus ``more_rules`` YAML) with submitted drafts."""
    cli("rubric", "samples", str(tmp_path / "rubrics"))
    rubric = tmp_path / "rubrics" / "campaign-default.yaml"
    rubric.write_text(rubric.read_text(encoding="utf-8") + more_rules, encoding="utf-8")
    campaign_id = cli("review", "campaign", "create", "--rubric", str(rubric),
                      "--year", "2026", *PUBLIC_DETAILS).strip().splitlines()[-1]
    ids = [draft(system, campaign_id, h) for h in HOUSEHOLDS]
    for household, nomination_id in zip(HOUSEHOLDS, ids, strict=True):
        system.bus.handle(c.SubmitNominations((nomination_id,), village_actor(household[:12])))
    drain(system)
    return campaign_id, ids, rubric


def write_sheet(path: Path, keys: list[str], rows: dict[str, list[str]]) -> Path:
    lines = [",".join(["code", *keys])] + [",".join([code, *marks])
                                           for code, marks in rows.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_whole_review_runs_from_the_command_line(system: System, tmp_path: Path) -> None:
    campaign_id, ids, rubric = submitted_campaign(system, tmp_path)
    assert "道德模范户" in cli("review", "list", "--stage", "preliminary_review")
    cli("review", "accept", *(n[:8] for n in ids))
    drain(system)
    vetoed, passing, excepted = ids[0], ids[1:], ids[1]
    departments = vetting_policy(load_policy(rubric)).departments
    cli("review", "vetting", "veto", vetoed[:8], "--department", departments[0],
        "--note", "该户成员有涉赌违法记录")
    for department in departments:
        cli("review", "vetting", "clear", "--department", department, *passing)
    cli("review", "panel", "assign", "--programme", "道德模范户", *PANEL)
    keys = [k.key for k in load_policy(rubric).programme("model_household").rubric.criteria]
    sheet = write_sheet(tmp_path / "sheet.csv", keys, {n[:8]: ["1"] * len(keys) for n in passing})
    for reviewer in PANEL:
        cli("review", "score", "--reviewer", reviewer, "--sheet", str(sheet))
    drain(system)
    cli("review", "rank", "--programme", "model_household")
    out = cli("review", "approve", "--except", excepted[:8], "--reason", "经镇党委研究，暂缓表彰")
    assert "审定通过 2 件" in out
    assert stages(system, campaign_id) == {vetoed: "disqualified", excepted: "rejected",
                                           ids[2]: "publicity", ids[3]: "publicity"}
    actions = queries.actions_taken(system.store, campaign_id)
    assert actions[("model_household", "accept", "secretariat")] == 4
    assert actions[("model_household", "veto", "secretariat")] == 1
    assert actions[("model_household", "open_publicity", "approver")] == 2
    assert actions[("model_household", "reject", "approver")] == 1
    listed = cli("review", "list", "--stage", "rejected")
    assert excepted[:6] in listed
    assert "1 件" in listed


def test_a_bad_mark_on_the_score_sheet_changes_nothing(system: System, tmp_path: Path) -> None:
    _, ids, rubric = submitted_campaign(system, tmp_path)
    cli("review", "accept", *ids)
    cli("review", "panel", "assign", "--programme", "model_household", *PANEL)
    keys = [k.key for k in load_policy(rubric).programme("model_household").rubric.criteria]
    good = ["1"] * len(keys)
    for bad, message in (("x", "不是数字"), ("5", "超出范围")):
        sheet = write_sheet(tmp_path / "bad.csv", keys,
                            {ids[0][:8]: good, ids[1][:8]: [bad, *good[1:]]})
        out = cli("review", "score", "--reviewer", PANEL[0], "--sheet", str(sheet), code=2)
        assert "未执行" in out
        assert message in out
    with system.store.uow() as uow:
        assert not uow.reviews.scored_by(PANEL[0], ids)


def test_an_unknown_or_short_code_is_refused(system: System, tmp_path: Path) -> None:
    campaign_id, ids, _ = submitted_campaign(system, tmp_path)
    assert "找不到申报" in cli("review", "accept", "ffffffff", code=2)
    assert "太短" in cli("review", "accept", ids[0][:3], code=2)
    assert set(stages(system, campaign_id).values()) == {"preliminary_review"}


def test_a_campaign_needs_the_township_roster_first(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCHUANG_DATA_DIR", str(tmp_path / "empty"))
    get_settings.cache_clear()
    bootstrap(Settings(data_dir=tmp_path / "empty")).store.migrate()
    cli("rubric", "samples", str(tmp_path / "rubrics"))
    out = cli("review", "campaign", "create", "--rubric",
              str(tmp_path / "rubrics" / "campaign-default.yaml"), "--year", "2026", code=2)
    assert "先运行 sanchuang load-sample" in out
    get_settings.cache_clear()


def test_under_blind_review_a_reviewer_sees_no_names_while_scoring(system: System,
                                                                    tmp_path: Path) -> None:
    _, ids, _ = submitted_campaign(system, tmp_path, "\nextra:\n  panel:\n    blind: true\n")
    cli("review", "accept", *ids)
    seen_by_reviewer = cli("review", "list", "--as", PANEL[0])
    seen_by_office = cli("review", "list", "--as", "secretariat")
    assert "（匿名评审）" in seen_by_reviewer
    assert "家庭" not in seen_by_reviewer
    assert "（匿名评审）" not in seen_by_office
    assert "家庭" in seen_by_office


def test_a_campaign_without_its_basis_and_contacts_is_refused(system: System,
                                                               tmp_path: Path) -> None:
    cli("rubric", "samples", str(tmp_path / "rubrics"))
    out = cli("review", "campaign", "create", "--rubric",
              str(tmp_path / "rubrics" / "campaign-default.yaml"), "--year", "2026",
              "--phone", "0739-6812345", code=2)
    assert "依据文件文号（--basis）" in out
    assert "电子邮箱（--email）" in out
    assert "来信来访地址（--address）" in out
    assert "联系电话" not in out
    assert queries.latest_campaign_id(system.store) is None


def test_the_launch_notice_is_written_from_the_campaign(system: System, tmp_path: Path) -> None:
    cli("rubric", "samples", str(tmp_path / "rubrics"))
    campaign_id = cli("review", "campaign", "create", "--rubric",
                      str(tmp_path / "rubrics" / "campaign-default.yaml"), "--year", "2026",
                      *PUBLIC_DETAILS).strip()
    out = tmp_path / "docs" / "通知.html"
    assert "已写入启动通知" in cli("review", "campaign", "launch-notice", "--out", str(out),
                                  "--campaign", campaign_id)
    text = out.read_text(encoding="utf-8")
    assert "关于开展2026年度“三创”评选活动的通知" in text
    assert "新坪发〔2026〕3号" in text
    assert "0739-6812345" in text
