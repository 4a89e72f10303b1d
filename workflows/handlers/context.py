"""What every handler is given besides the unit of work, and what batch handlers share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from workflows.ports import BlobStore, Clock, Links, Renderer, StoredEvent


@dataclass(frozen=True)
class Deps:
    clock: Clock
    renderer: Renderer
    email_enabled: bool = False
    sms_enabled: bool = False  # accounts with a phone and no e-mail address get SMS
    links: Links | None = None  # without it, notifications carry no links
    blobs: BlobStore | None = None


class ConcernsNomination(Protocol):
    """An event about one nomination (a stage change, a review, a vetting answer …)."""

    @property
    def nomination_id(self) -> str: ...


N = TypeVar("N", bound=ConcernsNomination)


def nomination_ids(group: Iterable[StoredEvent[N]]) -> list[str]:
    """The nominations a batch of events concerns, each once, in the order first raised."""
    return list(dict.fromkeys(stored.event.nomination_id for stored in group))
