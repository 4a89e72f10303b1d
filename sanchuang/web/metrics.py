"""Prometheus metrics at ``/metrics``, on a registry of the app's own.

Requests are counted as they are served (``observe``, called by the request-id middleware).
Everything else is read at scrape time by ``StoreCollector``: nominations per campaign and
stage, outbox events waiting and handled, notifications per status (``failed`` are the
deliveries that gave up), the depth of each Redis queue. Task runs and failures are read from
the store rather than counted in the workers: any number of worker processes on any number of
machines write the same rows, so one scrape of one web process sees them all (see
docs/architecture.md)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import redis
from fastapi import APIRouter, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from models import queries
from models.errors import is_transient, is_unusable
from sanchuang.bootstrap import System
from sanchuang.runtime.queue import queue_depths

router = APIRouter()
log = logging.getLogger("sanchuang.metrics")


@router.get("/metrics", name="metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    """The metrics in Prometheus's text format."""
    return Response(generate_latest(request.app.state.metrics.registry),
                    media_type=CONTENT_TYPE_LATEST)


class StoreCollector(Collector):
    def __init__(self, system: System) -> None:
        self.system = system

    def collect(self) -> Iterator[Metric]:
        store_up = GaugeMetricFamily("sanchuang_store_up", "数据库本次可读（1）或不可读（0）")
        found: list[Metric] = []
        try:
            found = list(self.from_store())
            store_up.add_metric([], 1)
        except Exception as error:
            if not (is_transient(error) or is_unusable(error)):
                raise
            log.warning("metrics: the store did not answer", extra={"error": repr(error)})
            store_up.add_metric([], 0)
        yield from found
        yield store_up
        yield from self.from_broker()

    def from_store(self) -> Iterator[Metric]:
        store = self.system.store
        stages = GaugeMetricFamily("sanchuang_nominations", "申报数（按评选活动和阶段）",
                                   labels=["campaign", "stage"])
        for (campaign, stage), count in sorted(queries.stage_totals(store).items()):
            stages.add_metric([campaign, stage], count)
        outbox = queries.outbox_counts(store)
        waiting = GaugeMetricFamily("sanchuang_outbox_waiting", "已写入、尚未处理的事件数")
        waiting.add_metric([], outbox["waiting"])
        handled = CounterMetricFamily("sanchuang_events_handled", "worker 已处理的事件数")
        handled.add_metric([], outbox["handled"])
        notes = GaugeMetricFamily("sanchuang_notifications", "通知数（按状态；failed 为放弃投递）",
                                  labels=["status"])
        for status, count in sorted(queries.notification_counts(store).items()):
            notes.add_metric([status], count)
        yield from (stages, waiting, handled, notes)

    def from_broker(self) -> Iterator[Metric]:
        try:
            depths = queue_depths(self.system.settings)
        except redis.RedisError as error:
            log.warning("metrics: the broker did not answer", extra={"error": repr(error)})
            return
        if depths is None:
            return
        gauge = GaugeMetricFamily("sanchuang_queue_depth", "队列中等待的任务消息数",
                                  labels=["queue"])
        for queue, depth in depths.items():
            gauge.add_metric([queue], depth)
        yield gauge


class Metrics:
    """The app's registry: request counts and durations, and the store's numbers."""

    def __init__(self, system: System) -> None:
        self.registry = CollectorRegistry(auto_describe=False)
        self.requests = Counter("sanchuang_http_requests", "HTTP 请求数（按路由、方法和状态码）",
                                ["route", "method", "status"], registry=self.registry)
        self.duration = Histogram("sanchuang_http_request_duration_seconds",
                                  "HTTP 请求用时（秒，按路由）", ["route"], registry=self.registry)
        self.registry.register(StoreCollector(system))

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.duration.labels(route).observe(seconds)
