"""Starting and stopping local worker and beat processes, tracked by pid files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sanchuang.settings import Settings


def settings_env(settings: Settings) -> dict[str, str]:
    """The settings as SANCHUANG_* variables, so a child process sees exactly these."""
    values = settings.model_dump()
    values["data_dir"] = settings.data_dir.resolve()
    return {f"SANCHUANG_{k.upper()}": str(v).lower() if isinstance(v, bool) else str(v)
            for k, v in values.items()}


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


def start(settings: Settings, role: str, extra: list[str] | None = None) -> subprocess.Popen:
    """Start ``python -m workers <role>`` with its output in the data folder's logs."""
    logs = settings.data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "run").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **settings_env(settings)}
    log = (logs / f"{role}.log").open("ab")
    proc = subprocess.Popen([sys.executable, "-m", "workers", role, *(extra or [])],
                            stdout=log, stderr=subprocess.STDOUT, env=env,
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


@contextmanager
def ensure_running(settings: Settings,
                   log: Callable[[str], object] = print) -> Iterator[list[str]]:
    """Start a worker and a beat unless this data folder already has them; stop what we
    started on the way out."""
    started = []
    for role in ("worker", "beat"):
        if running(settings, role):
            log(f"使用已在运行的 {role} 进程")
        else:
            started.append((role, start(settings, role)))
    try:
        yield [role for role, _ in started]
    finally:
        for role, proc in started:
            stop(proc, settings, role)


def wait_for(predicate: Callable[[], object], timeout: float, interval: float = 0.1) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
