"""Who may open which route, declared once as data: route name → PUBLIC or a Staff rule
(the roles allowed, and a scope narrowing what a role may reach).

Every route of the app has a row (a test walks ``app.routes`` and every role); ``authorise``
is the one dependency that enforces the table, applied to the whole app by the factory:

- a route with no row is refused to everyone (403);
- a staff route asked without a session sends a page to the login (303 to ``/login``) and
  answers 401 on the API;
- a signed-in user of another role gets 403;
- a scoped route answers 404 for what lies outside the user's scope (a village clerk asking
  for another village's nomination by its id learns nothing, not even that it exists);
- a write on the API (any method but GET/HEAD/OPTIONS) counts only a bearer token: a session
  cookie there is ignored (401), so another site cannot make a signed-in browser write
  through the API (the API asks no form token).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

from fastapi import HTTPException, Request
from starlette.routing import BaseRoute

from models.department_queries import request_department
from models.reviewer_queries import sits_on_panel
from models.staff_queries import nomination_village
from models.store import Store
from sanchuang.accounts import StaffRole, User
from sanchuang.web.i18n import N_
from sanchuang.web.sessions import bearer_token

PUBLIC: Final = "public"
SCRAPER: Final = "scraper"
LOOPBACK = frozenset({"127.0.0.1", "::1"})
API_PREFIX: Final = "/api/v1"

SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})

Scope = Callable[[User, Request, Store], bool]


def own_village(user: User, request: Request, store: Store) -> bool:
    """A village clerk reaches only nominations of their own village."""
    if user.role is not StaffRole.VILLAGE:
        return True
    nomination_id = str(request.path_params.get("nomination_id", ""))
    return nomination_village(store, nomination_id) == user.village_id


def own_panel(user: User, request: Request, store: Store) -> bool:
    """A reviewer reaches only nominations of the panels they sit on."""
    if user.role is not StaffRole.REVIEWER:
        return True
    nomination_id = str(request.path_params.get("nomination_id", ""))
    return sits_on_panel(store, user.account_id, nomination_id)


def own_department(user: User, request: Request, store: Store) -> bool:
    """A department officer reaches only the vetting requests sent to their department."""
    if user.role is not StaffRole.DEPARTMENT:
        return True
    request_id = str(request.path_params.get("request_id", ""))
    department = request_department(store, request_id)
    return department is not None and department == user.department


SCOPES: dict[str, Scope] = {"own_village": own_village, "own_panel": own_panel,
                            "own_department": own_department}


@dataclass(frozen=True)
class Staff:
    roles: frozenset[StaffRole]
    scope: str = ""


def staff(*roles: StaffRole, scope: str = "") -> Staff:
    if scope and scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    return Staff(frozenset(roles), scope)


Access = str | Staff
ANY_STAFF = staff(*StaffRole)
S, V, R, D, A = (StaffRole.SECRETARIAT, StaffRole.VILLAGE, StaffRole.REVIEWER,
                 StaffRole.DEPARTMENT, StaffRole.APPROVER)

PERMISSIONS: dict[str, Access] = {
    # process health, for whoever runs the process
    "healthz": PUBLIC,
    "readyz": PUBLIC,
    # Prometheus metrics: counts only, for the scraper (loopback, or its bearer token)
    "metrics": SCRAPER,
    # site furniture
    "static": PUBLIC,
    "openapi": PUBLIC,
    # the public pages (no login)
    "home": PUBLIC,
    "publicity_list": PUBLIC,
    "publicity_notice": PUBLIC,
    "file_objection": PUBLIC,
    "objection_receipt": PUBLIC,
    "objection_lookup": PUBLIC,
    "honours": PUBLIC,
    "verify": PUBLIC,
    "campaign_logs": PUBLIC,
    "public_log": PUBLIC,
    "publicity_log": PUBLIC,
    # signing in and out
    "language": PUBLIC,
    "login_form": PUBLIC,
    "login": PUBLIC,
    "logout": PUBLIC,
    "desk": ANY_STAFF,
    "inbox": ANY_STAFF,
    "inbox_message": ANY_STAFF,  # the query finds only the user's own messages
    # the village clerk's pages (village.py, village_forms.py)
    "village_nominations": staff(V),
    "village_new": staff(V),
    "village_create": staff(V),
    "village_nomination": staff(V, scope="own_village"),
    "village_timeline": staff(V, scope="own_village"),
    "village_submit": staff(V, scope="own_village"),
    "village_resubmit": staff(V, scope="own_village"),
    "village_attachment": staff(V, S, R, A, scope="own_village"),
    "village_roster": staff(V),
    # importing a roster file (roster_import.py): a clerk their own village's rows only
    # (checked row by row), the secretariat any village of the township
    "village_roster_import_form": staff(V, S),
    "village_roster_import": staff(V, S),
    "village_roster_template": staff(V, S),
    # the JSON API, read-only public data
    "api_publicity_list": PUBLIC,
    "api_publicity_notice": PUBLIC,
    "api_honours": PUBLIC,
    "api_verify": PUBLIC,
    "api_me": ANY_STAFF,
    "api_file_objection": PUBLIC,  # JSON bodies only, throttled per address like the page
    # the JSON API for integrations (api_village.py, api_desk.py): the roles and scopes of the
    # matching pages; writes only with a bearer token (see authorise)
    "api_nominations": staff(V),
    "api_nomination": staff(V, scope="own_village"),
    "api_create_nomination": staff(V),
    "api_resubmit": staff(V, scope="own_village"),
    "api_review": staff(S),
    "api_score": staff(R, scope="own_panel"),
    "api_vetting_list": staff(D),
    "api_vetting_answer": staff(D, scope="own_department"),
    # the reviewer's pages
    "reviewing_queue": staff(R),
    "reviewing_form": staff(R, scope="own_panel"),
    "reviewing_score": staff(R, scope="own_panel"),
    "reviewing_vote": staff(R, scope="own_panel"),
    "reviewing_recuse": staff(R, scope="own_panel"),
    # the department officer's pages
    "vetting_list": staff(D),
    "vetting_form": staff(D, scope="own_department"),
    "vetting_answer": staff(D, scope="own_department"),
    # the administrator's pages
    "admin_users": staff(StaffRole.ADMIN),
    "admin_create_user": staff(StaffRole.ADMIN),
    "admin_disable_user": staff(StaffRole.ADMIN),
    "admin_enable_user": staff(StaffRole.ADMIN),
    # the township: 镇文明办 (S) and 镇党委 (A)
    "township_dashboard": staff(S, A),
    "township_progress": staff(S, A),
    "township_review": staff(S),
    "township_review_act": staff(S),
    "township_panel": staff(S),
    "township_panel_assign": staff(S),
    "township_panel_rank": staff(S),
    "township_publicity": staff(S),
    "township_publicity_open": staff(S),
    "township_objections": staff(S),
    "township_objection_resolve": staff(S),
    "township_objection_record": staff(S),
    "township_objection_assign": staff(S),
    "township_objection_substitute": staff(S),
    "township_commendation": staff(S, A),
    "township_commendation_publish": staff(S, A),
    "township_export": staff(S, A),
    "township_nomination": staff(S),
    "township_campaign": staff(S),
    "township_campaign_create": staff(S),
    "township_launch_notice": staff(S, A),
    "approval": staff(A),
    "approval_approve": staff(A),
    # 称号管理 (titles.py, title_forms.py): the secretariat runs the case, plaques, re-rating
    # and cancellation; the party committee decides a revocation
    "titles_list": staff(S, A),
    "titles_title": staff(S, A),
    "titles_notice_page": staff(S, A),
    "titles_report": staff(S),
    "titles_verify": staff(S),
    "titles_decide": staff(A),
    "titles_notice": staff(S),
    "titles_plaque": staff(S),
    "titles_rerate": staff(S),
    "titles_cancel": staff(S),
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


def scraper(request: Request) -> bool:
    """The metrics scraper: the configured bearer token, or (with none set) this machine."""
    setting = request.app.state.system.settings.metrics_token
    token = setting.get_secret_value() if setting else ""
    if not token:  # unset or empty (compose passes an empty value when none is given)
        return bool(request.client and request.client.host in LOOPBACK)
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(sent.strip().encode(),
                                                              token.encode())


class SignInRequired(Exception):
    """A page for signed-in users asked without a session: answered with the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def login_url(next_path: str) -> str:
    return f"/login?next={quote(next_path, safe='/')}"


def authorise(request: Request) -> None:
    """Let the request through when the table allows it; refuse it otherwise. The user (or
    None) is left in ``request.state.user`` for the route."""
    route = request.scope.get("route")
    rule = access(getattr(route, "name", ""))
    api = request.url.path.startswith(API_PREFIX)
    user = request.app.state.sessions.user(request, api) if rule is not None else None
    if api and request.method not in SAFE_METHODS and not bearer_token(request):
        user = None
    request.state.user = user
    if rule == PUBLIC:
        return
    if rule == SCRAPER:
        if not scraper(request):
            raise HTTPException(403, "指标只对本机或持有指标令牌的采集程序开放")
        return
    if not isinstance(rule, Staff):
        raise HTTPException(403, N_("此页面未开放"))
    if user is None:
        if api:
            raise HTTPException(401, N_("请先登录"), headers={"WWW-Authenticate": "Bearer"})
        raise SignInRequired(request.url.path)
    if user.role not in rule.roles:
        raise HTTPException(403, f"{user.role_name}账号无权访问此页面")
    if rule.scope and not SCOPES[rule.scope](user, request, request.app.state.system.store):
        raise HTTPException(404, N_("找不到这个页面"))
