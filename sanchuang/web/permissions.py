"""Who may open which route, declared once as data: route name → PUBLIC or the roles allowed.

Every route of the app has a row (a test walks ``app.routes``); ``authorise`` is the one
dependency that enforces the table, applied to the whole app by the factory. A route with
no row is refused. Logins come later: until then a route for roles is refused to everyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from fastapi import HTTPException, Request
from starlette.routing import BaseRoute

from workflows.stages import Role

PUBLIC: Final = "public"
Access = str | frozenset[Role]

PERMISSIONS: dict[str, Access] = {
    # process health, for whoever runs the process
    "healthz": PUBLIC,
    "readyz": PUBLIC,
    # Prometheus metrics: counts only, no personal data. PUBLIC for now; an operator who
    # exposes the site should keep /metrics to the scraper (proxy rule or a token, later).
    "metrics": PUBLIC,
    # site furniture
    "static": PUBLIC,
    "openapi": PUBLIC,
    # the public pages (no login)
    "home": PUBLIC,
    "publicity_list": PUBLIC,
    "publicity_notice": PUBLIC,
    "file_objection": PUBLIC,
    "objection_receipt": PUBLIC,
    "honours": PUBLIC,
    "verify": PUBLIC,
    # the JSON API, read-only public data
    "api_publicity_list": PUBLIC,
    "api_publicity_notice": PUBLIC,
    "api_honours": PUBLIC,
    "api_verify": PUBLIC,
}


def access(route_name: str) -> Access | None:
    return PERMISSIONS.get(route_name)


def each_route(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, the routes of included routers too (FastAPI may keep an included router
    as one entry of ``app.routes``, which answers for its own routes)."""
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is None:
            yield route
        else:
            yield from each_route(context.original_route for context in contexts())


def undeclared(routes: Iterable[BaseRoute]) -> list[str]:
    """Routes (by name, or path when unnamed) with no row in the table."""
    names = [str(getattr(r, "name", None) or getattr(r, "path", repr(r)))
             for r in each_route(routes)]
    return [name for name in names if name not in PERMISSIONS]


def authorise(request: Request) -> None:
    """Let the request through when the table allows it; refuse it otherwise."""
    route = request.scope.get("route")
    rule = access(getattr(route, "name", ""))
    if rule == PUBLIC:
        return
    if rule is None:
        raise HTTPException(403, "此页面未开放")
    raise HTTPException(401, "请先登录")
