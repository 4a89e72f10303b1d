"""One store per broker: every worker claims its Redis database for its store, under a key of
its own that expires unless the live worker refreshes it.

Two stores on one broker database would take each other's messages: a worker re-reads every
task's ids from ITS store, so another store's events are lost to it, silently. A worker
therefore refuses a broker on which a live claim names another store. A worker removes its
claim when it stops; one that was killed frees the broker ``CLAIM_TTL_S`` seconds later."""

from __future__ import annotations

import redis

from sanchuang.runtime.urls import safe_url

PREFIX = "sanchuang:claim:"
CLAIM_TTL_S = 60
REFRESH_S = 20
#: Exit status of a worker that refuses to start (sysexits' EX_CONFIG): not a crash, so
#: whoever supervises it does not start it again.
EX_REFUSED = 78


def _client(broker_url: str) -> redis.Redis:
    return redis.Redis.from_url(broker_url, socket_timeout=5, socket_connect_timeout=5)


def claim_key(store_id: str, holder: str) -> str:
    return f"{PREFIX}{store_id}:{holder}"


def claimants(broker_url: str) -> set[str]:
    """The stores whose workers hold a live claim on this broker."""
    with _client(broker_url) as client:
        owners = (client.get(key) for key in client.scan_iter(match=f"{PREFIX}*", count=100))
        return {owner.decode() for owner in owners if owner is not None}


def claim(broker_url: str, store_id: str, holder: str, ttl_s: int = CLAIM_TTL_S) -> str | None:
    """Claim (or keep claiming) the broker for ``store_id`` on behalf of ``holder`` (one
    worker); returns the id of another store with a live claim instead, or None.
    Raises redis.RedisError when Redis cannot be asked."""
    others = sorted(claimants(broker_url) - {store_id})
    if others:
        return others[0]
    with _client(broker_url) as client:
        client.set(claim_key(store_id, holder), store_id, ex=ttl_s)
    return None


def release(broker_url: str, store_id: str, holder: str) -> None:
    with _client(broker_url) as client:
        client.delete(claim_key(store_id, holder))


def refusal(broker_url: str, store_id: str, other: str) -> str:
    """What a worker says when it refuses a broker that another store's workers use."""
    return (f"worker 拒绝启动：broker {safe_url(broker_url)} 正被另一个数据库（存储标识 "
            f"{other}）的 worker 使用，而本 worker 的数据库存储标识是 {store_id}。"
            "两套数据共用一个 broker 会互相取走对方的消息。\n"
            "请停掉那个数据库的 worker，或给本系统另配一个 Redis 库（SANCHUANG_BROKER_URL，"
            f"如 redis://127.0.0.1:6379/1）。被强行终止的 worker，其占用在 {CLAIM_TTL_S} "
            "秒后自动失效。")
