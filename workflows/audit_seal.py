"""Seals on the audit log and the published documents: an HMAC-SHA256 under a key kept
outside the database, so someone who can write to the database cannot recompute them.

The chain itself stays SHA-256 (``workflows.audit``): each entry's hash covers its fields and
the hash before it. A seal covers an entry's subject, number and hash, so it vouches for that
entry and everything before it; a chain head's seal is made apart from the entries' seals, so
the last-but-one entry's seal cannot stand in for a head after the last entry is deleted."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from workflows.audit import AuditEntry, recomputed_hash
from workflows.publicity import PublishedList, content_hash


class Signer(Protocol):
    """Seals with the key the composition root was given; the domain never reads a key."""

    def seal(self, kind: str, *parts: object) -> str: ...


class HmacSigner:
    def __init__(self, key: bytes):
        if not key:
            raise ValueError("the audit key is empty")
        self._key = key

    def seal(self, kind: str, *parts: object) -> str:
        message = "\x1f".join([kind, *map(str, parts)]).encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


def entry_seal(signer: Signer, entry: AuditEntry) -> str:
    return signer.seal("entry", entry.subject_id, entry.seq, entry.hash)


def head_seal(signer: Signer, subject_id: str, seq: int, head_hash: str) -> str:
    return signer.seal("head", subject_id, seq, head_hash)


def document_seal(signer: Signer, doc: PublishedList) -> str:
    return signer.seal("document", doc.id, doc.campaign_id, doc.kind, doc.version,
                       doc.content_hash)


@dataclass(frozen=True)
class Head:
    """What the store keeps of a chain's last entry, apart from the entries."""

    seq: int
    hash: str
    seal: str


@dataclass(frozen=True)
class Sealed:
    entry: AuditEntry
    seal: str


#: The kinds of finding, as the operator reads them.
FINDINGS_ZH = {
    "edited": "第 {seq} 条被改动",
    "deleted": "第 {seq} 条被删除",
    "reordered": "第 {seq} 条顺序被调换",
    "head": "链头（第 {seq} 条）与现存条目对不上，或链头本身被改写",
    "no_head": "没有链头记录（链头被删除，或是启用密钥前写入的）",
    "missing_chain": "整条记录被删除（链头记到第 {seq} 条，条目一条不剩）",
    "document": "公开文件内容与其摘要或封印不符（第 {seq} 版）",
}


@dataclass(frozen=True)
class Finding:
    subject_id: str
    seq: int
    kind: str

    def __str__(self) -> str:
        return f"{self.subject_id}: {FINDINGS_ZH[self.kind].format(seq=self.seq)}"


def check_chain(subject_id: str, chain: Sequence[Sealed], head: Head | None,
                signer: Signer) -> tuple[list[Finding], int]:
    """What is wrong with one subject's chain (ordered by number), and how many seals held:
    with none holding anywhere in a store, the key is wrong, not every record."""
    if not chain:
        return ([Finding(subject_id, head.seq, "missing_chain")] if head else []), 0
    seqs = [s.entry.seq for s in chain]
    findings = [Finding(subject_id, seq, "deleted")
                for seq in range(1, seqs[-1] + 1) if seq not in set(seqs)]
    findings += [Finding(subject_id, s.entry.seq, kind) for s in chain
                 if (kind := _entry_kind(s, seqs, signer))]
    good = sum(_intact(s.entry, s.seal, signer) for s in chain)
    return findings + _head_findings(subject_id, chain[-1].entry, head, signer), good


def _intact(entry: AuditEntry, seal: str, signer: Signer) -> bool:
    return entry.hash == recomputed_hash(entry) and seal == entry_seal(signer, entry)


def _entry_kind(sealed: Sealed, seqs: Sequence[int], signer: Signer) -> str:
    """"" for an intact entry; "reordered" for one that is intact under another number of
    the same chain (numbers swapped); otherwise "edited"."""
    if _intact(sealed.entry, sealed.seal, signer):
        return ""
    if any(_intact(replace(sealed.entry, seq=other), sealed.seal, signer)
           for other in seqs if other != sealed.entry.seq):
        return "reordered"
    return "edited"


def _head_findings(subject_id: str, last: AuditEntry, head: Head | None,
                   signer: Signer) -> list[Finding]:
    if head is None:
        return [Finding(subject_id, last.seq, "no_head")]
    if head.seal != head_seal(signer, subject_id, head.seq, head.hash):
        return [Finding(subject_id, head.seq, "head")]
    if head.seq > last.seq:
        return [Finding(subject_id, seq, "deleted") for seq in range(last.seq + 1, head.seq + 1)]
    if (head.seq, head.hash) != (last.seq, last.hash):
        return [Finding(subject_id, head.seq, "head")]
    return []


def check_document(doc: PublishedList, seal: str, signer: Signer) -> Finding | None:
    """A published document whose entries or meta no longer give its digest, or whose digest
    no longer carries its seal."""
    if content_hash(doc.entries, doc.meta) == doc.content_hash and \
            seal == document_seal(signer, doc):
        return None
    return Finding(doc.id, doc.version, "document")
