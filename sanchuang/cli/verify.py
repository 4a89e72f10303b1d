"""``sanchuang verify``: every audit chain and every published document, checked against the
seals made with the audit key; what was edited, deleted or reordered is listed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import typer
from rich.console import Console

from models.audit_log import chains, headless_chains, sealed_documents
from models.store import Store
from sanchuang.bootstrap import bootstrap
from sanchuang.runtime.audit_key import key_path, load_key
from workflows.audit_seal import Finding, check_chain, check_document

console = Console(highlight=False)

KIND_NAMES_ZH = {"edited": "被改动", "deleted": "被删除", "reordered": "顺序被调换",
                 "head": "链头不符", "no_head": "缺链头", "missing_chain": "整条被删除",
                 "document": "公开文件不符"}
#: Findings held back until one seal is seen to hold: if none ever does, the key is wrong
#: and listing every record would only bury that.
HELD_BACK = 1000


class Report:
    def __init__(self, out: Console, progress_every: int = 10_000):
        self.out, self.progress_every = out, progress_every
        self.counts: Counter[str] = Counter()
        self.chains = self.documents = self.good_seals = 0
        self.held: list[Finding] | None = []

    def chain(self, findings: list[Finding], good_seals: int) -> None:
        self.chains += 1
        self._add(findings, good_seals)
        if self.chains % self.progress_every == 0:
            self.out.print(f"已核对 {self.chains} 条审计链……", style="dim")

    def document(self, finding: Finding | None, sealed: bool) -> None:
        self.documents += 1
        self._add([finding] if finding else [], int(sealed))

    def _add(self, findings: Iterable[Finding], good_seals: int) -> None:
        self.good_seals += good_seals
        if self.held is not None and self.good_seals:
            self._print(self.held)
            self.held = None
        for finding in findings:
            self.counts[finding.kind] += 1
            if self.held is None:
                self._print([finding])
            elif len(self.held) < HELD_BACK:
                self.held.append(finding)

    def _print(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.out.print(str(finding), style="red", markup=False)

    @property
    def key_is_wrong(self) -> bool:
        return self.good_seals == 0 and sum(self.counts.values()) > 0

    def finish(self) -> int:
        """Print the summary; the exit status: 0 when nothing was found."""
        found = sum(self.counts.values())
        if self.key_is_wrong:
            self.out.print(f"审计密钥不对或缺失：{self.chains} 条审计链、"
                           f"{self.documents} 份公开文件没有一个封印对得上；"
                           "请检查 SANCHUANG_AUDIT_KEY（或密钥文件）是否与写入时相同。",
                           style="red", markup=False)
        parts = "，".join(f"{KIND_NAMES_ZH[k]} {n}" for k, n in sorted(self.counts.items()))
        self.out.print(f"核对完毕：审计链 {self.chains} 条，公开文件 {self.documents} 份；"
                       + (f"发现问题 {found} 处（{parts}）" if found else "未发现问题"),
                       markup=False)
        return 1 if found else 0


def verify_store(store: Store, out: Console, batch: int = 5000) -> int:
    """Walk every chain, then every headless chain, then every document; the exit status."""
    report = Report(out)
    for stored in chains(store.engine, batch):
        report.chain(*check_chain(stored.subject_id, stored.entries, stored.head, store.signer))
    for stored in headless_chains(store.engine, batch):
        report.chain(*check_chain(stored.subject_id, [], stored.head, store.signer))
    for doc, seal in sealed_documents(store.engine):
        finding = check_document(doc, seal, store.signer)
        report.document(finding, sealed=finding is None)
    return report.finish()


def verify() -> None:
    """核对全部审计记录和公开文件：列出被改动、删除或调换顺序的条目；有问题时退出码为 1。"""
    system = bootstrap()
    if load_key(system.settings) is None:
        console.print("审计密钥不对或缺失：没有 SANCHUANG_AUDIT_KEY，也没有密钥文件 "
                      f"{key_path(system.settings)}，无法核对。", style="red", markup=False)
        raise typer.Exit(1)
    raise typer.Exit(verify_store(system.store, console))
