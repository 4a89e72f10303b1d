"""The hash-chained audit log: an intact chain verifies, every kind of tampering is reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from workflows.audit import GENESIS, AuditEntry, chain_entry, first_entry, verify

START = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
STEPS = [("vc-wanli", "village_committee", "submit", "draft", "submitted", ""),
         ("system", "system", "start_review", "submitted", "preliminary_review", ""),
         ("sec-1", "secretariat", "return_for_revision", "preliminary_review",
          "returned_for_revision", "缺少村民代表会议记录"),
         ("vc-wanli", "village_committee", "resubmit", "returned_for_revision", "submitted", "")]


def build(subject_id: str = "n-1") -> list[AuditEntry]:
    entries, head = [], ""
    for seq, (actor, role, action, source, target, reason) in enumerate(STEPS, start=1):
        entry = chain_entry(head, subject_id=subject_id, seq=seq, actor_id=actor, role=role,
                            action=action, source=source, target=target, reason=reason,
                            at=START + timedelta(hours=seq))
        entries.append(entry)
        head = entry.hash
    return entries


def test_an_intact_chain_verifies_with_and_without_its_head():
    chain = build()
    assert verify(chain) == []
    assert verify(chain, head=chain[-1].hash) == []


def test_the_first_entry_links_to_genesis_and_each_next_to_the_one_before():
    chain = build()
    assert chain[0].prev_hash == GENESIS
    assert [e.prev_hash for e in chain[1:]] == [e.hash for e in chain[:-1]]
    assert len({e.hash for e in chain}) == len(chain)


def test_a_first_entry_is_number_one_of_a_chain_that_starts_at_genesis():
    entry = first_entry("obj-1", actor_id="public", role="public", action="file_objection",
                        target="received", at=START)
    assert (entry.seq, entry.prev_hash, entry.source, entry.reason) == (1, GENESIS, "", "")
    assert verify([entry], head=entry.hash) == []


def test_a_chain_opened_by_a_first_entry_verifies_with_its_next_entries():
    opening = first_entry("n-1", actor_id="vc-wanli", role="village_committee",
                          action="create", target="draft", at=START)
    following = chain_entry(opening.hash, subject_id="n-1", seq=2, actor_id="vc-wanli",
                            role="village_committee", action="submit", source="draft",
                            target="submitted", reason="", at=START + timedelta(hours=1))
    assert verify([opening, following], head=following.hash) == []


@pytest.mark.parametrize(("field", "value"), [
    ("reason", "材料齐全"), ("actor_id", "sec-2"), ("target", "panel_review"),
    ("at", START + timedelta(days=3)), ("role", "approver"),
])
def test_changing_any_field_of_an_entry_is_reported(field, value):
    chain = build()
    chain[2] = replace(chain[2], **{field: value})
    assert verify(chain, head=chain[-1].hash) == ["n-1: 第 3 条被改动"]


def test_a_changed_entry_with_a_recomputed_hash_breaks_the_link_to_the_next():
    chain = build()
    forged = chain_entry(chain[1].hash, **{**_fields(chain[2]), "reason": "材料齐全"})
    chain[2] = forged
    assert verify(chain, head=chain[-1].hash) == ["n-1: 第 4 条被改动"]


def test_deleting_a_middle_entry_is_reported():
    chain = build()
    del chain[1]
    problems = verify(chain, head=chain[-1].hash)
    assert "n-1: 第 2 条缺失或顺序错乱" in problems
    assert "n-1: 第 3 条被改动" in problems


def test_deleting_the_last_entry_is_detected_against_the_head():
    chain = build()
    head = chain[-1].hash
    del chain[-1]
    assert verify(chain) == []  # without the head a truncated chain looks whole
    assert verify(chain, head=head) == ["n-1: 最后一条与记录的链头不符（疑似被删除）"]


def test_replacing_the_last_entry_with_a_forged_one_is_detected_against_the_head():
    chain = build()
    head = chain[-1].hash
    chain[-1] = chain_entry(chain[-2].hash, **{**_fields(chain[-1]), "actor_id": "someone"})
    assert verify(chain) == []
    assert verify(chain, head=head) == ["n-1: 最后一条与记录的链头不符（疑似被删除）"]


def test_deleting_the_only_entry_is_detected_against_the_head():
    chain = build()[:1]
    head = chain[0].hash
    assert verify([], head=head) != []


def test_reordering_entries_is_reported():
    chain = build()
    chain[1], chain[2] = chain[2], chain[1]
    problems = verify(chain, head=chain[-1].hash)
    assert "n-1: 第 2 条缺失或顺序错乱" in problems
    assert "n-1: 第 3 条缺失或顺序错乱" in problems
    assert "n-1: 第 3 条被改动" in problems


def _fields(entry: AuditEntry) -> dict:
    return {k: getattr(entry, k) for k in ("subject_id", "seq", "actor_id", "role", "action",
                                           "source", "target", "reason", "at")}
