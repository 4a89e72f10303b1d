"""The store as the rest of the system sees it: units of work, the clock, migrations."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from models.clock import StoredClock
from models.db import make_engine, make_session_factory
from models.outbox import WaitedFor, every_event
from models.uow import SqlUnitOfWork
from workflows.audit_seal import Signer

MIGRATIONS = Path(__file__).parent / "migrations"


class Store:
    def __init__(self, url: str, pool_size: int = 5, *, signer: Signer):
        """``signer`` seals the audit log and the published documents with the key kept
        outside the database; every process writing to one database needs the same key."""
        self.url, self.signer = url, signer
        self.engine: Engine = make_engine(url, pool_size)
        self.sessions = make_session_factory(self.engine)

    @cached_property
    def clock(self) -> StoredClock:
        return StoredClock(make_engine(self.url, 1, read_only=True), self.engine)

    def uow(self, waited_for: WaitedFor = every_event) -> SqlUnitOfWork:
        """``waited_for(name)``: whether some handler waits for events of that name; the
        others are written already processed and never published. The composition root
        passes the handler table's answer; by default every event is published."""
        return SqlUnitOfWork(self.sessions, self.clock.now, self.signer, waited_for)

    def migrate(self) -> None:
        """Apply every Alembic migration up to the newest."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["engine"] = self.engine
        command.upgrade(config, "head")

    def dispose(self) -> None:
        self.engine.dispose()
        if "clock" in self.__dict__:
            self.clock.engine.dispose()
