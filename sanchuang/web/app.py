"""The app factory: ``create_app(system)`` wires the routers, the security headers and the
templates around one System from the composition root. Nothing is built at import time."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from sanchuang.accounts import Logins
from sanchuang.bootstrap import System, bootstrap
from sanchuang.web import (
    admin,
    api,
    api_desk,
    api_village,
    approval,
    errors,
    health,
    inbox,
    metrics,
    public,
    public_log,
    reviewing,
    roster_import,
    signin,
    title_forms,
    titles,
    township,
    township_campaign,
    township_exports,
    township_launch,
    township_nomination,
    township_objections,
    township_publicity,
    township_review,
    vetting,
    village,
    village_forms,
)
from sanchuang.web.csrf import make_signer
from sanchuang.web.i18n import Language
from sanchuang.web.pages import Pages
from sanchuang.web.permissions import API_PREFIX, authorise
from sanchuang.web.requests import RequestIds
from sanchuang.web.security import SecurityHeaders
from sanchuang.web.sessions import Sessions
from sanchuang.web.throttle import Throttle


def create_app(system: System | None = None) -> FastAPI:
    """The whole site over ``system`` (built from the settings when not given)."""
    system = system or bootstrap()
    app = FastAPI(title="三创评选", openapi_url=f"{API_PREFIX}/openapi.json",
                  docs_url=None, redoc_url=None, dependencies=[Depends(authorise)])
    app.state.system = system
    app.state.pages = Pages()
    app.state.csrf = make_signer(system.settings)
    app.state.throttle = Throttle(limit=5, period_seconds=600)
    app.state.login_throttle = Throttle(limit=10, period_seconds=600)
    app.state.logins = Logins(system.store)
    app.state.sessions = Sessions(system.settings, app.state.logins)
    app.add_middleware(Language)
    app.state.metrics = metrics.Metrics(system)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestIds, observe=app.state.metrics.observe)  # outermost: times all
    app.mount("/static", StaticFiles(packages=[("sanchuang.web", "static")]), name="static")
    # The OpenAPI schema describes the JSON API alone: pages and probes are not for integrators.
    app.include_router(health.router, include_in_schema=False)
    app.include_router(metrics.router, include_in_schema=False)
    app.include_router(public.router, include_in_schema=False)
    app.include_router(signin.router, include_in_schema=False)
    app.include_router(inbox.router, include_in_schema=False)
    # the form's router before the village router: /village/nominations/new is not an id
    app.include_router(village_forms.router, include_in_schema=False)
    app.include_router(village.router, include_in_schema=False)
    app.include_router(roster_import.router, include_in_schema=False)
    app.include_router(reviewing.router, include_in_schema=False)
    app.include_router(vetting.router, include_in_schema=False)
    app.include_router(admin.router, include_in_schema=False)
    app.include_router(public_log.router, include_in_schema=False)
    app.include_router(titles.router, include_in_schema=False)
    app.include_router(title_forms.router, include_in_schema=False)
    for router in (township.router, township_review.router, township_publicity.router,
                   township_objections.router,
                   township_nomination.router, township_campaign.router,
                   approval.router, township_exports.router,
                   township_launch.router):
        app.include_router(router, include_in_schema=False)
    app.include_router(api.router, prefix=API_PREFIX)
    app.include_router(signin.api_router, prefix=API_PREFIX)
    app.include_router(api_village.router, prefix=API_PREFIX)
    app.include_router(api_desk.router, prefix=API_PREFIX)
    errors.install(app, API_PREFIX)
    return app
