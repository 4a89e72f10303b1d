"""The real ``sanchuang`` command tells the operator what is wrong with the database: not
initialised (tables missing) or unreachable (nothing listening) — and exits 2 for both."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

SANCHUANG = str(Path(sys.executable).parent / "sanchuang")


def sanchuang(tmp_path: Path, database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SANCHUANG_DATA_DIR": str(tmp_path / "data"),
           "SANCHUANG_DATABASE_URL": database_url, "COLUMNS": "200"}
    return subprocess.run([SANCHUANG, *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_database_file_without_tables_is_reported_as_not_initialised(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = sanchuang(tmp_path, f"sqlite:///{empty}", "status")
    assert result.returncode == 2
    assert "数据库尚未初始化" in result.stdout
    assert "请先运行 sanchuang init" in result.stdout
    assert "无法连接" not in result.stdout


def test_a_server_that_is_not_listening_is_reported_as_unreachable(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/sanchuang"
    result = sanchuang(tmp_path, url, "status")
    assert result.returncode == 2
    assert "无法连接数据库" in result.stdout
    assert "请确认数据库服务已启动" in result.stdout
    assert "sanchuang init" not in result.stdout
