"""What the CLI prints: tables of the campaign's state, the inbox, loading progress."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from models import queries
from sanchuang.bootstrap import System
from sanchuang.sample.roster import load_sample
from workflows.calendar import SHANGHAI
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, Stage

NOTIFICATION_STATUS_ZH = {"pending": "待发送", "sending": "发送中", "delivered": "已送达",
                          "failed": "发送失败", "to_post": "待邮寄"}
SUMMARY = (("申报", None), ("未通过", Stage.REJECTED), ("取消资格", Stage.DISQUALIFIED),
           ("已表彰", Stage.COMMENDED))


def load_sample_with_progress(system: System, seed: int, per_village: int | None,
                              console: Console) -> None:
    with Progress(console=console, transient=True) as progress:
        tasks: dict[str, Any] = {}

        def step(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = progress.add_task(f"写入 {table}", total=total)
            progress.update(tasks[table], completed=done)

        counts = load_sample(system.store, seed, per_village, step)
    if counts is None:
        console.print("样例乡镇已载入，跳过")
    else:
        console.print("已载入：" + "，".join(f"{k} {v}" for k, v in counts.items()))


def summary_table(system: System, campaign_id: str) -> Table:
    counts = queries.stage_counts(system.store, campaign_id)
    table = Table(title="评选结果汇总")
    table.add_column("项目")
    for label, _ in SUMMARY:
        table.add_column(label, justify="right")
    for programme in Programme:
        row = [sum(n for (p, _), n in counts.items() if p == programme.value)]
        row += [counts[(programme.value, stage.value)] for _, stage in SUMMARY[1:]]
        table.add_row(PROGRAMME_NAMES_ZH[programme], *map(str, row))
    return table


REVIEW_COURSE = (("退回补充", "return_for_revision", None), ("初审未过", "reject", "secretariat"),
                 ("一票否决", "veto", None), ("评审未过", "reject", "system"),
                 ("异议成立", "disqualify", None), ("评委回避", "recuse", None))


def review_table(system: System, campaign_id: str) -> Table:
    """How the review went, per programme: returns, refusals, vetoes, upheld objections."""
    taken = queries.actions_taken(system.store, campaign_id)
    table = Table(title="评审情况")
    table.add_column("项目")
    for label, _, _ in REVIEW_COURSE:
        table.add_column(label, justify="right")
    for programme in Programme:
        counts = [sum(n for (p, a, r), n in taken.items()
                      if p == programme.value and a == action and role in (None, r))
                  for _, action, role in REVIEW_COURSE]
        table.add_row(PROGRAMME_NAMES_ZH[programme], *map(str, counts))
    return table


def print_status(system: System, campaign_id: str | None, console: Console) -> None:
    campaign_id = campaign_id or queries.latest_campaign_id(system.store)
    if campaign_id is None:
        console.print("还没有评选活动：先运行 sanchuang demo，或创建一次评选")
        return
    counts = queries.stage_counts(system.store, campaign_id)
    if not counts:
        console.print(f"评选活动 {escape(campaign_id)} 没有申报（或没有这个评选活动）")
    table = Table(title=f"评选活动 {escape(campaign_id)} 各阶段申报数")
    for column in ("项目", "阶段", "件数"):
        table.add_column(column)
    for (programme, stage), n in sorted(counts.items()):
        table.add_row(PROGRAMME_NAMES_ZH[Programme(programme)], STAGE_NAMES_ZH[Stage(stage)],
                      str(n))
    console.print(table)
    notes = queries.notification_counts(system.store)
    console.print("通知：" + ("，".join(
        f"{NOTIFICATION_STATUS_ZH.get(k, k)} {v} 条" for k, v in sorted(notes.items())) or "无"))
    console.print(f"待处理事件：{queries.pending_events(system.store)} 个")


def print_inbox(system: System, account: str, limit: int, console: Console) -> None:
    notes = [n for n in queries.notifications(system.store, f"account:{account}")
             if n["channel"] == "inbox"][-limit:]
    if not notes:
        console.print(f"账号 {escape(account)} 没有站内消息"
                      "（账号 id 见 sanchuang load-sample 的说明）")
        return
    table = Table(title=f"{escape(account)} 的站内消息（最新 {len(notes)} 条）")
    for column in ("时间", "主题", "内容"):
        table.add_column(column)
    for note in reversed(notes):
        when = note["created_at"].astimezone(SHANGHAI)
        table.add_row(f"{when:%m-%d %H:%M}", escape(note["subject"]), escape(note["text"]))
    console.print(table)
