"""``sanchuang attach ID FILE --purpose minutes|deeds|portrait --as ACCOUNT``: attach a file to a
nomination. A refusal (wrong type, too large, wrong village, wrong stage) is a DomainError,
which the main entry point reports in Chinese with exit status 2; nothing is stored then."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sanchuang.bootstrap import bootstrap
from workflows import commands as c
from workflows.errors import InvalidInput
from workflows.nomination import Actor
from workflows.stages import Role

console = Console()


def attach(
    nomination_id: Annotated[str, typer.Argument(help="申报 id")],
    file: Annotated[Path, typer.Argument(help="要上传的文件（PDF、JPEG 或 PNG）")],
    purpose: Annotated[str, typer.Option(
        help="用途：minutes（会议记录）/ deeds（事迹材料）/ portrait（个人照片）")],
    account: Annotated[str, typer.Option("--as", help="上传人的账号 id")],
) -> None:
    """为申报上传附件：按文件内容识别类型，超过大小上限的不收。"""
    system = bootstrap()
    limit = system.bus.deps.blobs.max_bytes if system.bus.deps.blobs else 0
    content = read_upload(file, limit)
    with system.store.uow() as uow:
        found = uow.directory.account(account)
    actor = Actor(found.id, Role(found.role), found.name, found.village_id)
    attachment_id = system.bus.handle(c.AttachFile(nomination_id, actor, purpose, file.name,
                                                   content))
    console.print(f"已上传附件 {file.name}，附件编号 {attachment_id}")


def read_upload(file: Path, limit: int) -> bytes:
    """The file's bytes: a regular file, never a link (it may point anywhere, such as
    /etc/shadow), read no further than one byte past the size limit."""
    if file.is_symlink():
        raise InvalidInput(f"{file} 是一个链接：请直接给出要上传的文件本身")
    if not file.is_file():
        raise InvalidInput(f"找不到文件 {file}（或它不是普通文件），请检查路径")
    with file.open("rb") as stream:
        content = stream.read(limit + 1)
    if len(content) > limit:
        raise InvalidInput(f"附件过大：每个附件不能超过 {limit / 1024 / 1024:.1f} MB，"
                           "请压缩或分页后再上传")
    return content
