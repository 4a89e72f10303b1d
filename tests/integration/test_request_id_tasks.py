"""The request id in the task messages sent under it (on the folder broker), and in the log
lines of the task run from such a message."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanchuang.bootstrap import bootstrap
from sanchuang.runtime.celeryconfig import EVENTS
from sanchuang.runtime.logs import REQUEST_ID, JsonFormatter
from sanchuang.runtime.processes import start, stop, wait_for
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


def test_a_real_worker_logs_the_task_under_the_request_id_of_its_message(
        tmp_path: Path, request_id: str) -> None:
    settings = Settings(data_dir=tmp_path)
    system = bootstrap(settings)
    system.store.migrate()
    system.store.dispose()
    worker = start(settings, "worker")
    try:
        CeleryQueue(settings).publish_events([424242])  # no such event: the task does nothing
        log = tmp_path / "logs" / "worker.log"
        assert wait_for(lambda: "task done" in log.read_text(encoding="utf-8"), 60)
    finally:
        stop(worker, settings, "worker")
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()
             if x.startswith("{") and "424242" in x]
    assert [(x["msg"], x.get("request_id")) for x in lines
            if x["logger"] == "sanchuang.tasks"] == [
        ("task started", request_id), ("task done", request_id)]
