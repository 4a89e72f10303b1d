"""``sanchuang verify`` on SQLite and PostgreSQL: a clean store passes, and every kind of
tampering someone with write access to the database can do is reported, even when they
recompute the SHA-256 chain and the stored head."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console
from scenario import VILLAGE, RecordingQueue, draft, launch, system_on
from sqlalchemy import delete, select, update

from models import tables as t
from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.cli.verify import verify_store
from workflows import commands as c
from workflows.audit import chain_entry
from workflows.audit_seal import HmacSigner, Signer, entry_seal, head_seal
from workflows.publicity import PublishedList, content_hash

AUD, HEAD = t.AuditRow.__table__, t.AuditHeadRow.__table__


@dataclass
class Township:
    store: Store
    campaign_id: str
    nomination_id: str  # five entries: create, record_assembly, submit, start_review, accept
    answer_id: str  # a vetting answer: a chain of one entry


@pytest.fixture
def township(store: Store, tmp_path: Path) -> Township:
    queue = RecordingQueue()
    system = system_on(store, tmp_path, queue)
    campaign_id = launch(system)
    nid = draft(system, campaign_id)
    system.bus.handle(c.SubmitNomination(nid, village_actor(VILLAGE)))
    queue.drain(system)
    system.bus.handle(c.AcceptNomination(nid, SECRETARIAT))
    queue.drain(system)
    with store.uow() as uow:
        request = uow.vetting.for_nominations([nid])[nid][0]
    system.bus.handle(c.AnswerVetting(request.id, SECRETARIAT, "clear"))
    return Township(store, campaign_id, nid, request.id)


def run_verify(store: Store, batch: int = 5000) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = verify_store(store, Console(file=out, width=300), batch)
    return status, out.getvalue().splitlines()


def findings(lines: list[str]) -> list[str]:
    return [line for line in lines if not line.startswith(("核对完毕", "已核对"))]


def entries(store: Store, subject_id: str) -> list[dict]:
    with store.engine.connect() as conn:
        query = select(AUD).where(AUD.c.subject_id == subject_id).order_by(AUD.c.seq)
        return [dict(r._mapping) for r in conn.execute(query)]


def rewrite_from(store: Store, subject_id: str, seq: int, signer: Signer | None) -> None:
    """What someone with the database but not the key does: change entry ``seq``, recompute
    the SHA-256 chain from there, and move the stored head (and, with a key of their own,
    reseal everything they touched with it)."""
    rows, prev = entries(store, subject_id), ""
    with store.engine.begin() as conn:
        for row in rows:
            if row["seq"] >= seq:
                fields = {k: row[k] for k in ("subject_id", "seq", "actor_id", "role", "action",
                                              "source", "target", "reason", "at")}
                if row["seq"] == seq:
                    fields["reason"] = "改过的理由"
                entry = chain_entry(prev, **fields)
                seal = entry_seal(signer, entry) if signer else row["seal"]
                conn.execute(update(AUD).where(AUD.c.id == row["id"]).values(
                    reason=entry.reason, prev_hash=entry.prev_hash, hash=entry.hash, seal=seal))
                row = {**row, "hash": entry.hash}
            prev = row["hash"]
        last = rows[-1]["seq"]
        seal = head_seal(signer, subject_id, last, prev) if signer else None
        conn.execute(update(HEAD).where(HEAD.c.subject_id == subject_id).values(
            hash=prev, **({"seal": seal} if seal else {})))
        conn.execute(update(t.NominationRow.__table__)
                     .where(t.NominationRow.__table__.c.id == subject_id)
                     .values(audit_head=prev))


def remove(store: Store, subject_id: str, seq: int) -> None:
    with store.engine.begin() as conn:
        conn.execute(delete(AUD).where(AUD.c.subject_id == subject_id, AUD.c.seq == seq))


def test_a_clean_store_passes_with_exit_status_0(township: Township) -> None:
    status, lines = run_verify(township.store, batch=2)  # chains span several batches
    assert findings(lines) == []
    assert status == 0
    assert lines[-1].startswith("核对完毕：审计链 ")
    assert lines[-1].endswith("未发现问题")


@pytest.mark.parametrize("resealed_with", [None, HmacSigner(b"a key the attacker made up")],
                         ids=["old-seals", "wrong-key"])
def test_a_rewritten_entry_is_reported_though_the_chain_and_head_were_recomputed(
        township: Township, resealed_with: Signer | None) -> None:
    nid = township.nomination_id
    rewrite_from(township.store, nid, 3, resealed_with)
    status, lines = run_verify(township.store)
    assert status == 1
    assert f"{nid}: 第 3 条被改动" in lines
    assert f"{nid}: 第 2 条被改动" not in lines
    assert any(line.startswith(f"{nid}: 链头") for line in lines)


def test_a_deleted_middle_entry_is_reported(township: Township) -> None:
    nid = township.nomination_id
    remove(township.store, nid, 3)
    status, lines = run_verify(township.store)
    assert (status, findings(lines)) == (1, [f"{nid}: 第 3 条被删除"])


def test_a_deleted_last_entry_is_reported(township: Township) -> None:
    nid = township.nomination_id
    remove(township.store, nid, 5)
    status, lines = run_verify(township.store)
    assert (status, findings(lines)) == (1, [f"{nid}: 第 5 条被删除"])


def test_a_deleted_vetting_answer_a_chain_of_one_entry_is_reported(township: Township) -> None:
    remove(township.store, township.answer_id, 1)
    status, lines = run_verify(township.store)
    assert status == 1
    assert findings(lines) == [
        f"{township.answer_id}: 整条记录被删除（链头记到第 1 条，条目一条不剩）"]


def test_swapped_sequence_numbers_are_reported_as_reordered(township: Township) -> None:
    nid = township.nomination_id
    with township.store.engine.begin() as conn:
        for old, new in ((2, 99), (3, 2), (99, 3)):
            conn.execute(update(AUD).where(AUD.c.subject_id == nid, AUD.c.seq == old)
                         .values(seq=new))
    status, lines = run_verify(township.store)
    assert (status, findings(lines)) == (1, [f"{nid}: 第 2 条顺序被调换",
                                             f"{nid}: 第 3 条顺序被调换"])


def publish(township: Township) -> str:
    entries = ({"nomination_id": township.nomination_id, "display_name": "张三家"},)
    meta = {"notice_no": "新坪公〔2026〕1号"}
    store = township.store
    with store.uow() as uow:
        doc = PublishedList(f"doc{township.nomination_id[:29]}", township.campaign_id,
                            "publicity_notice", 1, entries, content_hash(entries, meta),
                            uow.now, meta)
        uow.documents.add(doc)
        uow.commit()
    return doc.id


@pytest.mark.parametrize("recompute_digest", [False, True], ids=["digest-kept", "recomputed"])
def test_an_edited_published_document_is_reported(township: Township,
                                                  recompute_digest: bool) -> None:
    doc_id = publish(township)
    assert run_verify(township.store)[0] == 0
    forged = ({"nomination_id": township.nomination_id, "display_name": "李四家"},)
    digest = content_hash(forged, {"notice_no": "新坪公〔2026〕1号"})
    values = {"entries": list(forged), **({"content_hash": digest} if recompute_digest else {})}
    with township.store.engine.begin() as conn:
        conn.execute(update(t.PublishedListRow.__table__)
                     .where(t.PublishedListRow.__table__.c.id == doc_id).values(**values))
    status, lines = run_verify(township.store)
    assert status == 1
    assert findings(lines) == [f"{doc_id}: 公开文件内容与其摘要或封印不符（第 1 版）"]


def test_a_wrong_key_is_named_instead_of_listing_every_record(township: Township) -> None:
    store = township.store
    stranger = Store(store.url, signer=HmacSigner(b"not the key it was written with"))
    try:
        status, lines = run_verify(stranger)
    finally:
        stranger.dispose()
    assert status == 1
    assert [line for line in lines if township.nomination_id in line] == []
    assert any(line.startswith("审计密钥不对或缺失") for line in lines)
