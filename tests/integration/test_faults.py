"""Faults lose nothing: a worker killed mid-campaign, the same message delivered twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from campaigns import Workers, audit_problems, outcome, prepare, run_undisturbed, settings_for
from services import OwnRedis
from smtp_sink import Mailboxes, free_port, start_smtp

from models import queries
from sanchuang.delivery.mail import message_id
from sanchuang.runtime.processes import wait_for
from sanchuang.runtime.queue import CeleryQueue
from workflows.stages import Stage


def broker_empty(url: str) -> bool:
    """No message waiting in our queues, and none taken but not yet acknowledged."""
    client = redis.Redis.from_url(url)
    waiting = sum(client.llen(q) for q in ("events", "notifications"))
    return waiting == 0 and client.hlen("unacked") == 0


@pytest.fixture
def smtp() -> Iterator[tuple[int, Mailboxes]]:
    controller, boxes = start_smtp()
    yield controller.port, boxes
    controller.stop()


def test_a_worker_killed_mid_campaign_loses_nothing(tmp_path: Path, pg_url: str, redis_url: str,
                                                    smtp: tuple[int, Mailboxes]) -> None:
    port, boxes = smtp
    settings = settings_for(tmp_path, pg_url, redis_url, smtp_host="127.0.0.1", smtp_port=port)
    run, workers = prepare(settings, seed=11), Workers(settings)
    workers.start("worker", "beat")
    try:
        run.launch()
        run.submit_all()
        workers.kill("worker")  # events of the submissions are in flight
        workers.start("worker")
        run.wait_until_none(Stage.SUBMITTED, "申报受理")
        run.preliminary()
        run.score_all()
        workers.kill("worker")  # panel conclusions and e-mails in flight
        workers.start("worker")
        run.wait_until_none(Stage.PANEL_REVIEW, "评审汇总")
        for step in (run.publicity, run.objections, run.elapse, run.commend):
            step()
        disturbed = outcome(run)
    finally:
        workers.stop_all()
    undisturbed = run_undisturbed(settings_for(tmp_path / "calm"), seed=11)

    assert disturbed.problems == []
    assert disturbed.commended == undisturbed.commended
    assert disturbed.summary == undisturbed.summary
    assert audit_problems(disturbed.store, disturbed.campaign_id) == []
    emails = [n for n in queries.notifications(disturbed.store) if n["channel"] == "email"]
    assert {n["status"] for n in emails} == {"delivered"}
    assert set(boxes.by_message_id) == {message_id(n["id"]) for n in emails}


def test_a_duplicated_message_has_one_effect(tmp_path: Path, pg_url: str, redis_url: str) -> None:
    settings = settings_for(tmp_path, pg_url, redis_url)
    run, workers = prepare(settings, seed=3), Workers(settings)
    workers.start("worker", "beat")
    try:
        run.launch()
        run.submit_all()
        run.wait_until_none(Stage.SUBMITTED, "申报受理")
        run.settle()
        store = run.system.store
        before = queries.notifications(store)
        CeleryQueue(settings).publish_events(queries.event_ids(store))  # every event again
        CeleryQueue(settings).deliver_notifications([n["id"] for n in before])
        assert wait_for(lambda: broker_empty(redis_url), 60), "the duplicates were not consumed"
    finally:
        workers.stop_all()
    after = queries.notifications(store)
    assert [(n["id"], n["status"]) for n in after] == [(n["id"], n["status"]) for n in before]
    assert audit_problems(store, run.campaign_id) == []
    assert len(list((tmp_path / "mail").glob("*.eml"))) == sum(
        n["channel"] == "email" for n in before)


def test_a_redis_restart_mid_campaign_loses_nothing(tmp_path: Path, pg_url: str) -> None:
    own = OwnRedis(free_port(), str(tmp_path))
    own.start()
    settings = settings_for(tmp_path, pg_url, own.url)
    run, workers = prepare(settings, seed=11), Workers(settings)
    try:
        run.launch()
        run.submit_all()  # no worker yet: the messages wait in Redis...
        own.kill()  # ...and are gone with it
        own.start()
        workers.start("worker", "beat")
        run.wait_until_none(Stage.SUBMITTED, "申报受理")
        for step in run.steps()[2:]:
            step()
        disturbed = outcome(run)
    finally:
        workers.stop_all()
        own.kill()
    undisturbed = run_undisturbed(settings_for(tmp_path / "calm"), seed=11)
    assert disturbed.problems == []
    assert disturbed.commended == undisturbed.commended
    assert audit_problems(disturbed.store, disturbed.campaign_id) == []
