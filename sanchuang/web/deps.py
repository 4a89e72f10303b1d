"""Typed dependencies for the routes: the system, the bus, the store, the pages, and the
load-or-404 of a publicity notice."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from models import public_queries
from models.public_queries import PublicNotice
from models.store import Store
from sanchuang.bootstrap import System
from sanchuang.web.i18n import N_
from sanchuang.web.pages import Pages
from workflows.bus import MessageBus


def get_system(request: Request) -> System:
    system: System = request.app.state.system
    return system


def get_bus(request: Request) -> MessageBus:
    return get_system(request).bus


def get_store(request: Request) -> Store:
    return get_system(request).store


def get_pages(request: Request) -> Pages:
    pages: Pages = request.app.state.pages
    return pages


SystemDep = Annotated[System, Depends(get_system)]
BusDep = Annotated[MessageBus, Depends(get_bus)]
StoreDep = Annotated[Store, Depends(get_store)]
PagesDep = Annotated[Pages, Depends(get_pages)]


def load_notice(window_id: str, store: StoreDep) -> PublicNotice:
    found = public_queries.notice(store, window_id) if window_id.isalnum() else None
    if found is None:
        raise HTTPException(404, N_("找不到这份公示"))
    return found


NoticeDep = Annotated[PublicNotice, Depends(load_notice)]
