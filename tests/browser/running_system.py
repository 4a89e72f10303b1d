"""The whole system as a new user starts it: ``sanchuang up`` (web server, worker and beat on
the embedded store and broker) in a data folder of the test's own, on a free port; stopped
with Ctrl-C (SIGINT) on leaving. Its demo logins and password are read from what it prints."""

from __future__ import annotations

import re
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from live_server import CLI, free_port, server_env

from sanchuang.runtime.processes import wait_for

READY = re.compile(r"已就绪（ready）：(\S+)/")
PASSWORD = re.compile(r"密码均为 (\S+)；")


@dataclass
class RunningSystem:
    url: str
    password: str
    data_dir: Path
    output: list[str] = field(default_factory=list)

    def cli(self, *args: str) -> str:
        """Run ``sanchuang ARGS`` on the same data folder (as an operator would)."""
        done = subprocess.run([str(CLI), *args], env=server_env(self.data_dir, {}),
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout


@contextmanager
def system_up(data_dir: Path, timeout: float = 120.0) -> Iterator[RunningSystem]:
    port = free_port()
    process = subprocess.Popen([str(CLI), "up", "--port", str(port)],
                               env=server_env(data_dir, {}), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    assert process.stdout is not None
    threading.Thread(target=lambda: lines.extend(process.stdout or ()), daemon=True).start()
    try:
        wait_for(lambda: process.poll() is not None or READY.search("".join(lines)), timeout)
        text = "".join(lines)
        ready, password = READY.search(text), PASSWORD.search(text)
        if not ready or not password:
            raise RuntimeError(f"sanchuang up did not get ready within {timeout} s:\n{text}")
        yield RunningSystem(ready.group(1), password.group(1), data_dir, lines)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
