"""A child process started with ``settings_env`` sees exactly the parent's settings: secrets
as themselves, never their masked form, and unset values unset."""

from pathlib import Path

import pytest

from sanchuang.runtime.processes import settings_env
from sanchuang.settings import Settings


def test_the_audit_key_reaches_a_child_process_as_itself(tmp_path: Path) -> None:
    env = settings_env(Settings(data_dir=tmp_path, audit_key="the-one-key"))
    assert env["SANCHUANG_AUDIT_KEY"] == "the-one-key"


def test_an_unset_secret_is_not_passed_as_a_word(tmp_path: Path) -> None:
    env = settings_env(Settings(data_dir=tmp_path, audit_key=None))
    assert "SANCHUANG_AUDIT_KEY" not in env
    assert "None" not in env.values()


def test_a_child_reads_back_the_same_settings(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    given = Settings(data_dir=tmp_path, audit_key="k", worker_concurrency=3)
    for name, value in settings_env(given).items():
        monkeypatch.setenv(name, value)
    seen = Settings()
    assert seen.audit_key is not None
    assert seen.audit_key.get_secret_value() == "k"
    assert (seen.data_dir, seen.worker_concurrency) == (tmp_path.resolve(), 3)
