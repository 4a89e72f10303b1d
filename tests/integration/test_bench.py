"""``sanchuang bench`` end to end on a tiny campaign: real PostgreSQL, Redis and workers.
It checks that the figures are produced, not how fast they are."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from services import PG_ADMIN, redis_database, sqlalchemy_url

REQUIRED = ("transitions_per_s", "baseline_per_s", "ratio", "latency_p50_ms", "latency_p99_ms",
            "nominations")
BENCH_REDIS_DB = 12  # a database of its own: the bench refuses a broker other workers use


def bench(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from sanchuang.cli.app import main; main()", "bench", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=280, check=False)


def database_exists(name: str) -> bool:
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return found is not None


@pytest.mark.postgres
@pytest.mark.redis
def test_bench_writes_every_figure_and_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    with redis_database(BENCH_REDIS_DB) as broker:
        done = bench("--nominations", "20", "--database-url", sqlalchemy_url("postgres"),
                     "--broker-url", broker, "--json", str(out), "--timeout", "120")
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(REQUIRED) <= set(figures)
    assert figures["nominations"] == 20
    assert figures["transitions"] == 20 * 7  # submit … commend, seven moves each
    assert figures["baseline_messages"] == figures["transitions"]
    assert all(figures[key] > 0 for key in REQUIRED)
    assert "ratio" in done.stdout
    scratch = figures["scratch_database"]
    assert scratch.startswith("sanchuang_bench_")
    assert not database_exists(scratch)  # its own throw-away database is gone


def test_bench_refuses_sqlite_with_what_to_set() -> None:
    done = bench("--nominations", "20", "--database-url", "sqlite:///x.db",
                 "--broker-url", "redis://127.0.0.1:6379/12")
    assert done.returncode == 2
    assert "SANCHUANG_DATABASE_URL" in done.stdout
