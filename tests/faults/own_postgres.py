"""A PostgreSQL cluster of the test session's own, on a free port, so that a test may restart
it (fast or immediate) without touching the machine's shared server."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from services import unavailable

from sanchuang.runtime.processes import wait_for

BIN = Path(os.environ.get("SANCHUANG_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "postgres"
#: How long a restart keeps the server down: longer than a command's count of retries alone
#: rides out (about 1.5 s), as long as a restart takes on a busy machine.
DOWN_FOR = 3.0


def _as_postgres(*argv: str) -> list[str]:
    """Run as the ``postgres`` user when we are root: initdb and postgres refuse root."""
    return ["runuser", "-u", USER, "--", *argv] if os.geteuid() == 0 else list(argv)


class OwnPostgres:
    """``initdb`` into a temporary folder, ``pg_ctl start`` on ``port``; trust auth. No fsync
    (the operating system, which keeps running, holds what was written), but every commit
    waits for its WAL write: with ``synchronous_commit=off`` an immediate shutdown loses
    commits the clients were told of, which no application can survive.
    ``restart(mode)`` is ``pg_ctl restart -m fast|immediate``; ``stop()`` removes it all."""

    def __init__(self, port: int):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="sanchuang-pg-"))
        self.data = self.folder / "data"

    @property
    def admin_url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def database(self) -> str:
        """A new, empty database in this cluster; its SQLAlchemy URL."""
        name = f"sanchuang_fault_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        if not (BIN / "initdb").exists():
            unavailable("PostgreSQL binaries", FileNotFoundError(str(BIN / "initdb")))
        if os.geteuid() == 0:
            shutil.chown(self.folder, USER, USER)
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
                  "--no-sync", "-E", "UTF8", "--locale=C")
        self._run(*self._ctl("start"), "-w")
        self._wait_accepting()

    def restart(self, mode: str = "fast", down_for: float = DOWN_FOR) -> None:
        """Stop the server in ``mode`` (every connection is cut), leave it down for
        ``down_for`` seconds — the length of the outage, as a restart on a loaded machine
        takes — and start it again."""
        self._run(str(BIN / "pg_ctl"), "stop", "-D", str(self.data), "-m", mode, "-w")
        time.sleep(down_for)
        self._run(*self._ctl("start"), "-w")
        self._wait_accepting()

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(_as_postgres(str(BIN / "pg_ctl"), "stop", "-D", str(self.data),
                                        "-m", "immediate", "-w"), capture_output=True,
                           check=False, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _ctl(self, action: str) -> list[str]:
        options = (f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port} "
                   "-c fsync=off -c full_page_writes=off "
                   "-c max_connections=200")
        return [str(BIN / "pg_ctl"), action, "-D", str(self.data), "-o", options,
                "-l", str(self.folder / "server.log")]

    def _run(self, *argv: str) -> None:
        done = subprocess.run(_as_postgres(*argv), capture_output=True, text=True,
                              check=False, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:2])} failed: {done.stdout}{done.stderr}")

    def _wait_accepting(self) -> None:
        def accepting() -> bool:
            try:
                psycopg.connect(self.admin_url, connect_timeout=1).close()
            except psycopg.OperationalError:
                return False
            return True

        if not wait_for(accepting, 60):
            raise RuntimeError(f"PostgreSQL on port {self.port} does not accept connections")
