"""The composition root: the web app, the CLI and the workers all start here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from models.errors import is_transient
from models.store import Store
from sanchuang.delivery.render import Renderer
from sanchuang.documents.render import DocumentRenderer
from sanchuang.runtime.audit_key import audit_signer
from sanchuang.runtime.blobs import FolderBlobStore
from sanchuang.runtime.queue import CeleryQueue
from sanchuang.runtime.urls import SiteLinks
from sanchuang.settings import Settings, get_settings
from workflows.bus import MessageBus
from workflows.handlers import Deps, waited_for
from workflows.ports import Clock, Queue, UnitOfWork
from workflows.retry import RetryPolicy


class NotificationRenderer:
    """Adapts the Jinja2 renderer to the domain's Renderer port."""

    def __init__(self, renderer: Renderer):
        self.renderer = renderer

    def render(self, kind: str, context: dict[str, Any]) -> tuple[str, str, str]:
        rendered = self.renderer.notification(kind, context)
        return rendered.subject, rendered.text, rendered.html


@dataclass
class System:
    settings: Settings
    store: Store
    bus: MessageBus
    renderer: Renderer
    documents: DocumentRenderer


def bootstrap(
    settings: Settings | None = None,
    store: Store | None = None,
    uow: Callable[[], UnitOfWork] | None = None,
    queue: Queue | None = None,
    clock: Clock | None = None,
    renderer: Renderer | None = None,
    retry_budget: float | None = None,
) -> System:
    """Build what is not given and wire it together. ``retry_budget``: seconds a command is
    run again while the store is unreachable (default ``settings.command_retry_seconds``)."""
    settings = settings or get_settings()
    store = store or Store(settings.db_url, settings.db_pool_size,
                           signer=audit_signer(settings))
    renderer = renderer or Renderer()
    deps = Deps(
        clock=clock or store.clock,
        renderer=NotificationRenderer(renderer),
        email_enabled=settings.email_enabled,
        sms_enabled=settings.sms_enabled,
        links=SiteLinks(settings.site_url),
        blobs=FolderBlobStore(settings.blob_dir or settings.data_dir / "blobs",
                              settings.attachment_max_bytes),
    )
    budget = settings.command_retry_seconds if retry_budget is None else retry_budget
    retry = RetryPolicy(is_transient, settings.command_retries,
                        max_delay=settings.command_retry_max_seconds, budget=budget)
    bus = MessageBus(uow or partial(store.uow, waited_for), deps, queue or CeleryQueue(settings),
                     settings.event_batch, retry)
    return System(settings, store, bus, renderer, DocumentRenderer())
