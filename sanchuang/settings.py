"""Settings from the environment (SANCHUANG_*). With none set: the embedded default."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SANCHUANG_", env_file=None)

    data_dir: Path = Path("sanchuang-data")
    database_url: str = ""
    broker_url: str = ""
    site_url: str = "http://127.0.0.1:8000"
    township_name: str = "新坪镇"

    email_enabled: bool = True
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "wmb@xinping.gov.example"

    # SANCHUANG_SMS_URL: the HTTP SMS gateway (sanchuang/delivery/sms.py). Set, an account
    # with a phone and no e-mail address is sent its notifications by SMS. The token (empty:
    # unset) goes as "Authorization: Bearer <token>"; the signature defaults to
    # 【<township_name>文明办】.
    sms_url: str = ""
    sms_token: SecretStr | None = None
    sms_sender: str = ""
    sms_timeout_seconds: float = 10.0

    worker_concurrency: int = 2
    event_batch: int = 200
    sweep_seconds: float = 5.0
    outbox_stale_seconds: float = 15.0
    delivery_lease_seconds: float = 120.0
    db_pool_size: int = 5
    command_retries: int = 5  # runs of a command again after a deadlock or a lost connection
    command_retry_max_seconds: float = 2.0  # the longest pause between two runs
    # How long an operator's command (CLI, demo, bench) keeps running again while the store
    # is unreachable, beyond command_retries: long enough to ride out a database restart.
    # Workers keep the count alone: their tasks are retried by Celery besides.
    command_retry_seconds: float = 30.0

    # SANCHUANG_AUDIT_KEY seals the audit log; the same in every process. Without it, the
    # key file data_dir/audit.key (made by `sanchuang init`). Never kept in the database.
    audit_key: SecretStr | None = None

    # SANCHUANG_WEB_SECRET signs the web forms' tokens and sessions; the same in every web
    # process. Without it, a key derived from the audit key (or one of this process only).
    web_secret: SecretStr | None = None
    # SANCHUANG_METRICS_TOKEN: /metrics answers a scraper sending "Authorization: Bearer
    # <token>"; without a token, only a scraper on this machine (loopback).
    metrics_token: SecretStr | None = None

    blob_dir: Path | None = None  # SANCHUANG_BLOB_DIR; default data_dir/blobs
    attachment_max_bytes: int = 10 * 1024 * 1024
    # SANCHUANG_CJK_FONT: a TrueType font file (.ttf/.ttc) with Chinese glyphs, embedded in
    # every PDF; unset: the first of the Debian font packages' files found (documents/fonts.py).
    cjk_font: Path | None = None

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'sanchuang.db').resolve()}"

    @property
    def embedded_store(self) -> bool:
        """The SQLite database in the data folder, rather than a shared server."""
        return not self.database_url

    @property
    def broker(self) -> str:
        return self.broker_url or "sanchuangfs://"

    @property
    def embedded(self) -> bool:
        return not self.broker_url

    @property
    def sms_enabled(self) -> bool:
        return bool(self.sms_url)

    @property
    def sms_signature(self) -> str:
        return self.sms_sender or f"【{self.township_name}文明办】"

    @property
    def mail_dir(self) -> Path:
        return self.data_dir / "mail"


@lru_cache
def get_settings() -> Settings:
    return Settings()
