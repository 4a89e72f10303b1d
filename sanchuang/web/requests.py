"""Request ids and access lines (plain ASGI middleware).

Every HTTP request gets an id: the caller's ``X-Request-ID`` when it is a sane token (at most
64 of ``A-Z a-z 0-9 . _ -``), else a fresh one. The id is returned in the response's
``X-Request-ID``, set in ``REQUEST_ID`` while the request is served (so every log line and
every task message sent meanwhile carries it), and written in one JSON access line:
method, path, status, duration_ms, request_id. ``observe`` hears the same (for metrics)."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sanchuang.runtime.logs import REQUEST_ID

HEADER = "x-request-id"
SANE = re.compile(r"[A-Za-z0-9._-]{1,64}")
UNMATCHED = "unmatched"

#: (route name, method, status, seconds) of one finished request.
Observer = Callable[[str, str, int, float], None]

log = logging.getLogger("sanchuang.access")


def request_id_from(scope: Scope) -> str:
    """The caller's id if it is a sane token, else a new one."""
    for key, value in scope.get("headers", []):
        if key.decode("latin-1").lower() == HEADER:
            given = value.decode("latin-1")
            if SANE.fullmatch(given):
                return given
            break
    return uuid.uuid4().hex


def route_name(scope: Scope) -> str:
    """The name of the route that answered (never the raw path: bounded for metric labels)."""
    return str(getattr(scope.get("route"), "name", None) or UNMATCHED)


class RequestIds:
    def __init__(self, app: ASGIApp, observe: Observer | None = None) -> None:
        self.app, self.observe = app, observe

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(scope)
        status = 500  # unless a response starts
        began = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() != HEADER]
                message["headers"] = [*headers, (HEADER.encode(), request_id.encode())]
            await send(message)

        token = REQUEST_ID.set(request_id)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - began
            log.info("request", extra={
                "method": scope["method"], "path": scope["path"], "status": status,
                "duration_ms": round(seconds * 1000, 1)})
            if self.observe is not None:
                self.observe(route_name(scope), scope["method"], status, seconds)
            REQUEST_ID.reset(token)
