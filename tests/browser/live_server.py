"""The real site in its own process: ``sanchuang web`` (uvicorn) over a prepared data folder,
on a free port, as whoever runs it would start it. Reusable by any browser test: prepare the
data folder (a store, keys), then ``with serve(data_dir, env) as site: ...``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sanchuang.runtime.processes import wait_for

CLI = Path(sys.executable).parent / "sanchuang"


@dataclass(frozen=True)
class LiveServer:
    url: str
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=1) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def server_env(data_dir: Path, extra: Mapping[str, str]) -> dict[str, str]:
    """This environment without any SANCHUANG_* of the test run, then the site's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANCHUANG_")}
    env["SANCHUANG_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


@contextmanager
def serve(data_dir: Path, env: Mapping[str, str] | None = None,
          timeout: float = 30.0) -> Iterator[LiveServer]:
    """``sanchuang web`` with SANCHUANG_DATA_DIR=data_dir (plus ``env``), until /healthz
    answers; stopped (SIGTERM, then SIGKILL) on leaving. Its output goes to data_dir/web.log."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = data_dir / "web.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(CLI), "web", "--host", "127.0.0.1", "--port", str(port)],
            env=server_env(data_dir, env or {}), stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: process.poll() is not None or healthy(url), timeout)
        if process.poll() is not None or not healthy(url):
            raise RuntimeError(f"sanchuang web did not answer on {url} within {timeout} s:\n"
                               + log.read_text(errors="replace")[-3000:])
        yield LiveServer(url, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
