"""The Celery configuration shared by the producer (web, CLI) and the workers."""

from __future__ import annotations

from typing import Any

from sanchuang.runtime import fsbroker, redisbroker
from sanchuang.settings import Settings

EVENTS, NOTIFICATIONS, SWEEPS = "events", "notifications", "sweeps"


def celery_config(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        "broker_url": settings.broker,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_ignore_result": True,
        "result_backend": None,
        "worker_prefetch_multiplier": 1,
        "task_default_queue": EVENTS,
        "task_serializer": "json",
        "accept_content": ["json"],
        "broker_connection_retry_on_startup": True,
        "worker_hijack_root_logger": False,
        "timezone": "UTC",
        "enable_utc": True,
    }
    if settings.embedded:
        fsbroker.register()
        config["broker_transport_options"] = filesystem_options(settings)
        config["worker_enable_remote_control"] = False
    else:
        config["broker_transport_options"] = {"visibility_timeout": 600}
        config["broker_transport"] = redisbroker.transport_for(settings.broker)
    return config


def filesystem_options(settings: Settings) -> dict[str, Any]:
    """A server-less broker: messages are files in the data folder, moved atomically."""
    root = (settings.data_dir / "broker").resolve()
    for name in ("queue", "processed", "control"):
        (root / name).mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(root / "queue"),
        "data_folder_out": str(root / "queue"),
        "processed_folder": str(root / "processed"),
        "control_folder": str(root / "control"),
        "store_processed": True,
        "polling_interval": 0.05,
    }
