"""``sanchuang verify`` from the command line: the key lives outside the database, a clean
store exits 0, and a key that is not the one the store was sealed with is named as such."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from scenario import launch
from typer.testing import CliRunner

from sanchuang.bootstrap import System
from sanchuang.cli.app import app
from sanchuang.sample.roster import load_sample
from sanchuang.settings import get_settings

runner = CliRunner()


def test_init_makes_a_key_file_only_its_owner_can_read_and_keeps_the_key_out_of_the_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANCHUANG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SANCHUANG_AUDIT_KEY", raising=False)
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["init"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    key_file = tmp_path / "data" / "audit.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip().encode()
    assert len(key) == 64
    assert all(key not in path.read_bytes() for path in (tmp_path / "data").glob("sanchuang.db*"))


def test_a_clean_store_exits_0_and_a_wrong_key_is_named(
        cli_system: System, monkeypatch: pytest.MonkeyPatch) -> None:
    load_sample(cli_system.store, households_per_village=3)
    launch(cli_system)
    clean = runner.invoke(app, ["verify"])
    assert clean.exit_code == 0, clean.output
    assert "核对完毕：审计链 1 条，公开文件 0 份；未发现问题" in clean.output
    monkeypatch.setenv("SANCHUANG_AUDIT_KEY", "not-the-key-the-store-was-sealed-with")
    get_settings.cache_clear()
    wrong = runner.invoke(app, ["verify"])
    assert wrong.exit_code == 1, wrong.output
    assert wrong.output.startswith("审计密钥不对或缺失")
