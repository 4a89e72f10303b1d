"""What every handler is given besides the unit of work."""

from __future__ import annotations

from dataclasses import dataclass

from workflows.ports import BlobStore, Clock, Renderer


@dataclass(frozen=True)
class Deps:
    clock: Clock
    renderer: Renderer
    email_enabled: bool = False
    site_url: str = ""
    blobs: BlobStore | None = None
