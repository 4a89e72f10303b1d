"""Every route × every role (and a visitor), each answer checked against the declared table:

- a public route answers everyone (never 401/403, never a server error);
- a staff route sends a visitor to the login (a page: 303 to /login?next=…; the API: 401),
  refuses a signed-in user of another role with 403, and lets the roles it names through;
- a route scoped to the clerk's village answers 404 to the clerk of another village who
  guesses the id of a nomination that exists.

POSTs carry a genuine form token, so a 403 can only come from the permission table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from staff_logins import LOGINS, create_logins, form_token_of, sign_in
from starlette.routing import BaseRoute
from web_scenario import Township, form_token, in_publicity

from models.store import Store
from sanchuang.accounts import StaffRole
from sanchuang.web.app import create_app
from sanchuang.web.permissions import API_PREFIX, PUBLIC, SCRAPER, Staff, access
from workflows.audit_seal import HmacSigner

VISITOR = "visitor"
PARAM = re.compile(r"{(\w+)(?::\w+)?}")


def role_of(username: str) -> StaffRole:
    return next(new.role for new in LOGINS if new.username == username)


def routes(app: FastAPI) -> Iterator[tuple[str, str, str]]:
    """(name, method, path template) of every route with methods (the static mount has
    none and is checked by the public pages' tests)."""
    for route in served(app.routes):
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                yield str(getattr(route, "name", "")), method, str(getattr(route, "path", ""))


def served(routes: Iterable[BaseRoute]) -> Iterator[Any]:
    """Each route as served, with its full path (an included router's routes carry their
    prefix only in their effective contexts)."""
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is None:
            yield route
        else:
            yield from contexts()


def fill(path: str, values: dict[str, str]) -> str:
    return PARAM.sub(lambda m: values.get(m.group(1), "0000000000000000"), path)


def path_values(town: Township) -> dict[str, str]:
    """A real id for each path parameter the site uses: the clerk's own nomination first."""
    with town.store.uow() as uow:
        requests = uow.vetting.for_nominations(town.nomination_ids)
    request_ids = [r.id for waiting in requests.values() for r in waiting]
    return {"nomination_id": town.nomination_ids[0], "window_id": town.window_id,
            "campaign_id": town.campaign_id, "request_id": request_ids[0] if request_ids else "x",
            "code": "0000AAAA", "content_hash": "0" * 64}


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FastAPI, Township]]:
    tmp = tmp_path_factory.mktemp("authz")
    store = Store(f"sqlite:///{tmp / 'web.db'}", signer=HmacSigner(b"authz-test-key"))
    store.migrate()
    town = in_publicity(store, tmp)
    create_logins(town.store)
    yield create_app(town.system), town
    store.dispose()


def ask(client: TestClient, method: str, path: str) -> Response:
    if method == "GET":
        return client.get(path, follow_redirects=False)
    token = form_token_of(client, "/login")
    return client.request(method, path, data={"csrf_token": token}, follow_redirects=False)


def cookie_write(api: bool, method: str) -> bool:
    """A write on the API counts only a bearer token: the walk's session cookie is ignored
    there, so the signed-in walker is a visitor to it (401) whatever their role."""
    return api and method not in ("GET", "HEAD", "OPTIONS")


def expected(rule: str | Staff, who: str, api: bool, method: str = "GET") -> set[int] | None:
    """The statuses the table allows for this caller; None: "let through" (any answer but
    401, 403 or a server error)."""
    if rule == PUBLIC:
        return None
    if rule == SCRAPER:
        return {403}  # the test client is not on loopback and sends no metrics token
    assert isinstance(rule, Staff)
    if who == VISITOR or cookie_write(api, method):
        return {401} if api else {303}
    return None if role_of(who) in rule.roles else {403}


WHO = [VISITOR, *(new.username for new in LOGINS)]


@pytest.mark.parametrize("who", WHO)
def test_every_route_answers_each_role_as_the_table_declares(
        walk: tuple[FastAPI, Township], who: str) -> None:
    app, town = walk
    values = path_values(town)
    wrong = []
    client = TestClient(app)
    if who != VISITOR:
        sign_in(client, who)
    for name, method, template in routes(app):
        if name in ("logout", "login"):
            continue  # they end or replace the walk's own session; test_signin covers them
        path = fill(template, values)
        rule = access(name)
        assert rule is not None, f"{name} has no row"
        response = ask(client, method, path)
        allowed = expected(rule, who, path.startswith(API_PREFIX), method)
        status = response.status_code
        if allowed is None:
            if status in (401, 403) or status >= 500:
                wrong.append(f"{method} {path} ({name}) as {who}: {status}, expected through")
        elif status not in allowed:
            wrong.append(f"{method} {path} ({name}) as {who}: {status}, expected {allowed}")
        elif status == 303 and not response.headers["location"].startswith("/login?next="):
            wrong.append(f"{method} {path} ({name}) as {who}: redirected elsewhere")
    assert wrong == []


def test_a_clerk_guessing_another_villages_nomination_ids_learns_nothing(
        walk: tuple[FastAPI, Township]) -> None:
    app, town = walk
    values = path_values(town)
    client = TestClient(app)
    sign_in(client, "clerk2")  # the nominations of the walk belong to clerk's village
    scoped = [(name, method, template) for name, method, template in routes(app)
              if "{nomination_id}" in template and isinstance(access(name), Staff)
              and StaffRole.VILLAGE in access(name).roles]  # type: ignore[union-attr]
    for name, method, template in scoped:
        rule = access(name)
        assert isinstance(rule, Staff)
        assert rule.scope == "own_village", (
            f"{name} lets village clerks reach a nomination by id but is not scoped")
        path = fill(template, values)
        response = ask(client, method, path)
        refused = 401 if cookie_write(path.startswith(API_PREFIX), method) else 404
        assert response.status_code == refused, f"{method} {template} ({name})"
        assert town.nomination_ids[0] not in response.text


def test_the_public_forms_carry_their_token(walk: tuple[FastAPI, Township]) -> None:
    app, town = walk
    assert form_token(TestClient(app), town.window_id)
