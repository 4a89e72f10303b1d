"""``sanchuang attach ID FILE --purpose minutes|deeds|portrait --as ACCOUNT``: attach a file to a
nomination. A refusal (wrong type, too large, wrong village, wrong stage) is a DomainError,
which the main entry point reports in Chinese with exit status 2; nothing is stored then."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sanchuang.bootstrap import bootstrap
from sanchuang.runtime.files import read_named_file
from workflows import commands as c
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
    """The file's bytes: a regular file, never a link, read no further than the size limit."""
    return read_named_file(file, limit, "附件")
