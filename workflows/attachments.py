"""Attachments: signed assembly minutes, photos and documents of deeds, an exemplar's portrait.

Pure rules, no I/O: what kind a file is (sniffed from its first bytes, never from its name),
how large it may be, who may attach it at which stage, and who may read it afterwards.
A file is known by its content hash (sha256, hex), so the same bytes are stored once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import PurePosixPath, PureWindowsPath

from workflows.errors import Forbidden, InvalidInput
from workflows.nomination import Actor, Nomination
from workflows.stages import TERMINAL, Role, Stage

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MIB
MAX_FILENAME = 120


class Purpose(StrEnum):
    MINUTES = "minutes"    # signed minutes of the villager-representative assembly
    DEEDS = "deeds"        # photos or documents of the nominee's deeds
    PORTRAIT = "portrait"  # an exemplar's photo; may be shown on the publicity notice


class Kind(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    PDF = "pdf"


PURPOSE_NAMES_ZH = {Purpose.MINUTES: "会议记录", Purpose.DEEDS: "事迹材料",
                    Purpose.PORTRAIT: "个人照片"}
KIND_NAMES_ZH = {Kind.JPEG: "JPEG 图片", Kind.PNG: "PNG 图片", Kind.PDF: "PDF 文档"}
MAGIC = ((Kind.JPEG, b"\xff\xd8\xff"), (Kind.PNG, b"\x89PNG\r\n\x1a\n"), (Kind.PDF, b"%PDF-"))
ALLOWED = {Purpose.MINUTES: (Kind.PDF, Kind.JPEG, Kind.PNG),
           Purpose.DEEDS: (Kind.PDF, Kind.JPEG, Kind.PNG),
           Purpose.PORTRAIT: (Kind.JPEG, Kind.PNG)}
VILLAGE_EDITABLE = (Stage.DRAFT, Stage.RETURNED)
PUBLIC_STAGES = (Stage.PUBLICITY, Stage.COMMENDED)
STAFF = (Role.SECRETARIAT, Role.APPROVER)


@dataclass(frozen=True)
class Attachment:
    id: str
    nomination_id: str
    purpose: Purpose
    filename: str
    kind: Kind
    size: int
    content_hash: str
    uploaded_by: str
    uploaded_at: datetime


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sniff(content: bytes) -> Kind | None:
    """The kind the bytes really are, or None; the file name plays no part."""
    return next((kind for kind, magic in MAGIC if content.startswith(magic)), None)


def parse_purpose(value: str) -> Purpose:
    try:
        return Purpose(value)
    except ValueError:
        names = "、".join(f"{p.value}（{PURPOSE_NAMES_ZH[p]}）" for p in Purpose)
        raise InvalidInput(f"附件用途 {value!r} 不存在，请选择：{names}") from None


def clean_filename(filename: str) -> str:
    """The last part of the name as given (no folders), for display only."""
    name = PureWindowsPath(PurePosixPath(filename.strip()).name).name.strip()
    if not name:
        raise InvalidInput("请填写附件的文件名")
    return name[-MAX_FILENAME:]


def check_content(purpose: Purpose, content: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Kind:
    """The kind of an acceptable file, or a refusal saying what to upload instead."""
    if not content:
        raise InvalidInput("附件是空文件，请重新选择文件上传")
    if len(content) > max_bytes:
        raise InvalidInput(f"附件过大：{_size(len(content))}，每个附件不能超过 {_size(max_bytes)}，"
                           "请压缩或分页后再上传")
    kind = sniff(content)
    allowed = ALLOWED[purpose]
    if kind not in allowed:
        wanted = "、".join(KIND_NAMES_ZH[k] for k in allowed)
        raise InvalidInput(f"附件类型不对：文件内容不是{wanted}（不看文件扩展名），"
                           f"{PURPOSE_NAMES_ZH[purpose]}只收{wanted}")
    return kind


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MB" if n >= MIB / 10 else f"{n} 字节"


def check_attach(nomination: Nomination, actor: Actor) -> None:
    """Villages attach to their own drafts (and returned ones); the secretariat at any stage
    that is not final; nobody else."""
    if actor.role is Role.VILLAGE:
        if actor.village_id != nomination.village_id:
            raise Forbidden("村两委只能为本村的申报上传附件")
        if nomination.stage not in VILLAGE_EDITABLE:
            raise InvalidInput(f"{nomination.display_name} 已提交，村两委不能再上传附件；"
                               "如需补充材料，请联系镇文明办退回补充")
        return
    if actor.role is not Role.SECRETARIAT:
        raise Forbidden("只有村两委和镇文明办可以上传附件")
    if nomination.stage in TERMINAL:
        raise InvalidInput(f"{nomination.display_name} 的申报已结束，不能再上传附件")


def may_read(attachment: Attachment, nomination: Nomination, actor: Actor | None,
             panel: Collection[str] | None) -> bool:
    """``actor`` None is the public; ``panel`` None means no panel is assigned (every
    reviewer counts as the panel)."""
    if actor is None or actor.role is Role.SYSTEM:
        return (attachment.purpose is Purpose.PORTRAIT
                and nomination.stage in PUBLIC_STAGES)
    if actor.role is Role.VILLAGE:
        return actor.village_id == nomination.village_id
    if actor.role is Role.REVIEWER:
        return panel is None or actor.id in panel
    return actor.role in STAFF


def check_read(attachment: Attachment, nomination: Nomination, actor: Actor | None,
               panel: Collection[str] | None) -> None:
    if not may_read(attachment, nomination, actor, panel):
        raise Forbidden(f"您无权查看 {nomination.display_name} 的附件“{attachment.filename}”；"
                        "附件只对本村村两委、镇文明办、党委和本项目评审委员开放")
