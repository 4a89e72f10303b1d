"""Whether the broker can take a message now: Redis answers PING; the folder broker's queue
folder exists (made as the producer would make it) and this process may write to it."""

from __future__ import annotations

import os

import redis

from sanchuang.runtime.celeryconfig import filesystem_options
from sanchuang.settings import Settings


def broker_reachable(settings: Settings, timeout_s: float = 2.0) -> bool:
    url = settings.broker
    if url.startswith(("redis://", "rediss://", "unix://")):
        try:
            client = redis.Redis.from_url(url, socket_timeout=timeout_s,
                                          socket_connect_timeout=timeout_s)
            return bool(client.ping())
        except (redis.RedisError, OSError, ValueError):
            return False
    try:
        queue = filesystem_options(settings)["data_folder_in"]  # made when missing
    except OSError:
        return False
    return os.access(queue, os.W_OK)
