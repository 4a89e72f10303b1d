"""Operations on the site: every answer carries a request id (the caller's when sane, else a
new one), the id reaches the task messages a request causes, and /metrics shows the request
counts and the store's numbers as stored."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from test_objections_web import post
from web_scenario import Township, form_token

from models import queries
from sanchuang.bootstrap import System
from sanchuang.runtime.logs import REQUEST_ID
from sanchuang.web.app import create_app
from workflows.stages import Stage

GENERATED = re.compile(r"[0-9a-f]{32}")


def test_a_sane_request_id_is_returned_as_given(client: TestClient) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.9_x"})
    assert response.headers["x-request-id"] == "lb-7f3a.9_x"


def test_without_a_request_id_each_request_gets_a_new_one(client: TestClient) -> None:
    first, second = client.get("/"), client.get("/publicity")
    ids = first.headers["x-request-id"], second.headers["x-request-id"]
    assert all(GENERATED.fullmatch(i) for i in ids)
    assert ids[0] != ids[1]


@pytest.mark.parametrize("hostile", ["a" * 65, "<script>alert(1)</script>", "id with spaces",
                                     "x;rm -rf", "\"quoted\"", ""])
def test_a_hostile_request_id_is_replaced(client: TestClient, hostile: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": hostile})
    assert GENERATED.fullmatch(response.headers["x-request-id"])


def test_an_error_page_carries_a_request_id_too(client: TestClient) -> None:
    response = client.get("/no-such-page", headers={"X-Request-ID": "trace-404"})
    assert response.status_code == 404
    assert response.headers["x-request-id"] == "trace-404"


def test_the_tasks_a_request_causes_are_sent_under_its_id(client: TestClient,
                                                          town: Township) -> None:
    sent_under: list[str | None] = []
    town.queue.publish_events = lambda ids: sent_under.append(REQUEST_ID.get())  # type: ignore[method-assign]
    token = form_token(client, town.window_id)
    client.headers["X-Request-ID"] = "objection-42"
    assert post(client, town, token).status_code == 303
    assert sent_under == ["objection-42"]


def sample(metrics: str, name: str, **labels: str) -> float | None:
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    line = f"{name}{{{wanted}}} " if labels else f"{name} "
    found = [row for row in metrics.splitlines() if row.startswith(line)]
    return float(found[0].split()[-1]) if found else None


def test_metrics_show_requests_and_the_stored_stage_counts(town: Township) -> None:
    client = TestClient(create_app(town.system), client=("127.0.0.1", 50000))
    client.get("/healthz")
    client.get("/healthz")
    client.get("/no-such-page")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert sample(text, "sanchuang_http_requests_total", method="GET", route="healthz",
                  status="200") == 2
    assert sample(text, "sanchuang_http_requests_total", method="GET", route="unmatched",
                  status="404") == 1
    assert sample(text, "sanchuang_http_request_duration_seconds_count", route="healthz") == 2
    assert sample(text, "sanchuang_nominations", campaign=town.campaign_id,
                  stage=Stage.PUBLICITY.value) == len(town.nomination_ids) == 2
    assert [row for row in text.splitlines() if row.startswith("sanchuang_nominations{")] \
        == [f'sanchuang_nominations{{campaign="{town.campaign_id}",stage="publicity"}} 2.0']
    assert sample(text, "sanchuang_outbox_waiting") == queries.pending_events(town.store)
    assert sample(text, "sanchuang_events_handled_total") == len(queries.event_ids(town.store)) \
        - queries.pending_events(town.store)
    assert (sample(text, "sanchuang_events_handled_total") or 0) > 0
    assert sample(text, "sanchuang_store_up") == 1
    assert "sanchuang_queue_depth" not in text  # the folder broker has no queue lengths


def test_metrics_are_for_a_scraper_on_this_machine_or_with_the_token(town: Township) -> None:
    remote = TestClient(create_app(town.system), client=("203.0.113.7", 50000))
    assert remote.get("/metrics").status_code == 403
    settings = town.system.settings.model_copy(update={"metrics_token": SecretStr("s3cret")})
    system = System(settings, town.system.store, town.system.bus, town.system.renderer,
                    town.system.documents)
    with_token = TestClient(create_app(system), client=("203.0.113.7", 50000))
    assert with_token.get("/metrics").status_code == 403
    wrong = with_token.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    right = with_token.get("/metrics", headers={"Authorization": "Bearer s3cret"})
    assert right.status_code == 200
    assert "sanchuang_nominations" in right.text
    local = TestClient(create_app(system), client=("127.0.0.1", 50000))
    assert local.get("/metrics").status_code == 403  # with a token set, the token is needed
