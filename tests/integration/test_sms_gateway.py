"""The SMS channel against a real HTTP server standing in for the gateway, delivered by a
real worker process: what the gateway received, and what each notification row records."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from scenario import VILLAGE, draft, launch
from sqlalchemy import update

from models import queries
from models import tables as t
from sanchuang.accounts import village_actor
from sanchuang.bootstrap import System, bootstrap
from sanchuang.delivery.sms import (
    HttpSmsGateway,
    OutgoingSms,
    PermanentSmsError,
    TransientSmsError,
)
from sanchuang.runtime.processes import start, stop, wait_for
from sanchuang.sample.roster import load_sample
from sanchuang.settings import Settings
from workflows import commands as c
from workflows.ports import Notification

TOKEN = "gw-secret-token"
OK, REFUSED, BUSY_ONCE, SLOW_ONCE = "13800000001", "13800000400", "13800000503", "13800000408"


@dataclass
class Gateway:
    """What the gateway was sent: (Authorization header, JSON body) per request."""

    received: list[tuple[str | None, dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    def to(self, phone: str) -> list[tuple[str | None, dict[str, Any]]]:
        with self.lock:
            return [r for r in self.received if r[1]["to"] == phone]


def handler_for(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with gateway.lock:
                gateway.received.append((self.headers.get("Authorization"), body))
                seen = sum(1 for _, b in gateway.received if b["to"] == body["to"])
            if body["to"] == REFUSED:
                self.answer(400, {"code": "InvalidMobile", "message": "号码无效"})
            elif body["to"] == BUSY_ONCE and seen == 1:
                self.answer(503, {"code": "Busy"})
            elif body["to"] == SLOW_ONCE and seen == 1:
                time.sleep(1.5)  # longer than the client's timeout: it gives up first
                self.answer(200, {"code": "OK"})
            else:
                self.answer(200, {"code": "OK", "segments": len(body["segments"])})

        def answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    return Handler


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    found = Gateway()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(found))
    found.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def url(gateway: Gateway) -> str:
    return f"http://127.0.0.1:{gateway.port}/sms/send"


def test_the_adapter_posts_signed_segments_with_the_token(gateway: Gateway) -> None:
    text = "【新坪镇文明办】湾里村村两委：" + "文" * 60
    HttpSmsGateway(url(gateway), TOKEN, "【新坪镇文明办】", timeout=5).send(
        OutgoingSms(OK, text, "notification-7"))
    [(auth, body)] = gateway.received
    assert auth == f"Bearer {TOKEN}"
    assert body["text"] == text
    assert body["segments"] == [text[:67], text[67:]]
    assert (body["to"], body["sign"]) == (OK, "【新坪镇文明办】")
    assert body["reference"] == "notification-7"


def test_a_refusal_keeps_the_gateways_answer_and_a_5xx_is_transient(gateway: Gateway) -> None:
    sms = HttpSmsGateway(url(gateway), "", "【新坪镇文明办】", timeout=5)
    with pytest.raises(PermanentSmsError, match="400.*InvalidMobile.*号码无效"):
        sms.send(OutgoingSms(REFUSED, "测试", "notification-1"))
    with pytest.raises(TransientSmsError, match="503"):
        sms.send(OutgoingSms(BUSY_ONCE, "测试", "notification-2"))
    assert [auth for auth, _ in gateway.received] == [None, None]  # no token: no header


@pytest.fixture
def system(tmp_path: Path, gateway: Gateway) -> Iterator[System]:
    settings = Settings(data_dir=tmp_path / "data", email_enabled=False, sms_url=url(gateway),
                        sms_token=SecretStr(TOKEN), sms_timeout_seconds=0.5)
    built = bootstrap(settings)
    built.store.migrate()
    load_sample(built.store, households_per_village=3)
    yield built
    built.store.dispose()


def phone_only(system: System, village_id: str, phone: str) -> None:
    with system.store.sessions() as session:
        session.execute(update(t.AccountRow).where(t.AccountRow.village_id == village_id)
                        .values(email=None, phone=phone))
        session.commit()


def rows(system: System, channel: str = "sms") -> dict[str, dict[str, Any]]:
    return {n["address"]: n for n in queries.notifications(system.store)
            if n["channel"] == channel}


def display_name(system: System, nomination_id: str) -> str:
    with system.store.uow() as uow:
        return uow.nominations.get(nomination_id).display_name


def test_a_worker_texts_a_village_without_e_mail_when_its_nomination_arrives(
        system: System, gateway: Gateway) -> None:
    phone_only(system, VILLAGE, OK)
    nomination_id = draft(system, launch(system))
    worker = start(system.settings, "worker")
    try:
        system.bus.handle(c.SubmitNomination(nomination_id, village_actor(VILLAGE)))
        assert wait_for(lambda: rows(system).get(OK, {}).get("status") == "delivered", 60)
    finally:
        stop(worker, system.settings, "worker")
    [(auth, body)] = gateway.to(OK)
    assert auth == f"Bearer {TOKEN}"
    assert body["text"].startswith("【新坪镇文明办】")
    assert f"湾里村推荐的{display_name(system, nomination_id)}" in body["text"]
    assert f"申报材料已收到，受理编号{nomination_id}" in body["text"]
    assert len(body["text"]) > 134  # with the page's address: three parts of 67, 67 and the rest
    assert [len(part) for part in body["segments"]] == [67, 67, len(body["text"]) - 134]
    assert "".join(body["segments"]) == body["text"]
    note = rows(system)[OK]
    assert (note["attempts"], note["last_error"], note["kind"]) == (1, "", "received")
    assert body["reference"] == f"notification-{note['id']}"


def test_a_worker_retries_a_busy_or_slow_gateway_and_gives_up_on_a_refusal(
        system: System, gateway: Gateway) -> None:
    with system.store.uow() as uow:
        ids = uow.notifications.add_many([
            Notification(900 + i, f"account:a{i}", "sms", "received", "申报已受理",
                         f"【新坪镇文明办】第{i}条通知：申报材料已收到。", "", address=phone)
            for i, phone in enumerate((REFUSED, BUSY_ONCE, SLOW_ONCE))])
        uow.commit()
    worker = start(system.settings, "worker")
    try:
        system.bus.queue.deliver_notifications(ids)
        assert wait_for(lambda: {n["status"] for n in rows(system).values()} == {
            "delivered", "failed"} and len(gateway.to(SLOW_ONCE)) == 2
            and rows(system)[SLOW_ONCE]["status"] == "delivered", 60)
    finally:
        stop(worker, system.settings, "worker")
    found = rows(system)
    refused, busy, slow = found[REFUSED], found[BUSY_ONCE], found[SLOW_ONCE]
    assert (refused["status"], refused["attempts"]) == ("failed", 1)
    assert "400" in refused["last_error"]
    assert "号码无效" in refused["last_error"]
    assert len(gateway.to(REFUSED)) == 1
    assert (busy["status"], busy["attempts"], len(gateway.to(BUSY_ONCE))) == ("delivered", 2, 2)
    assert (slow["status"], slow["attempts"]) == ("delivered", 2)
    assert {b["reference"] for _, b in gateway.to(SLOW_ONCE)} == {f"notification-{slow['id']}"}
