"""The adapters the domain calls besides the store: clock, renderer, doorbell, blob store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class Renderer(Protocol):
    def render(self, kind: str, context: dict[str, Any]) -> tuple[str, str, str]: ...


class Queue(Protocol):
    """The doorbell: tells workers that committed rows are waiting."""

    def publish_events(self, event_ids: Sequence[int]) -> None: ...

    def deliver_notifications(self, notification_ids: Sequence[int]) -> None: ...


class BlobStore(Protocol):
    """Where attachment bytes live, by content hash (sha256 hex). Writing the same bytes twice
    keeps one copy; ``max_bytes`` is the largest file it accepts."""

    max_bytes: int

    def put(self, content: bytes) -> str: ...

    def read(self, content_hash: str) -> bytes: ...


class Links(Protocol):
    """Addresses of the public pages, built at the edge: the domain knows no routes."""

    def publicity_notice(self, window_id: str) -> str: ...

    def nomination_page(self, nomination_id: str) -> str: ...
