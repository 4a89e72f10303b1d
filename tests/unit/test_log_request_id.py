"""The request id in the JSON log lines."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from sanchuang.runtime.logs import REQUEST_ID, JsonFormatter


def line(message: str = "hello") -> dict[str, object]:
    record = logging.LogRecord("sanchuang.test", logging.INFO, __file__, 1, message, (), None)
    return dict(json.loads(JsonFormatter().format(record)))


@pytest.fixture
def request_id() -> Iterator[str]:
    token = REQUEST_ID.set("req-123")
    yield "req-123"
    REQUEST_ID.reset(token)


def test_a_log_line_names_the_request_it_was_written_for(request_id: str) -> None:
    assert line()["request_id"] == request_id


def test_a_log_line_outside_any_request_has_no_request_id() -> None:
    assert "request_id" not in line()


