"""The OpenAPI schema fuzzed by schemathesis, in-process over the township in publicity:
every operation, a bounded number of generated requests (valid and invalid), no 5xx and
every answer as the schema declares it (status codes, content types, bodies). A staff
operation is called with the token of a login of the role it serves (by username in USERS)."""

from __future__ import annotations

import pytest
from api_tokens import bearer, tokens
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import positive_data_acceptance
from schemathesis.openapi import from_asgi
from web_scenario import Township, commended

from sanchuang.web.app import API_PREFIX, create_app

USERS = {("GET", "/me"): "", ("GET", "/nominations"): "clerk",
         ("GET", "/nominations/{nomination_id}"): "clerk", ("POST", "/nominations"): "clerk",
         ("POST", "/nominations/{nomination_id}/resubmit"): "clerk",
         ("POST", "/nominations/{nomination_id}/review"): "wenming",
         ("POST", "/nominations/{nomination_id}/scores"): "reviewer",
         ("GET", "/vetting"): "police", ("POST", "/vetting/{request_id}"): "police"}
OPERATIONS = [("GET", "/publicity"), ("GET", "/publicity/{window_id}"),
              ("POST", "/publicity/{window_id}/objections"),
              ("GET", "/honours"), ("GET", "/verify/{content_hash}"), *USERS]
# Invalid input exists only where the schema constrains one: the digest's pattern.
RUNS = [(m, p, GenerationMode.POSITIVE) for m, p in OPERATIONS] + [
    ("GET", "/verify/{content_hash}", GenerationMode.NEGATIVE)]


def test_every_operation_is_fuzzed(client: TestClient) -> None:
    schema = client.get(f"{API_PREFIX}/openapi.json").json()
    declared = sorted((method.upper(), path.removeprefix(API_PREFIX))
                      for path, item in schema["paths"].items() for method in item)
    assert declared == sorted(OPERATIONS)


@pytest.mark.parametrize(("method", "path", "mode"), RUNS,
                         ids=[f"{v} {p}-{m.value}" for v, p, m in RUNS])
def test_api_answers_as_declared(town: Township, method: str, path: str,
                                 mode: GenerationMode) -> None:
    # a write's schema-valid body may still be refused by the domain (400: an unknown
    # household, a stage that does not allow the move): only its shape is the schema's
    excluded = [positive_data_acceptance] if method == "POST" else []
    keys = tokens(town.store)
    headers = bearer(keys[USERS[(method, path)]]) if USERS.get((method, path)) else {}
    app = create_app(town.system)
    app.state.throttle.limit = 10**6  # the objection endpoint's limit is tested on its own
    schema = from_asgi(f"{API_PREFIX}/openapi.json", app)
    operation = schema[API_PREFIX + path][method]

    @given(operation.as_strategy(mode))
    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def answers_as_declared(case: Case) -> None:
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    answers_as_declared()


def test_real_answers_conform(town: Township) -> None:
    """Generated ids find nothing: the listed notice, its digest and a published honour roll
    are asked for by hand, and their bodies checked against the schema too."""
    schema = from_asgi(f"{API_PREFIX}/openapi.json", create_app(town.system))
    notice = schema[f"{API_PREFIX}/publicity/{{window_id}}"]["GET"].Case(
        path_parameters={"window_id": town.window_id})
    body = notice.call_and_validate().json()
    assert body["window_id"] == town.window_id
    assert len([e for g in body["groups"] for e in g["entries"]]) == 2
    assert schema[f"{API_PREFIX}/publicity"]["GET"].Case().call_and_validate().json()
    commended(town)
    roll = schema[f"{API_PREFIX}/honours"]["GET"].Case().call_and_validate().json()
    assert roll["number"] == "新坪发〔2026〕12号"
    assert {e["nomination_id"] for g in roll["groups"] for e in g["entries"]} == set(
        town.nomination_ids)
    verify = schema[f"{API_PREFIX}/verify/{{content_hash}}"]["GET"].Case(
        path_parameters={"content_hash": body["content_hash"]})
    assert verify.call_and_validate().json()["kind_name"] == "公示名单"
