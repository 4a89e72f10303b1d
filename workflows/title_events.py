"""Events of a title after the award."""

from __future__ import annotations

from dataclasses import dataclass

from workflows.events import Event


@dataclass(frozen=True)
class TitleChanged(Event):
    """A step on a title: ``action`` is the audited action, ``summary`` what it changed."""

    nomination_id: str
    action: str
    status: str
    summary: str
