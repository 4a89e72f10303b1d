"""The key that seals the audit log: ``SANCHUANG_AUDIT_KEY``, or else the key file
``DATA_DIR/audit.key`` (mode 0600) that ``sanchuang init`` makes. Never stored in the
database: someone who can write there must not be able to reseal what they changed."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sanchuang.settings import Settings
from workflows.audit_seal import HmacSigner, Signer
from workflows.errors import DomainError

KEY_FILE = "audit.key"


class AuditKeyMissing(DomainError):
    pass


MISSING = ("没有审计密钥：请把同一个密钥通过 SANCHUANG_AUDIT_KEY 交给每个进程"
           "（worker、命令行、网页），或在本机运行 sanchuang init 生成 {path}")


class MissingKey:
    """Stands in for the key when none is configured: reading works, any audited change is
    refused, rather than written with a seal nobody can check."""

    def __init__(self, path: Path):
        self.path = path

    def seal(self, kind: str, *parts: object) -> str:
        raise AuditKeyMissing(MISSING.format(path=self.path))


def key_path(settings: Settings) -> Path:
    return settings.data_dir / KEY_FILE


def configured_key(settings: Settings) -> bytes | None:
    """SANCHUANG_AUDIT_KEY, unless unset or empty."""
    key = settings.audit_key.get_secret_value() if settings.audit_key else ""
    return key.encode() or None


def load_key(settings: Settings) -> bytes | None:
    """The configured key, or the key file's, or None."""
    if key := configured_key(settings):
        return key
    path = key_path(settings)
    if not path.exists():
        return None
    return path.read_text(encoding="ascii").strip().encode() or None


def create_key_file(settings: Settings) -> bool:
    """Make the key file (readable by its owner only) unless a key is configured or the file
    exists; True if it was made now."""
    path = key_path(settings)
    if configured_key(settings) or path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return False
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(32) + "\n")
    return True


def audit_signer(settings: Settings) -> Signer:
    """The signer every store of this process seals with. The embedded store (no
    SANCHUANG_DATABASE_URL) makes its key file on first use, beside its database."""
    if settings.embedded_store:
        create_key_file(settings)
    key = load_key(settings)
    return HmacSigner(key) if key else MissingKey(key_path(settings))
