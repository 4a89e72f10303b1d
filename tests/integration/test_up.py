"""``sanchuang up`` as a user starts it: a real process in a fresh data folder serves the
Chinese pages, runs its worker and beat, keeps the store across a second start, and stops
everything, exiting 0, on Ctrl-C."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

from smtp_sink import free_port

from sanchuang.runtime.processes import wait_for

CLI = [sys.executable, "-c", "from sanchuang.cli.app import main; main()"]


def start_up(data: Path, port: int) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANCHUANG_")}
    env["SANCHUANG_DATA_DIR"] = str(data)
    return subprocess.Popen([*CLI, "up", "--port", str(port)], env=env, cwd=data.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def child_pids(data: Path) -> dict[str, int]:
    return {path.stem.split("-")[0]: int(path.read_text())
            for path in (data / "run").glob("*.pid")}


def campaigns(data: Path) -> int:
    with sqlite3.connect(data / "sanchuang.db") as db:
        return int(db.execute("SELECT count(*) FROM campaign").fetchone()[0])


def read_lines(proc: subprocess.Popen[str]) -> list[str]:
    """The process's output lines so far, read by a thread of their own."""
    lines: list[str] = []
    assert proc.stdout is not None
    threading.Thread(target=lambda: lines.extend(proc.stdout or ()), daemon=True).start()
    return lines


ACCOUNT = re.compile(r"密码均为 (\S+)；.*\n(?:.*\n)*?  镇文明办：(\S+)")


def signed_in_page(site: str, username: str, password: str) -> str:
    """Sign in through the login form as a browser would, then open the desk."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = opener.open(f"{site}/login", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token
    data = urllib.parse.urlencode({"csrf_token": token.group(1), "username": username,
                                   "password": password, "next": "/desk"}).encode()
    return str(opener.open(f"{site}/login", data=data, timeout=10).read().decode())


def serve_and_stop(data: Path, check_pages: bool) -> str:
    """Start ``up``, wait until it says it is ready, optionally look at the pages, Ctrl-C it."""
    port = free_port()
    proc = start_up(data, port)
    lines = read_lines(proc)
    site = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: f"已就绪（ready）：{site}/\n" in lines, 120), \
            f"up never said it was ready: {lines}"
        assert get(f"{site}/healthz")[0] == 200
        if check_pages:
            status, home = get(f"{site}/")
            assert status == 200
            assert "三创评选公开信息" in home
            status, publicity = get(f"{site}/publicity")
            assert status == 200
            assert "正在公示的拟命名名单" in publicity
            login = ACCOUNT.search("".join(lines))
            assert login, "up printed no demo account"
            assert "工作台" in signed_in_page(site, login.group(2), login.group(1))
        children = child_pids(data)
        assert set(children) == {"web", "worker", "beat"}
        assert all(alive(pid) for pid in children.values())
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert wait_for(lambda: lines and lines[-1] == "已全部停止\n", 10)  # all read
    output = "".join(lines)
    assert proc.returncode == 0, output
    assert not [role for role, pid in children.items() if alive(pid)], output
    assert not list((data / "run").glob("*.pid"))
    return output


def test_up_serves_the_site_keeps_its_store_and_stops_everything_on_ctrl_c(
        tmp_path: Path) -> None:
    data = tmp_path / "sanchuang-data"
    first = serve_and_stop(data, check_pages=True)
    assert "已按评选方案 campaign-default.yaml 创建" in first
    assert campaigns(data) == 1
    second = serve_and_stop(data, check_pages=False)
    assert "沿用已有评选活动" in second
    assert ACCOUNT.findall(first) == ACCOUNT.findall(second)
    assert "样例乡镇已载入，跳过" in second
    assert campaigns(data) == 1
