"""Attachments: kind sniffed from the bytes, a size limit, stored once by hash, read by role."""

from __future__ import annotations

import hashlib

import pytest
from fakes import FakeBlobStore
from flows import APPROVER, CAMPAIGN_ID, REVIEWERS, SECRETARY, SHIMEN, WANLI, Flow

from workflows import commands as c
from workflows.errors import Forbidden, InvalidInput
from workflows.handlers.attachments import open_attachment
from workflows.ports import Account
from workflows.stages import Stage

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
LIMIT = 1024


@pytest.fixture
def att(flow: Flow) -> Flow:
    flow.bus.deps = type(flow.bus.deps)(flow.clock, flow.bus.deps.renderer,
                                        blobs=FakeBlobStore(max_bytes=LIMIT))
    return flow


def attach(flow: Flow, nomination_id: str, content: bytes, purpose: str = "minutes",
           actor=WANLI, filename: str = "会议记录.pdf") -> str:
    return flow.run(c.AttachFile(nomination_id, actor, purpose, filename, content))


def read(flow: Flow, attachment_id: str, actor) -> bytes:
    return open_attachment(flow.uow, flow.bus.deps.blobs, attachment_id, actor)[1]


def attach_entries(flow: Flow, nomination_id: str) -> list:
    return [e for e in flow.rows.audit if e.subject_id == nomination_id and e.action == "attach"]


def test_a_pdf_and_a_jpeg_are_accepted_and_stored_once_by_hash(att):
    wang, liu = att.create("h-wang"), att.create("h-liu")
    minutes = attach(att, wang, PDF)
    photo = attach(att, wang, JPEG, "deeds", filename="照片.jpg")
    attach(att, liu, PDF)
    rows = att.rows.attachments
    assert (rows[minutes].kind, rows[minutes].size) == ("pdf", len(PDF))
    assert rows[minutes].content_hash == hashlib.sha256(PDF).hexdigest()
    assert (rows[photo].kind, rows[photo].purpose, rows[photo].filename) == (
        "jpeg", "deeds", "照片.jpg")
    assert len(rows) == 3
    assert sorted(att.bus.deps.blobs.blobs) == sorted(
        hashlib.sha256(b).hexdigest() for b in (PDF, JPEG))
    assert att.bus.deps.blobs.writes == 2
    assert len(attach_entries(att, wang)) == 2
    assert read(att, minutes, WANLI) == PDF


def test_a_file_named_pdf_that_is_really_an_exe_is_refused_and_changes_nothing(att):
    wang = att.create()
    version = att.nomination(wang).version
    with pytest.raises(InvalidInput, match="附件类型不对.*PDF 文档"):
        attach(att, wang, EXE, filename="会议记录.pdf")
    assert att.rows.attachments == {}
    assert attach_entries(att, wang) == []
    assert att.nomination(wang).version == version
    assert att.bus.deps.blobs.blobs == {}


def test_a_file_over_the_size_limit_is_refused_and_changes_nothing(att):
    wang = att.create()
    with pytest.raises(InvalidInput, match="附件过大"):
        attach(att, wang, PDF + b"\x00" * LIMIT)
    assert att.rows.attachments == {}
    assert attach_entries(att, wang) == []
    assert att.bus.deps.blobs.blobs == {}


def test_a_file_exactly_at_the_limit_is_accepted(att):
    attach(att, att.create(), PDF + b"\x00" * (LIMIT - len(PDF)))
    assert len(att.rows.attachments) == 1


def test_minutes_in_pdf_may_not_be_a_portrait(att):
    with pytest.raises(InvalidInput, match="个人照片只收JPEG 图片、PNG 图片"):
        attach(att, att.create(), PDF, "portrait")


def test_an_unknown_purpose_is_refused_with_the_choices(att):
    with pytest.raises(InvalidInput, match="minutes（会议记录）"):
        attach(att, att.create(), PDF, "receipt")


def test_the_same_file_twice_for_the_same_purpose_is_refused(att):
    wang = att.create()
    attach(att, wang, PDF)
    with pytest.raises(InvalidInput, match="无需重复上传"):
        attach(att, wang, PDF, filename="again.pdf")
    assert len(att.rows.attachments) == 1


def test_a_village_cannot_attach_to_or_read_another_villages_nomination(att):
    wang = att.create()
    with pytest.raises(Forbidden, match="只能为本村的申报上传附件"):
        attach(att, wang, PDF, actor=SHIMEN)
    assert att.rows.attachments == {}
    minutes = attach(att, wang, PDF)
    with pytest.raises(Forbidden, match="无权查看"):
        read(att, minutes, SHIMEN)


def test_a_village_cannot_attach_once_submitted_but_the_secretariat_can(att):
    wang = att.submitted()
    with pytest.raises(InvalidInput, match="已提交"):
        attach(att, wang, PDF)
    attach(att, wang, PDF, actor=SECRETARY)
    assert len(att.rows.attachments) == 1


def test_a_reviewer_and_the_approver_read_but_the_public_cannot(att):
    minutes = attach(att, att.create(), PDF)
    assert read(att, minutes, REVIEWERS[0]) == PDF
    assert read(att, minutes, APPROVER) == PDF
    with pytest.raises(Forbidden, match="无权查看"):
        read(att, minutes, None)


def test_once_a_panel_is_assigned_only_its_members_read(att):
    minutes = attach(att, att.create(), PDF)
    for reviewer in REVIEWERS:
        att.rows.accounts[reviewer.id] = Account(reviewer.id, reviewer.name, "reviewer")
    att.run(c.AssignReviewers(CAMPAIGN_ID, "model_household", (REVIEWERS[0].id,), SECRETARY))
    assert read(att, minutes, REVIEWERS[0]) == PDF
    with pytest.raises(Forbidden):
        read(att, minutes, REVIEWERS[1])


def test_the_public_sees_a_portrait_in_publicity_but_never_the_minutes(att):
    draft = att.create("h-liu")
    early = attach(att, draft, JPEG, "portrait", filename="portrait.jpg")
    with pytest.raises(Forbidden):
        read(att, early, None)
    _, (shown,) = att.in_publicity("h-wang")
    assert att.nomination(shown).stage is Stage.PUBLICITY
    portrait = attach(att, shown, PNG, "portrait", actor=SECRETARY, filename="照片.png")
    minutes = attach(att, shown, PDF, actor=SECRETARY)
    assert read(att, portrait, None) == PNG
    with pytest.raises(Forbidden):
        read(att, minutes, None)


def test_without_a_blob_store_attaching_is_refused(flow):
    with pytest.raises(InvalidInput, match="未配置附件存储"):
        attach(flow, flow.create(), PDF)
