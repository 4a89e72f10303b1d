"""The hash-chained audit log: an intact chain verifies, every kind of tampering is reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from workflows.audit import GENESIS, AuditEntry, chain_entry, first_entry, verify
from workflows.audit_seal import Head, HmacSigner, Sealed, check_chain, entry_seal, head_seal

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


KEY = HmacSigner(b"unit-test-audit-key")


def sealed(chain: list[AuditEntry], signer: HmacSigner = KEY) -> list[Sealed]:
    return [Sealed(e, entry_seal(signer, e)) for e in chain]


def head_of(chain: list[AuditEntry], signer: HmacSigner = KEY) -> Head:
    last = chain[-1]
    return Head(last.seq, last.hash, head_seal(signer, last.subject_id, last.seq, last.hash))


def test_a_seal_depends_on_the_key_and_on_nothing_else_but_the_entry():
    entry = build()[0]
    assert entry_seal(KEY, entry) == entry_seal(HmacSigner(b"unit-test-audit-key"), entry)
    assert entry_seal(KEY, entry) != entry_seal(HmacSigner(b"another key"), entry)
    assert entry_seal(KEY, entry) != entry_seal(KEY, build("n-2")[0])
    assert entry_seal(KEY, entry) != head_seal(KEY, entry.subject_id, entry.seq, entry.hash)


def test_a_seal_is_pinned_so_seals_already_stored_keep_verifying():
    # HMAC-SHA256 under the key of "entry", "n-1", "1", "ab" joined by U+001F
    assert KEY.seal("entry", "n-1", 1, "ab") == (
        "8128e06b7fe414571a2e00e20d0e347885d6bc52330ae287adf4a9bcd9142fb2")


def test_an_intact_sealed_chain_has_no_finding_and_every_seal_holds():
    chain = build()
    assert check_chain("n-1", sealed(chain), head_of(chain), KEY) == ([], len(chain))


def test_a_rewrite_with_the_sha256_chain_and_head_recomputed_is_reported():
    chain = build()
    forged = [*chain[:2]]
    for entry in chain[2:]:
        fields = {**_fields(entry), "reason": "材料齐全"} if entry.seq == 3 else _fields(entry)
        forged.append(chain_entry(forged[-1].hash, **fields))
    stored = sealed(chain)[:2] + [Sealed(e, s.seal) for e, s in zip(forged[2:], sealed(chain)[2:],
                                                                     strict=True)]
    head = Head(4, forged[-1].hash, head_of(chain).seal)
    findings, good = check_chain("n-1", stored, head, KEY)
    assert [str(f) for f in findings] == ["n-1: 第 3 条被改动", "n-1: 第 4 条被改动",
                                          "n-1: 链头（第 4 条）与现存条目对不上，或链头本身被改写"]
    assert good == 2


def test_a_chain_sealed_with_another_key_has_no_seal_that_holds():
    chain = build()
    other = HmacSigner(b"another key")
    findings, good = check_chain("n-1", sealed(chain, other), head_of(chain, other), KEY)
    assert good == 0
    assert {f.kind for f in findings} == {"edited", "head"}


def test_a_truncated_chain_under_a_sealed_head_names_the_missing_entries():
    chain = build()
    findings, _ = check_chain("n-1", sealed(chain)[:2], head_of(chain), KEY)
    assert [str(f) for f in findings] == ["n-1: 第 3 条被删除", "n-1: 第 4 条被删除"]


def test_a_chain_deleted_whole_is_reported_against_its_head():
    chain = build()[:1]
    findings, _ = check_chain("n-1", [], head_of(chain), KEY)
    assert [f.kind for f in findings] == ["missing_chain"]
