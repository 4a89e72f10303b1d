"""``sanchuang demo`` outlives a PostgreSQL restart: it waits, goes on, exits 0 and
commends the same list as an undisturbed demo of the same seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from faulted import SEED
from own_postgres import OwnPostgres
from services import OwnRedis

from models import queries
from models.store import Store
from sanchuang.runtime.processes import wait_for
from sanchuang.sample.demo import SETTLED
from workflows.audit_seal import HmacSigner

SANCHUANG = str(Path(sys.executable).parent / "sanchuang")
LIST = "表彰名单："


def demo(folder: Path, pg_url: str, broker_url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SANCHUANG_DATA_DIR": str(folder), "SANCHUANG_DATABASE_URL": pg_url,
           "SANCHUANG_BROKER_URL": broker_url, "SANCHUANG_SWEEP_SECONDS": "1",
           "SANCHUANG_OUTBOX_STALE_SECONDS": "2", "COLUMNS": "200"}
    return subprocess.Popen([SANCHUANG, "demo", "--seed", str(SEED)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def finished(proc: subprocess.Popen[str]) -> tuple[int, str]:
    output, _ = proc.communicate(timeout=240)
    return proc.returncode, output


def commended(output: str) -> list[str]:
    lines = [line for line in output.splitlines() if line.startswith(LIST)]
    assert lines, f"the demo printed no commendation list:\n{output}"
    return sorted(lines[-1].removeprefix(LIST).split("、"))


READ_ONLY = HmacSigner(b"unused: the test writes nothing")


def under_way(store: Store) -> bool:
    """Nominations exist and some of them are still on their way."""
    campaign = queries.latest_campaign_id(store)
    rows = queries.nominations(store, campaign) if campaign else []
    return bool(rows) and any(r["stage"] not in {s.value for s in SETTLED} for r in rows)


def test_the_demo_outlives_a_postgresql_restart_and_commends_the_same_list(
        tmp_path: Path, own_pg: OwnPostgres, own_redis: OwnRedis, broker_url: str) -> None:
    calm_code, calm_output = finished(demo(tmp_path / "calm", own_pg.database(), broker_url))
    assert calm_code == 0, calm_output
    pg_url = own_pg.database()
    proc = demo(tmp_path / "restarted", pg_url, own_redis.db_url(63))
    store = Store(pg_url, signer=READ_ONLY)  # this test only reads
    try:
        struck = wait_for(lambda: under_way(store) and proc.poll() is None, 120,
                          not_yet=lambda _error: True)  # tables not there yet, say
        if struck:
            own_pg.restart("fast")
        code, output = finished(proc)
    finally:
        proc.kill()
        store.dispose()
    assert struck, "the demo was not under way when PostgreSQL was to restart"
    assert code == 0, output
    assert commended(output) == commended(calm_output)
