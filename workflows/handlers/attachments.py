"""Attaching files to a nomination, and reading them back under the read rule."""

from __future__ import annotations

from workflows import commands
from workflows.attachments import (
    KIND_NAMES_ZH,
    PURPOSE_NAMES_ZH,
    Attachment,
    check_attach,
    check_content,
    check_read,
    clean_filename,
    content_hash,
    parse_purpose,
)
from workflows.errors import InvalidInput
from workflows.handlers.context import Deps
from workflows.nomination import Actor
from workflows.ports import AttachmentUnitOfWork, BlobStore
from workflows.stages import Role


def attach_file(cmd: commands.AttachFile, uow: AttachmentUnitOfWork, deps: Deps) -> str:
    """Every check runs before anything is written; the blob is written last but one."""
    blobs = blob_store(deps.blobs)
    purpose = parse_purpose(cmd.purpose)
    filename = clean_filename(cmd.filename)
    kind = check_content(purpose, cmd.content, blobs.max_bytes)
    digest = content_hash(cmd.content)
    nomination = uow.nominations.get(cmd.nomination_id, lock=True)
    check_attach(nomination, cmd.actor)
    if any(a.content_hash == digest and a.purpose is purpose
           for a in uow.attachments.for_nomination(nomination.id)):
        raise InvalidInput(f"{nomination.display_name} 已有同一文件作为{PURPOSE_NAMES_ZH[purpose]}"
                           "，无需重复上传")
    now = deps.clock.now()
    attachment = Attachment(cmd.attachment_id, nomination.id, purpose, filename, kind,
                            len(cmd.content), digest, cmd.actor.id, now)
    nomination.record("attach", cmd.actor, now,
                      f"上传{PURPOSE_NAMES_ZH[purpose]}“{filename}”（{KIND_NAMES_ZH[kind]}，"
                      f"{len(cmd.content)} 字节，sha256 {digest}）")
    # The blob goes in only now that every check has passed. Should the transaction still
    # fail after this, the blob is an orphan: harmless, since it is addressed by its content
    # (a retry writes the same file again, idempotently) and no row points to it.
    blobs.put(cmd.content)
    uow.attachments.add(attachment)
    uow.nominations.save(nomination)
    return attachment.id


def open_attachment(uow: AttachmentUnitOfWork, blobs: BlobStore | None, attachment_id: str,
                    actor: Actor | None) -> tuple[Attachment, bytes]:
    """The attachment and its bytes, if ``actor`` (None: the public) may read it; opens its
    own unit of work (a read: nothing is committed)."""
    store = blob_store(blobs)
    with uow:
        attachment = uow.attachments.get(attachment_id)
        nomination = uow.nominations.get(attachment.nomination_id)
        panel = None
        if actor is not None and actor.role is Role.REVIEWER:
            members = uow.panel.members(nomination.campaign_id, nomination.programme.value)
            panel = set(members) or None
        check_read(attachment, nomination, actor, panel)
    return attachment, store.read(attachment.content_hash)


def blob_store(blobs: BlobStore | None) -> BlobStore:
    if blobs is None:
        raise InvalidInput("本系统未配置附件存储，暂不能上传或查看附件，请联系管理员")
    return blobs
