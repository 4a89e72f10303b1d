"""Campaign policies (rubrics, quotas, deadlines) kept in YAML files a township can edit.

A file is read into plain data while remembering the line of every key and list item, checked
by the domain's rules (``workflows.policy_rules``), and every problem is reported as
``file:line: message``. Only a file without problems becomes a ``CampaignPolicy``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sanchuang.runtime.files import UnreadableFile, read_named_file
from workflows.errors import InvalidInput
from workflows.policy import CampaignPolicy, policy_from_dict
from workflows.policy_rules import policy_problems
from workflows.policy_schema import Path as DataPath
from workflows.policy_schema import Problem

SAMPLES = ("campaign-default.yaml", "campaign-points.yaml")
#: A policy file is a few kilobytes; these bound what a hostile one can make the reader do.
MAX_BYTES, MAX_DEPTH = 256 * 1024, 16
EMPTY = "文件是空的：请从 sanchuang rubric samples 生成的样例改起"
SYNTAX_HINT = "请检查这一行及上一行的缩进（只用空格）、冒号后的空格和引号是否成对"


@dataclass(frozen=True)
class FileError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class RubricFileInvalid(InvalidInput):
    def __init__(self, errors: list[FileError]) -> None:
        self.errors = errors
        super().__init__(f"评分细则文件有 {len(errors)} 处错误，请改正后再试：\n"
                         + "\n".join(map(str, errors)))


class _Refused(yaml.MarkedYAMLError):
    """A file the reader will not read (aliases, nesting): said plainly, without a syntax hint."""


class _GuardedLoader(yaml.SafeLoader):
    """Refuses anchors and aliases (the "billion laughs") and nesting past ``MAX_DEPTH``
    while composing, before anything is built."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(problem="不支持锚点和引用（& 和 *）：请把内容直接写出来",
                                       problem_mark=event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(problem=f"嵌套超过 {MAX_DEPTH} 层：请按样例的层次书写",
                                           problem_mark=event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Reader:
    """Plain data from a YAML node tree, with the line of each key and list item."""

    def __init__(self, loader: yaml.SafeLoader) -> None:
        self.loader = loader
        self.lines: dict[DataPath, int] = {}
        self.problems: list[tuple[int, str]] = []

    def value(self, node: Node, path: DataPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def mapping(self, node: MappingNode, path: DataPath) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.problems.append((line, "字段名应为一个词，如 name、max_points"))
                continue
            key = self.loader.construct_object(key_node)
            if key in data:
                first = self.lines[(*path, key)]
                self.problems.append((line, f"字段“{key}”重复：第 {first} 行已经写过，只保留一处"))
                continue
            self.lines[(*path, key)] = line
            data[key] = self.value(value_node, (*path, key))
        return data


def read_text(text: str, file: str) -> tuple[Any, list[FileError]]:
    """The plain data in ``text`` and every problem found in it (none: the data is sound)."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [FileError(file, 0, f"文件太大：评选方案文件不能超过 {MAX_BYTES // 1024} KB")]
    loader = _GuardedLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [FileError(file, 1, EMPTY)]
        reader = _Reader(loader)
        data = reader.value(root, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        hint = "" if isinstance(error, _Refused) else f"：{SYNTAX_HINT}"
        return None, [FileError(file, line, f"YAML 格式错误（{error.problem}）{hint}")]
    except yaml.YAMLError as error:
        return None, [FileError(file, 1, f"YAML 格式错误：{error}")]
    finally:
        loader.dispose()
    found = [FileError(file, line, message) for line, message in reader.problems]
    found += [FileError(file, _line_of(reader.lines, p), p.message) for p in policy_problems(data)]
    return data, sorted(found, key=lambda e: e.line)


def check_file(path: Path) -> list[FileError]:
    return read_file(path)[1]


def read_file(path: Path) -> tuple[Any, list[FileError]]:
    """The plain data in the file at ``path`` and every problem with it."""
    try:
        text = read_named_file(path, MAX_BYTES, "评选方案文件").decode("utf-8")
    except UnreadableFile as refusal:
        return None, [FileError(str(path), 0, f"无法读取文件：{refusal.why}")]
    except UnicodeDecodeError:
        return None, [FileError(str(path), 1, "文件不是 UTF-8 编码：请在编辑器里另存为 UTF-8")]
    except OSError as error:
        return None, [FileError(str(path), 0, f"无法读取文件：{error.strerror}")]
    return read_text(text, str(path))


def policy_from_text(text: str, file: str) -> CampaignPolicy:
    data, errors = read_text(text, file)
    if errors:
        raise RubricFileInvalid(errors)
    return policy_from_dict(data)


def load_policy(path: Path) -> CampaignPolicy:
    """The campaign policy in the file, or a refusal listing every error with its line."""
    data, errors = read_file(path)
    if errors:
        raise RubricFileInvalid(errors)
    return policy_from_dict(data)


def sample_texts() -> dict[str, str]:
    """The shipped sample files by name, as written."""
    folder = resources.files("sanchuang.policy") / "rubrics"
    return {name: (folder / name).read_text(encoding="utf-8") for name in SAMPLES}


def _line_of(lines: dict[DataPath, int], problem: Problem) -> int:
    path = problem.path
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)
