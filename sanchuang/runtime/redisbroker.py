"""kombu's Redis transport, with a channel that can still restore its unacknowledged
messages after its connection has been collected.

When the broker goes away, Celery's consumer (5.7) first calls ``Connection.collect()``,
which detaches the transport from its ``Connection`` (``transport.client = None``), and then
``Connection.close()``, which closes the channel a second time. Closing the channel restores
its unacknowledged messages (a task waiting for its countdown, say) through a new connection
pool, built from ``transport.client`` — now ``None`` — so kombu 5.7 raises
``AttributeError: 'NoneType' object has no attribute 'hostname'``. That is not a connection
error, so the consumer does not reconnect: the worker stops with "Unrecoverable error".

Here each channel keeps the connection details it was opened with and lends them to the
transport for as long as it builds its pool. The restore then either succeeds (the broker is
back) or fails with a connection error, which kombu and Celery handle: the worker reconnects,
and the messages stay in Redis's unacked set until the visibility timeout brings them back."""

from __future__ import annotations

from typing import Any

from kombu.transport import TRANSPORT_ALIASES, redis

REDIS_SCHEMES = ("redis", "rediss")
ALIAS = "sanchuangredis"


class Channel(redis.Channel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._conninfo = self.connection.client

    def _connparams(self, asynchronous: bool = False) -> dict[str, Any]:
        transport = self.connection
        if transport.client is not None:
            return super()._connparams(asynchronous=asynchronous)
        transport.client = self._conninfo
        try:
            return super()._connparams(asynchronous=asynchronous)
        finally:
            transport.client = None


class Transport(redis.Transport):
    Channel = Channel


def transport_for(broker_url: str) -> str | None:
    """The transport for ``broker_url``: this one (registered as ``sanchuangredis``) for
    Redis, else None (kombu's choice by the URL's scheme)."""
    scheme = broker_url.split("://", 1)[0].lower()
    if scheme not in REDIS_SCHEMES:
        return None
    TRANSPORT_ALIASES[ALIAS] = f"{__name__}:Transport"
    return ALIAS
