"""The app factory: ``create_app(system)`` wires the routers, the security headers and the
templates around one System from the composition root. Nothing is built at import time."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from sanchuang.accounts import Logins
from sanchuang.bootstrap import System, bootstrap
from sanchuang.web import (
    api,
    approval,
    errors,
    health,
    public,
    signin,
    township,
    township_campaign,
    township_nomination,
    township_publicity,
    township_review,
)
from sanchuang.web.csrf import make_signer
from sanchuang.web.i18n import Language
from sanchuang.web.pages import Pages
from sanchuang.web.permissions import API_PREFIX, authorise
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
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(packages=[("sanchuang.web", "static")]), name="static")
    app.include_router(health.router)
    app.include_router(public.router)
    app.include_router(signin.router)
    for router in (township.router, township_review.router, township_publicity.router,
                   township_nomination.router, township_campaign.router,
                   approval.router):
        app.include_router(router)
    app.include_router(api.router, prefix=API_PREFIX)
    app.include_router(signin.api_router, prefix=API_PREFIX)
    errors.install(app, API_PREFIX)
    return app
