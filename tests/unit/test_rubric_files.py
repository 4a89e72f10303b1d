"""Rubric files: the shipped samples are sound, and every mistake is named with its line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sanchuang.cli.app import app
from sanchuang.policy.rubric_files import (
    SAMPLES,
    RubricFileInvalid,
    check_file,
    load_policy,
    policy_from_text,
    read_text,
    sample_texts,
)
from workflows.policy import Programme
from workflows.samples import default_policy

EXEMPLAR = """\
programmes:
  moral_exemplar:
    rubric:
      style: points
      award_threshold: 85
      criteria:
        - key: deeds
          name: 事迹突出
          max_points: 40
        - key: influence
          name: 社会影响
          max_points: 60
    quota:
      target: 2
"""

HOUSEHOLD = """\
programmes:
  model_household:
    rubric:
      style: stars
      award_threshold: 2
      bands:
        - name: 铜星
          min_stars: 1
        - name: 银星
          min_stars: 2
        - name: 金星
          min_stars: 3
      criteria:
        - {key: honest, name: 诚实守信}
        - {key: filial, name: 孝老爱亲}
        - {key: helpful, name: 助人为乐}
    quota:
      target: 6
"""

runner = CliRunner()


def errors_in(text: str) -> list[tuple[int, str]]:
    return [(error.line, error.message) for error in read_text(text, "方案.yaml")[1]]


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_small_files_the_mistakes_below_start_from_are_sound():
    assert errors_in(EXEMPLAR) == []
    assert errors_in(HOUSEHOLD) == []


@pytest.mark.parametrize(("text", "line", "message"), [
    pytest.param(edited(EXEMPLAR, "max_points: 40", "max_point: 40"), 9,
                 "未知字段“max_point”。评分项目可用的字段：key（项目代码）、name（项目名称）、"
                 "max_points（满分）", id="unknown-criterion-field"),
    pytest.param(edited(EXEMPLAR, "max_points: 40", "max_points: 四十"), 9,
                 "“max_points”（满分）应为数字，而不是“四十”", id="wrong-type"),
    pytest.param(edited(EXEMPLAR, "max_points: 60", "max_points: 0"), 12,
                 "满分应大于 0，而不是 0", id="full-marks-zero"),
    pytest.param(edited(EXEMPLAR, "award_threshold: 85", "award_threshold: 120"), 5,
                 "获评门槛 120 分超过满分 100 分（各项满分之和）：没有对象能达到",
                 id="threshold-above-full-marks"),
    pytest.param(edited(EXEMPLAR, "key: influence", "key: deeds"), 10,
                 "评分项目“deeds”重复（第 1 项已用过）：每项只能写一次", id="duplicate-criterion"),
    pytest.param(edited(EXEMPLAR, "key: deeds", "key: 事迹"), 7,
                 "项目代码“事迹”只能用英文字母、数字和下划线，并以字母开头，"
                 "如 honest、party_building",
                 id="criterion-key-not-an-identifier"),
    pytest.param(edited(EXEMPLAR, "award_threshold: 85\n", "award_threshold: 85\n"
                        "      award_threshold: 80\n"), 6,
                 "字段“award_threshold”重复：第 5 行已经写过，只保留一处", id="duplicate-yaml-key"),
    pytest.param(edited(EXEMPLAR, "award_threshold: 85\n", "award_threshold: 85\n"
                        "      weights:\n        panel: 50\n        public: 40\n"), 6,
                 "各来源的权重之和应为 100，现在是 90（panel 50 + public 40）",
                 id="weights-sum-90"),
    pytest.param(edited(EXEMPLAR, "award_threshold: 85\n", "award_threshold: 85\n"
                        "      weights:\n        panel: 50\n        villagers: 50\n"), 8,
                 "未知的评分来源“villagers”。可用的来源：panel（评审委员会评分）、"
                 "representatives（村民代表评议）、public（群众投票）、experts（专家评审）",
                 id="unknown-weight-source"),
    pytest.param(edited(EXEMPLAR, "      award_threshold: 85\n", ""), 3,
                 "缺少字段“award_threshold”（获评门槛）", id="missing-field"),
    pytest.param(edited(EXEMPLAR, "target: 2\n", "target: 2\n      ceiling: 1\n"), 15,
                 "名额上限 1 小于名额目标 2：上限应不小于目标（不设上限请删掉这一行）",
                 id="quota-ceiling-below-target"),
    pytest.param(edited(EXEMPLAR, "  moral_exemplar:", "  exemplar:"), 2,
                 "未知的评选项目“exemplar”。可用的项目：star_village（星级文明村）、"
                 "model_household（道德模范户）、moral_exemplar（道德标兵）",
                 id="unknown-programme"),
    pytest.param(edited(HOUSEHOLD, "min_stars: 2", "min_stars: 1"), 10,
                 "星级分档应从低到高排列：“银星”要求 1 星，不多于上一档“铜星”的 1 星",
                 id="bands-out-of-order"),
    pytest.param(edited(HOUSEHOLD, "min_stars: 3", "min_stars: 4"), 12,
                 "分档“金星”要求 4 星，应在 1 到 3（评分项目数）之间", id="band-beyond-criteria"),
    pytest.param(edited(HOUSEHOLD, "award_threshold: 2", "award_threshold: 4"), 5,
                 "获评门槛 4 星超过最多能得的 3 星（每个评分项目一星）：没有对象能达到",
                 id="stars-threshold-above-criteria-count"),
    pytest.param(edited(HOUSEHOLD, "style: stars\n", "style: stars\n      star_mark: 80\n"), 5,
                 "一项得星的分数线 80 高于这些项目的满分：诚实守信（满分 1）、孝老爱亲（满分 1）、"
                 "助人为乐（满分 1），它们永远得不到星", id="star-mark-above-full-marks"),
    pytest.param(edited(HOUSEHOLD, "style: stars", "style: grades"), 4,
                 "评分方式应为 stars（按项得星）、points（计分制），而不是“grades”",
                 id="unknown-style"),
])
def test_a_mistake_is_reported_once_with_its_line_and_what_to_do(text, line, message):
    assert errors_in(text) == [(line, message)]


def test_every_error_in_a_file_is_reported_in_line_order():
    text = edited(EXEMPLAR, "max_points: 40", "max_point: 40")
    text = edited(text, "key: influence", "key: deeds")
    text = edited(text, "target: 2", "target: 0")
    assert [line for line, _ in errors_in(text)] == [9, 10, 14]


def test_a_yaml_syntax_error_names_its_line():
    text = edited(EXEMPLAR, "          name: 社会影响", "\tname: 社会影响")
    [(line, message)] = errors_in(text)
    assert line == 11
    assert message.startswith("YAML 格式错误")


def test_an_empty_file_is_refused_with_a_hint():
    assert errors_in("# 只有说明\n") == [
        (1, "文件是空的：请从 sanchuang rubric samples 生成的样例改起")]


def test_a_file_with_errors_never_becomes_a_policy():
    with pytest.raises(RubricFileInvalid) as refusal:
        policy_from_text(edited(EXEMPLAR, "max_points: 40", "max_point: 40"), "方案.yaml")
    assert "方案.yaml:9: 未知字段“max_point”" in str(refusal.value)


@pytest.mark.parametrize("name", SAMPLES)
def test_each_shipped_sample_is_sound(name):
    assert errors_in(sample_texts()[name]) == []


def test_the_default_sample_file_is_the_default_policy():
    policy = policy_from_text(sample_texts()["campaign-default.yaml"], "campaign-default.yaml")
    assert policy == default_policy()
    assert policy.content_hash() == default_policy().content_hash()


def test_the_points_sample_weights_the_exemplar_score_and_sets_an_application_threshold():
    policy = policy_from_text(sample_texts()["campaign-points.yaml"], "campaign-points.yaml")
    exemplar = policy.programme(Programme.MORAL_EXEMPLAR)
    assert exemplar.rubric.weights == {"panel": 50, "representatives": 25, "public": 25}
    assert (exemplar.min_age, exemplar.posthumous_exempt) == (18, True)
    assert policy.programme(Programme.STAR_VILLAGE).rubric.apply_threshold == 90


def test_the_stored_form_of_a_policy_written_as_yaml_is_a_sound_file():
    stored = json.loads(json.dumps(default_policy().to_dict()))
    text = yaml.safe_dump(stored, allow_unicode=True)
    assert policy_from_text(text, "stored.yaml") == default_policy()


def test_rubric_check_prints_every_error_with_file_and_line_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(edited(HOUSEHOLD, "min_stars: 2", "min_stars: 1").replace(
        "award_threshold: 2", "award_threshold: 4"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(EXEMPLAR, encoding="utf-8")
    result = runner.invoke(app, ["rubric", "check", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:5: 获评门槛 4 星超过最多能得的 3 星" in result.output
    assert f"{bad}:10: 星级分档应从低到高排列" in result.output
    assert f"{good}：没有错误" in result.output
    assert "共 2 处错误（1 个文件）" in result.output


def test_rubric_check_reports_a_missing_file(tmp_path):
    result = runner.invoke(app, ["rubric", "check", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "none.yaml: 无法读取文件" in result.output


def test_rubric_samples_writes_files_that_rubric_check_accepts(tmp_path):
    folder = tmp_path / "方案"
    written = runner.invoke(app, ["rubric", "samples", str(folder)])
    assert written.exit_code == 0, written.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(SAMPLES)
    checked = runner.invoke(app, ["rubric", "check", *(str(folder / n) for n in SAMPLES)])
    assert checked.exit_code == 0, checked.output
    assert "道德模范户：按项得星，10 项，每项 1 分得一星，8 星以上获评" in checked.output
    assert load_policy(folder / "campaign-default.yaml") == default_policy()


def test_rubric_samples_never_overwrites_an_edited_file_without_force(tmp_path):
    runner.invoke(app, ["rubric", "samples", str(tmp_path)])
    edited_file = tmp_path / "campaign-default.yaml"
    edited_file.write_text(EXEMPLAR, encoding="utf-8")
    refused = runner.invoke(app, ["rubric", "samples", str(tmp_path)])
    assert refused.exit_code == 2
    assert "为免覆盖改过的方案，没有写入任何文件" in refused.output
    assert edited_file.read_text(encoding="utf-8") == EXEMPLAR
    forced = runner.invoke(app, ["rubric", "samples", str(tmp_path), "--force"])
    assert forced.exit_code == 0
    assert check_file(edited_file) == []
    assert edited_file.read_text(encoding="utf-8") == sample_texts()["campaign-default.yaml"]


def test_samples_into_a_path_that_is_a_file_are_refused_and_the_file_is_untouched(
        tmp_path: Path) -> None:
    plain = tmp_path / "passwd"
    plain.write_text("root:x:0:0\n", encoding="utf-8")
    refused = runner.invoke(app, ["rubric", "samples", str(plain)])
    assert refused.exit_code == 2
    assert "是一个文件，不是目录" in refused.output
    assert plain.read_text(encoding="utf-8") == "root:x:0:0\n"


def checked(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(error) for error in check_file(path)]


def test_a_billion_laughs_is_refused_at_the_first_alias_without_expanding_it(
        tmp_path: Path) -> None:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (error,) = checked(tmp_path, "\n".join(lines) + "\n")
    assert ":1: YAML 格式错误（不支持锚点和引用（& 和 *）" in error


def test_deep_nesting_is_refused_with_its_line_not_a_recursion_error(tmp_path: Path) -> None:
    (error,) = checked(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "嵌套超过 16 层" in error


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    (error,) = checked(tmp_path, "# " + "x" * (300 * 1024) + "\n")
    assert error.endswith("hostile.yaml: 无法读取文件：太大：不能超过 256 KB")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/"])
def test_a_device_or_a_folder_is_refused_without_reading_it(device: str) -> None:
    (error,) = [str(e) for e in check_file(Path(device))]
    assert "无法读取文件：不是普通文件" in error


@pytest.mark.parametrize(("value", "message"), [
    (".nan", "不是有限的数"), (".inf", "不是有限的数"), ("-.inf", "不是有限的数"),
    ("1.0e+23", "超出范围"), ("100000000000000000000000", "超出范围"),
])
def test_numbers_that_are_not_finite_or_absurdly_large_are_refused_at_their_line(
        tmp_path: Path, value: str, message: str) -> None:
    text = sample_texts()["campaign-default.yaml"]
    assert "publicity_days: 7" in text
    line = text[:text.index("publicity_days: 7")].count("\n") + 1
    found = checked(tmp_path, text.replace("publicity_days: 7", f"publicity_days: {value}", 1))
    assert found
    assert all(message in error for error in found), found
    assert f":{line}: " in found[0]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("publicity_days", 999, "公示天数最多为 60 天"),
    ("panel_quorum", 1000, "评审最少人数应在 1 到 99 人之间"),
])
def test_day_counts_and_panel_sizes_have_a_sane_ceiling(
        tmp_path: Path, field: str, value: int, message: str) -> None:
    text = sample_texts()["campaign-default.yaml"]
    found = checked(tmp_path, re.sub(rf"^{field}: .*$", f"{field}: {value}", text, count=1,
                                     flags=re.M))
    assert [error.split(": ", 1)[1] for error in found] == [message]
