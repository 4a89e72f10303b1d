"""What every handler is given besides the unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from workflows.ports import BlobStore, Clock, Renderer


class Links(Protocol):
    """Addresses of the public pages, built at the edge: the domain knows no routes."""

    def publicity_notice(self, window_id: str) -> str: ...


@dataclass(frozen=True)
class Deps:
    clock: Clock
    renderer: Renderer
    email_enabled: bool = False
    links: Links | None = None  # without it, notifications carry no links
    blobs: BlobStore | None = None
