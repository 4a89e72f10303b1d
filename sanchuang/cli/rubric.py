"""What ``sanchuang rubric`` does and prints: writes the shipped samples, checks files and
lists every error as ``file:line: message``, or summarises what a sound file sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from sanchuang.cli.refusals import refusals
from sanchuang.policy.rubric_files import FileError, check_file, load_policy, sample_texts
from workflows.errors import InvalidInput
from workflows.policy import PROGRAMME_NAMES_ZH, WEIGHT_SOURCES, CampaignPolicy, Rubric

Echo = Callable[[str], object]


def write_samples(directory: Path, force: bool = False) -> list[Path]:
    """Writes every sample or none: an existing file is only replaced when ``force`` says so."""
    texts = sample_texts()
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(f"{directory} 是一个文件，不是目录：请给出要写入样例的目录")
    targets = [directory / name for name in texts]
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise InvalidInput(f"这些文件已经存在：{'、'.join(existing)}。为免覆盖改过的方案，"
                           "没有写入任何文件；确需覆盖请加 --force")
    directory.mkdir(parents=True, exist_ok=True)
    for path, text in zip(targets, texts.values(), strict=True):
        path.write_text(text, encoding="utf-8")
    return targets


def check_files(paths: Sequence[Path], echo: Echo) -> int:
    """Prints every error of every file (or a summary of a sound one); 1 if any error."""
    errors: list[FileError] = []
    for path in paths:
        found = check_file(path)
        errors += found
        if found:
            for error in found:
                echo(str(error))
        else:
            echo(f"{path}：没有错误")
            for line in describe(load_policy(path)):
                echo(f"  {line}")
    if errors:
        files = len({error.file for error in errors})
        echo(f"共 {len(errors)} 处错误（{files} 个文件），请按行号逐条改正后再检查")
        return 1
    return 0


def describe(policy: CampaignPolicy) -> list[str]:
    lines = [f"公示 {policy.publicity_days} 天（"
             f"{'工作日' if policy.publicity_day_kind == 'working' else '自然日'}），"
             f"评审至少 {policy.panel_quorum} 人"]
    for programme, rules in policy.programmes.items():
        quota = f"名额 {rules.quota.target}" + (
            f"（上限 {rules.quota.ceiling}）" if rules.quota.ceiling is not None else "")
        lines.append(f"{PROGRAMME_NAMES_ZH[programme]}：{describe_rubric(rules.rubric)}；{quota}")
    return lines


def describe_rubric(rubric: Rubric) -> str:
    count = len(rubric.criteria)
    if rubric.style == "stars":
        text = (f"按项得星，{count} 项，每项 {rubric.star_mark:g} 分得一星，"
                f"{rubric.award_threshold:g} 星以上获评")
        if rubric.bands:
            text += "（" + "、".join(f"{b.name} {b.min_stars} 星" for b in rubric.bands) + "）"
    else:
        text = (f"计分制，{count} 项满分 {rubric.full_marks:g} 分，"
                f"{rubric.award_threshold:g} 分以上获评")
        if rubric.apply_threshold is not None:
            text += f"，自评 {rubric.apply_threshold:g} 分以上可申报"
        if rubric.weights:
            text += "，加权：" + "、".join(f"{WEIGHT_SOURCES[s]} {w:g}%"
                                         for s, w in rubric.weights.items())
    return f"{text}；第 {rubric.version} 版，指纹 {rubric.content_hash()[:12]}"


rubric_app = typer.Typer(help="评分细则文件：生成样例、检查错误", no_args_is_help=True)


@rubric_app.command("samples")
@refusals
def rubric_samples(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="写入的目录（不存在则新建）")],
    force: Annotated[bool, typer.Option(help="覆盖已有的同名文件")] = False,
) -> None:
    """把系统自带的评选方案样例（含评分细则）写入 DIR，供本镇修改。"""
    for path in write_samples(directory, force):
        typer.echo(f"已写入 {path}")


@rubric_app.command("check")
def rubric_check(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="要检查的方案文件")],
) -> None:
    """检查评选方案文件：列出每一处错误的文件和行号，有错误时退出码为 1。"""
    raise typer.Exit(check_files(files, typer.echo))
