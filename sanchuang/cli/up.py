"""``sanchuang up``: the whole system on one machine — the store migrated, the sample township
and a campaign on first start, workers and beat (started again if one dies) and the web
server, until Ctrl-C or SIGTERM stops them all."""

from __future__ import annotations

import signal
import sys
import threading
import urllib.request
from typing import Annotated

import typer
from rich.console import Console

from models import queries
from sanchuang.accounts import SECRETARIAT
from sanchuang.bootstrap import System, bootstrap
from sanchuang.cli.printing import load_sample_with_progress
from sanchuang.policy.campaigns import new_campaign
from sanchuang.policy.rubric_files import policy_from_text, sample_texts
from sanchuang.runtime.audit_key import create_key_file
from sanchuang.runtime.processes import Supervisor, running, wait_for
from sanchuang.sample.demo_accounts import ensure_demo_accounts
from sanchuang.settings import Settings, get_settings
from workflows import commands as c
from workflows.calendar import local_date
from workflows.errors import InvalidInput

RUBRIC = "campaign-default.yaml"
ROLES = ("worker", "beat", "web")
READY_SECONDS = 60.0
console = Console(soft_wrap=True)  # ids and paths on one line, whatever the width


def site_url(settings: Settings, host: str, port: int) -> str:
    """SANCHUANG_SITE_URL when set, else the address the server listens on."""
    if "site_url" in settings.model_fields_set:
        return settings.site_url.rstrip("/")
    return f"http://{host}:{port}"


def health_url(host: str, port: int) -> str:
    """Where this machine reaches the server's /healthz."""
    local = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host  # noqa: S104
    return f"http://[{local}]:{port}/healthz" if ":" in local else f"http://{local}:{port}/healthz"


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (http only, ours)
        return bool(response.status == 200)


def prepare(system: System) -> str:
    """Migrate; load the sample township and create a campaign once. The campaign's id."""
    system.store.migrate()
    load_sample_with_progress(system, 2026, None, console)
    existing = queries.latest_campaign_id(system.store)
    if existing:
        console.print(f"沿用已有评选活动 {existing}")
        return existing
    policy = policy_from_text(sample_texts()[RUBRIC], RUBRIC)
    year = local_date(system.store.clock.now()).year
    campaign = new_campaign(system.store, year, policy, console.print)
    campaign_id = str(system.bus.handle(c.CreateCampaign(campaign, SECRETARIAT)))
    console.print(f"已按评选方案 {RUBRIC} 创建 {year} 年度评选活动 {campaign_id}")
    return campaign_id


def refuse_if_running(settings: Settings) -> None:
    for role in ROLES:
        if running(settings, role):
            raise InvalidInput(f"数据目录 {settings.data_dir} 已有 {role} 进程在运行"
                               "（另一个 sanchuang up 或 demo？）：先停止它")


def accounts_text(accounts: list[tuple[str, str, str]]) -> str:
    """The demo logins, one line per role: they share one password."""
    by_role: dict[str, list[str]] = {}
    for username, _, role in accounts:
        by_role.setdefault(role, []).append(username)
    lines = [f"  {role}：{'、'.join(usernames)}" for role, usernames in by_role.items()]
    password = accounts[0][1] if accounts else ""
    return (f"演示账号（密码均为 {password}；另存于数据目录 demo-accounts.txt，仅本用户可读）：\n"
            + "\n".join(lines))


def serve(settings: Settings, host: str, port: int, address: str, accounts: str) -> int:
    """Run the processes until a stop signal (0) or the web server gives up (1)."""
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    web = [sys.executable, "-m", "sanchuang.cli.web", "--host", host, "--port", str(port)]
    supervisor = Supervisor(settings, console.print, commands={"web": web})
    logs = settings.data_dir / "logs"
    try:
        for role in ROLES:
            supervisor.start(role)
        supervisor.watch()
        url = health_url(host, port)
        up = wait_for(lambda: stop.is_set() or "web" in supervisor.given_up or answers(url),
                      READY_SECONDS, not_yet=lambda error: isinstance(error, OSError))
        if stop.is_set():
            return 0
        if not up or "web" in supervisor.given_up:
            console.print(f"[red]网站未能启动（{url} 无应答），见 {logs / 'web.log'}[/red]")
            return 1
        console.print(f"已就绪（ready）：{address}/\n"
                      f"{accounts}\n"
                      f"日志：{logs}（web.log、worker.log、beat.log）\n按 Ctrl-C 停止")
        while not stop.wait(0.5):
            if "web" in supervisor.given_up:
                return 1
        return 0
    finally:
        console.print("正在停止网站、worker 和 beat……")
        supervisor.stop_all()
        console.print("已全部停止")


def up(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="监听端口")] = 8000,
) -> None:
    """一键启动：建库、样例乡镇和评选活动（首次），worker、beat 与网站；Ctrl-C 全部停止。"""
    settings = get_settings()
    address = site_url(settings, host, port)
    settings = settings.model_copy(update={"site_url": address})  # links in notifications
    refuse_if_running(settings)
    if create_key_file(settings):
        console.print("已生成审计密钥文件 audit.key（仅本用户可读；其他进程须用同一密钥）")
    system = bootstrap(settings)
    try:
        prepare(system)
        accounts = accounts_text(ensure_demo_accounts(system))
    finally:
        system.store.dispose()
    raise typer.Exit(serve(settings, host, port, address, accounts))
