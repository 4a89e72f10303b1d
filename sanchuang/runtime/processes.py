"""Starting and stopping local worker and beat processes, tracked by pid files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import SecretStr

from models.errors import is_transient
from sanchuang.runtime.broker_claim import EX_REFUSED
from sanchuang.settings import Settings

#: How many times ``ensure_running`` starts again a process of one role that died.
RESTARTS = 5


def settings_env(settings: Settings) -> dict[str, str]:
    """The settings as SANCHUANG_* variables, so a child process sees exactly these: secrets
    as themselves (not their masked form), unset values left unset."""
    values = settings.model_dump()
    values["data_dir"] = settings.data_dir.resolve()
    return {f"SANCHUANG_{k.upper()}": _env_value(v) for k, v in values.items() if v is not None}


def _env_value(value: object) -> str:
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    return str(value).lower() if isinstance(value, bool) else str(value)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def running(settings: Settings, role: str) -> list[int]:
    """Pids of live local ``role`` processes (``worker`` or ``beat``) of this data folder."""
    folder = settings.data_dir / "run"
    pids = []
    for path in folder.glob(f"{role}-*.pid"):
        pid = int(path.read_text() or 0)
        if pid and _alive(pid):
            pids.append(pid)
        else:
            path.unlink(missing_ok=True)
    return pids


def start(settings: Settings, role: str, extra: list[str] | None = None,
          command: list[str] | None = None) -> subprocess.Popen:
    """Start ``python -m workers <role>`` (or ``command``, named ``role`` in the pid and log
    files) with its output in the data folder's logs."""
    logs = settings.data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "run").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **settings_env(settings)}
    log = (logs / f"{role}.log").open("ab")
    argv = command or [sys.executable, "-m", "workers", role]
    proc = subprocess.Popen([*argv, *(extra or [])], stdout=log, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    (settings.data_dir / "run" / f"{role}-{proc.pid}.pid").write_text(str(proc.pid))
    return proc


def stop(proc: subprocess.Popen, settings: Settings, role: str, timeout: float = 20) -> None:
    """Warm shutdown: SIGTERM, then SIGKILL the whole group if it does not exit in time."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    (settings.data_dir / "run" / f"{role}-{proc.pid}.pid").unlink(missing_ok=True)


class Supervisor:
    """Keeps the processes it started running: a thread of its own looks every
    ``interval`` seconds and starts again one that exited (at most ``RESTARTS`` times per
    role), unless it exited refusing to start (``EX_REFUSED``). ``commands``: the command
    line of a role that is not ``python -m workers <role>`` (the web server, say)."""

    def __init__(self, settings: Settings, log: Callable[[str], object] = print,
                 interval: float = 1.0, commands: dict[str, list[str]] | None = None) -> None:
        self.settings, self.log, self.interval = settings, log, interval
        self.commands = commands or {}
        self.procs: dict[str, subprocess.Popen] = {}
        self.restarts: dict[str, int] = {}
        self.given_up: set[str] = set()  # roles that exited and are not started again
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="supervisor", daemon=True)

    def start(self, role: str) -> None:
        self.procs[role] = start(self.settings, role, command=self.commands.get(role))
        self.restarts.setdefault(role, 0)

    def watch(self) -> None:
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(self.interval):
            for role, proc in list(self.procs.items()):
                if proc.poll() is not None:
                    self.replace(role, proc.returncode)

    def replace(self, role: str, status: int) -> None:
        dead = self.procs.pop(role)
        (self.settings.data_dir / "run" / f"{role}-{dead.pid}.pid").unlink(missing_ok=True)
        logs = self.settings.data_dir / "logs" / f"{role}.log"
        if status == EX_REFUSED or self.restarts[role] >= RESTARTS:
            self.given_up.add(role)
            self.log(f"{role} 进程已退出（状态 {status}），不再重启。{logs} 的最后几行：\n"
                     + last_lines(logs))
            return
        self.restarts[role] += 1
        self.log(f"{role} 进程意外退出（状态 {status}），重新启动（第 {self.restarts[role]} 次）")
        self.start(role)

    def stop_all(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        for role, proc in self.procs.items():
            stop(proc, self.settings, role)
        self.procs.clear()


@contextmanager
def ensure_running(settings: Settings,
                   log: Callable[[str], object] = print) -> Iterator[list[str]]:
    """Start a worker and a beat unless this data folder already has them, start again
    what we started if it dies on the way, and stop it on the way out."""
    supervisor = Supervisor(settings, log)
    for role in ("worker", "beat"):
        if running(settings, role):
            log(f"使用已在运行的 {role} 进程")
        else:
            supervisor.start(role)
    supervisor.watch()
    try:
        yield list(supervisor.procs)
    finally:
        supervisor.stop_all()


def last_lines(path: Path, count: int = 3) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-count:])


def wait_for(predicate: Callable[[], object], timeout: float, interval: float = 0.1,
             not_yet: Callable[[BaseException], bool] = is_transient) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass. A predicate that
    raises an error ``not_yet`` names (by default a transient store error: the database is
    restarting) is false for now; any other error is raised."""

    def holds() -> bool:
        try:
            return bool(predicate())
        except Exception as error:
            if not not_yet(error):
                raise
            return False

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if holds():
            return True
        time.sleep(interval)
    return holds()
