"""The folder blob store, and attachments through the real unit of work on both databases."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from scenario import VILLAGE, draft, launch, system_on
from sqlalchemy import func, select

from models import tables as t
from models.store import Store
from sanchuang.accounts import village_actor
from sanchuang.runtime.blobs import FolderBlobStore
from workflows import commands as c
from workflows.errors import InvalidInput, NotFound
from workflows.handlers.attachments import open_attachment

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"


def files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_blob_is_written_under_its_hash_and_read_back(tmp_path: Path) -> None:
    blobs = FolderBlobStore(tmp_path)
    digest = blobs.put(PDF)
    assert digest == hashlib.sha256(PDF).hexdigest()
    assert files(tmp_path) == [tmp_path / digest[:2] / digest[2:4] / digest]
    assert blobs.read(digest) == PDF


def test_the_same_content_twice_is_one_file(tmp_path: Path) -> None:
    blobs = FolderBlobStore(tmp_path)
    first = blobs.put(PDF)
    mtime = (path := blobs.path(first)).stat().st_mtime_ns
    assert blobs.put(PDF) == first
    assert files(tmp_path) == [path]
    assert path.stat().st_mtime_ns == mtime


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    blobs = FolderBlobStore(tmp_path)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        blobs.put(PDF)
    assert files(tmp_path) == []


def test_reading_a_missing_blob_says_so(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="不在附件存储中"):
        FolderBlobStore(tmp_path).read(hashlib.sha256(b"gone").hexdigest())
    with pytest.raises(NotFound, match="不是有效的 sha256"):
        FolderBlobStore(tmp_path).read("../../etc/passwd")


def count(store: Store) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(t.AttachmentRow)) or 0)


def test_an_attachment_is_stored_and_read_back_on_both_databases(store: Store,
                                                                  tmp_path: Path) -> None:
    system = system_on(store, tmp_path)
    nomination_id = draft(system, launch(system))
    actor = village_actor(VILLAGE)
    attachment_id = system.bus.handle(c.AttachFile(nomination_id, actor, "minutes", "m.pdf", PDF))
    with pytest.raises(InvalidInput, match="附件类型不对"):
        system.bus.handle(c.AttachFile(nomination_id, actor, "deeds", "x.pdf", b"MZ\x90\x00"))
    assert count(store) == 1
    meta, content = open_attachment(store.uow(), system.bus.deps.blobs, attachment_id, actor)
    assert (meta.filename, meta.kind, meta.size, content) == ("m.pdf", "pdf", len(PDF), PDF)
    assert files(tmp_path / "data" / "blobs") != []
