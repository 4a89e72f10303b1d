"""The request id in the task messages sent under it (on the folder broker), and in the log
lines of the task run from such a message."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanchuang.runtime.celeryconfig import EVENTS
from sanchuang.runtime.logs import REQUEST_ID, JsonFormatter
from sanchuang.runtime.queue import CeleryQueue
from sanchuang.settings import Settings
from workers.app import create_app
from workers.tasks import house_task


@pytest.fixture
def request_id() -> Iterator[str]:
    token = REQUEST_ID.set("req-123")
    yield "req-123"
    REQUEST_ID.reset(token)


def test_events_published_during_a_request_carry_its_id_as_a_header(
        tmp_path: Path, request_id: str) -> None:
    CeleryQueue(Settings(data_dir=tmp_path)).publish_events([7, 8])
    messages = [json.loads(p.read_text()) for p in (tmp_path / "broker" / "queue").iterdir()]
    assert len(messages) == 1
    assert messages[0]["headers"]["request_id"] == request_id
    assert messages[0]["headers"]["task"] == "sanchuang.handle_events"


def test_outside_a_request_no_request_id_header_is_sent(tmp_path: Path) -> None:
    CeleryQueue(Settings(data_dir=tmp_path)).deliver_notifications([3])
    [message] = [json.loads(p.read_text()) for p in (tmp_path / "broker" / "queue").iterdir()]
    assert "request_id" not in message["headers"]


def test_a_task_logs_under_the_request_id_of_its_message(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path))
    lines: list[dict[str, object]] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(json.loads(JsonFormatter().format(record)))

    @house_task(app, "sanchuang.test_logged", EVENTS)
    def logged() -> None:
        logging.getLogger("sanchuang.tasks").info("inside")

    tasks_log = logging.getLogger("sanchuang.tasks")
    keep, level = Keep(), tasks_log.level
    tasks_log.addHandler(keep)
    tasks_log.setLevel(logging.INFO)
    try:
        logged.apply(headers={"request_id": "web-9"})
        logged.apply()
    finally:
        tasks_log.removeHandler(keep)
        tasks_log.setLevel(level)
    assert [(x["msg"], x.get("request_id")) for x in lines] == [
        ("task started", "web-9"), ("inside", "web-9"), ("task done", "web-9"),
        ("task started", None), ("inside", None), ("task done", None)]
    assert REQUEST_ID.get() is None
