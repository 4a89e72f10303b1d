"""Whole campaigns through real worker processes, for the pipeline and fault tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from models import queries
from models.store import Store
from sanchuang.bootstrap import bootstrap
from sanchuang.runtime.processes import start, stop
from sanchuang.sample.demo import DemoRun, problems
from sanchuang.sample.roster import load_sample
from sanchuang.settings import Settings
from workflows.audit import verify
from workflows.ports import Queue
from workflows.stages import Stage


@dataclass
class Outcome:
    commended: list[str]
    summary: dict[tuple[str, str], int]
    problems: list[str]
    campaign_id: str
    store: Store


class Workers:
    """Real ``python -m workers`` processes that a test can kill and replace."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.procs: dict[str, subprocess.Popen] = {}
        self.orphans: list[int] = []

    def start(self, *roles: str) -> None:
        for role in roles:
            self.procs[role] = start(self.settings, role)

    def start_another(self, role: str, *extra: str) -> str:
        """One more process of ``role`` (a second beat, say); returns its key in ``procs``."""
        key = f"{role}#{len(self.procs)}"
        self.procs[key] = start(self.settings, role, list(extra))
        return key

    def kill(self, role: str = "worker") -> None:
        """SIGKILL the process and its pool children, as the OOM killer or a power cut would."""
        proc = self.procs.pop(role)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    def kill_main(self, role: str = "worker") -> None:
        """SIGKILL the main process alone; its pool children are left to notice."""
        proc = self.procs.pop(role)
        proc.kill()
        proc.wait()
        self.orphans.append(proc.pid)

    def children(self, role: str = "worker") -> list[int]:
        """The pids of the process's children (a worker's pool)."""
        pid = self.procs[role].pid
        path = Path(f"/proc/{pid}/task/{pid}/children")
        return [int(child) for child in path.read_text().split()] if path.exists() else []

    def stop_all(self) -> None:
        for key, proc in self.procs.items():
            stop(proc, self.settings, key.split("#")[0])
        self.procs.clear()
        for group in self.orphans:  # whatever a killed main process left behind
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
        self.orphans.clear()


def prepare(settings: Settings, seed: int, queue: Queue | None = None) -> DemoRun:
    system = bootstrap(settings, queue=queue)
    system.store.migrate()
    load_sample(system.store, households_per_village=12)
    return DemoRun(system, seed, lambda _text: None, timeout=60)


def outcome(run: DemoRun) -> Outcome:
    run.settle()
    store = run.system.store
    commended = queries.nominations(store, run.campaign_id, Stage.COMMENDED.value)
    return Outcome(sorted(r["display_name"] for r in commended),
                   dict(queries.stage_counts(store, run.campaign_id)),
                   problems(run.system, run.campaign_id), run.campaign_id, store)


def run_undisturbed(settings: Settings, seed: int) -> Outcome:
    run = prepare(settings, seed)
    workers = Workers(settings)
    workers.start("worker", "beat")
    try:
        for step in run.steps():
            step()
        return outcome(run)
    finally:
        workers.stop_all()


def audit_problems(store: Store, campaign_id: str) -> list[str]:
    """Every nomination's chain intact, and each of its moves logged exactly once."""
    found = []
    rows = queries.nominations(store, campaign_id)
    counts = queries.audit_counts(store, [r["id"] for r in rows])
    found += [f"{s} seq {q} logged {n} times" for (s, q), n in counts.items() if n != 1]
    with store.uow() as uow:
        for row in rows:
            found += verify(uow.audit_log.chain(row["id"]), row["audit_head"])
            if len(uow.audit_log.chain(row["id"])) != row["version"]:
                found.append(f"{row['display_name']}: {row['version']} moves, chain differs")
    return found


def settings_for(tmp: Path, database_url: str = "", broker_url: str = "",
                 **extra: object) -> Settings:
    extra.setdefault("audit_key", "integration-test-key")  # as a deployment passes it to all
    return Settings(data_dir=tmp, database_url=database_url, broker_url=broker_url,
                    sweep_seconds=1.0, outbox_stale_seconds=2.0, delivery_lease_seconds=5.0,
                    **extra)
