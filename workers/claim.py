"""The worker's side of one store per broker: refuse a broker that another store's workers
claimed, keep this worker's claim alive while it runs, and drop it when it stops."""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass, field
from typing import Any

import redis
from celery import bootsteps
from celery.worker import state

from models.store import Store
from models.store_identity import store_id
from sanchuang.runtime import broker_claim
from sanchuang.runtime.audit_key import audit_signer
from sanchuang.settings import Settings

log = logging.getLogger("sanchuang.claim")
EX_REFUSED = broker_claim.EX_REFUSED
NOT_INITIALISED = "worker 拒绝启动：数据库还没有初始化（没有存储标识）。请先运行 sanchuang init"


def identity(settings: Settings) -> str | None:
    """This store's id, or None when the store was never initialised."""
    store = Store(settings.db_url, pool_size=1, signer=audit_signer(settings))
    try:
        return store_id(store)
    except LookupError:
        return None
    finally:
        store.dispose()


@dataclass
class WorkerClaim:
    """This worker's claim on its broker for its store."""

    settings: Settings
    store_id: str
    holder: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")

    def refusal(self) -> str | None:
        """Why this worker must not consume from its broker, or None (claimed). A broker
        that does not answer is not refused: the claim is taken once it does."""
        url = self.settings.broker
        try:
            other = broker_claim.claim(url, self.store_id, self.holder)
        except redis.RedisError as error:
            log.warning("cannot claim the broker now", extra={"error": repr(error)})
            return None
        return broker_claim.refusal(url, self.store_id, other) if other else None

    def refresh(self) -> None:
        """Keep the claim; stop the worker (``EX_REFUSED``) if another store took the broker."""
        refused = self.refusal()
        if refused:
            log.critical(refused)
            state.should_stop = EX_REFUSED

    def release(self) -> None:
        try:
            broker_claim.release(self.settings.broker, self.store_id, self.holder)
        except redis.RedisError as error:
            log.warning("cannot release the broker claim", extra={"error": repr(error)})


def keep_claim(claim: WorkerClaim) -> type[bootsteps.StartStopStep]:
    """A worker bootstep: refresh the claim every ``REFRESH_S`` seconds; release it on stop."""

    class KeepClaim(bootsteps.StartStopStep):
        requires = ("celery.worker.components:Timer",)

        def start(self, parent: Any) -> None:
            self.entry = parent.timer.call_repeatedly(broker_claim.REFRESH_S, claim.refresh)

        def stop(self, parent: Any) -> None:
            self.entry.cancel()
            claim.release()

    return KeepClaim
