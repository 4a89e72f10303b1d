"""The append-only, hash-chained audit log: who did what, when, from which stage to which, why."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    subject_id: str
    seq: int
    actor_id: str
    role: str
    action: str
    source: str
    target: str
    reason: str
    at: datetime
    prev_hash: str
    hash: str


def _digest(prev_hash: str, fields: dict) -> str:
    body = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256((prev_hash + body).encode()).hexdigest()


def chain_entry(prev_hash: str, **fields: Any) -> AuditEntry:
    """The next entry after ``prev_hash`` (``""`` or GENESIS for a subject's first entry)."""
    prev = prev_hash or GENESIS
    return AuditEntry(prev_hash=prev, hash=_digest(prev, _hashed(fields)), **fields)


def first_entry(subject_id: str, *, actor_id: str, role: str, action: str, target: str,
                at: datetime, source: str = "", reason: str = "") -> AuditEntry:
    """The first entry of a subject's chain: number 1, linked to GENESIS."""
    return chain_entry(GENESIS, subject_id=subject_id, seq=1, actor_id=actor_id, role=role,
                       action=action, source=source, target=target, reason=reason, at=at)


def _hashed(fields: dict) -> dict:
    data = dict(fields)
    data["at"] = data["at"].isoformat()
    return data


def recomputed_hash(entry: AuditEntry) -> str:
    """The hash an entry's fields and link give: not its stored hash if either was changed."""
    fields = {k: v for k, v in asdict(entry).items() if k not in ("prev_hash", "hash")}
    return _digest(entry.prev_hash, _hashed(fields))


def verify(entries: Sequence[AuditEntry], head: str | None = None) -> list[str]:
    """Problems in one subject's chain (ordered by seq); an empty list means intact."""
    problems, prev = [], GENESIS
    for expected_seq, entry in enumerate(entries, start=1):
        fields = {k: v for k, v in asdict(entry).items() if k not in ("prev_hash", "hash")}
        if entry.seq != expected_seq:
            problems.append(f"{entry.subject_id}: 第 {expected_seq} 条缺失或顺序错乱")
        if entry.prev_hash != prev or entry.hash != _digest(prev, _hashed(fields)):
            problems.append(f"{entry.subject_id}: 第 {entry.seq} 条被改动")
        prev = entry.hash
    if head not in (None, "", GENESIS) and head != prev:
        subject = entries[0].subject_id if entries else "该记录"
        problems.append(f"{subject}: 最后一条与记录的链头不符（疑似被删除）")
    return problems
