"""What ``sanchuang review …`` reads from the operator and prints: the list of nominations
with their short codes, ids given as codes, marks typed in or read from a score sheet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from models import paper_queries, queries
from models.store import Store
from sanchuang.cli.review.sheet import number
from sanchuang.documents.paper import CODE_LENGTH, programme_key, row_codes
from workflows.errors import InvalidInput, NotFound
from workflows.fairness import HIDDEN_NAME, HIDDEN_VILLAGE, hides_identity
from workflows.nomination import Actor
from workflows.panel import panel_policy
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, Role, Stage


def campaign_id(store: Store, given: str | None) -> str:
    """The campaign named by its full id (as ``campaign create`` printed it), or the latest."""
    if given is None:
        latest = queries.latest_campaign_id(store)
        if latest is None:
            raise NotFound("还没有评选活动：先运行 sanchuang review campaign create")
        return latest
    return paper_queries.campaign_heading(store, given.strip()).id


def nomination_rows(store: Store, campaign: str, stage: str | None = None,
                    programme: str | None = None) -> list[dict[str, Any]]:
    if stage is not None and stage not in {s.value for s in Stage}:
        names = "、".join(f"{s.value}（{STAGE_NAMES_ZH[s]}）" for s in Stage)
        raise InvalidInput(f"没有阶段 {stage}：可选 {names}")
    rows = queries.nominations(store, campaign, stage)
    if programme is not None:
        key = programme_key(programme)
        rows = [r for r in rows if r["programme"] == key]
    return rows


def resolve(store: Store, campaign: str, given: Iterable[str]) -> list[str]:
    """Full nomination ids for ids or the codes printed by ``review list``."""
    ids = [r["id"] for r in queries.nominations(store, campaign)]
    found = [_match(text, ids, "申报") for text in given]
    if not found:
        raise InvalidInput("没有给出任何申报编号：编号见 sanchuang review list")
    if len(set(found)) < len(found):
        twice = sorted({n[:CODE_LENGTH] for n in found if found.count(n) > 1})
        raise InvalidInput(f"申报 {'、'.join(twice)} 重复给出了两次：请核对编号")
    return found


def _match(text: str, ids: Sequence[str], what: str) -> str:
    text = text.strip()
    if text in ids:
        return text
    if len(text) < CODE_LENGTH:
        raise InvalidInput(f"编号 {text} 太短：至少输入 {CODE_LENGTH} 位"
                           "（见 review list 的编号列）")
    hits = [i for i in ids if i.startswith(text)]
    if not hits:
        raise NotFound(f"找不到{what} {text}：请核对编号（sanchuang review list 列出全部）")
    if len(hits) > 1:
        raise InvalidInput(f"编号 {text} 对应多件{what}（{'、'.join(hits)}）：请多输入几位")
    return hits[0]


def approval_exceptions(store: Store, campaign_id: str, given: list[str], reasons: list[str],
                        waiting: list[str]) -> dict[str, str]:
    """``approve --except ID --reason TEXT``: the exceptions, every one checked before
    anything is written."""
    if not waiting:
        raise InvalidInput("没有待审定的申报：评审排名后再审定")
    if len(given) != len(reasons) or any(not r.strip() for r in reasons):
        raise InvalidInput("每个 --except 都要配一个写明理由的 --reason")
    found = resolve(store, campaign_id, given) if given else []
    outside = [n[:6] for n in found if n not in waiting]
    if outside:
        raise InvalidInput(f"{'、'.join(outside)} 不在待审定名单中")
    return dict(zip(found, reasons, strict=True))


def reviewer(store: Store, account_id: str) -> Actor:
    account = paper_queries.reviewer(store, account_id)
    return Actor(account.id, Role.REVIEWER, account.name)


def parse_marks(text: str) -> dict[str, float]:
    """``key=value,key=value`` -> marks; a mark that is not a number is refused."""
    marks: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"分数“{part}”写法不对：应写成 评分项=分数，如 integrity=90")
        marks[key.strip()] = number(value, key.strip(), "")
    if not marks:
        raise InvalidInput("没有给出任何分数：--marks 写成 评分项=分数,评分项=分数")
    return marks


def village_names(store: Store, campaign: str) -> dict[str, str]:
    return {n.id: n.village for n in paper_queries.sheet_nominations(store, campaign)}


def as_seen_by(store: Store, campaign: str, account_id: str, rows: list[dict[str, Any]],
               villages: dict[str, str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The list as an account may see it: under blind review a reviewer sees no name or
    village of what is still being scored."""
    with store.uow() as uow:
        role = uow.directory.account(account_id).role
        blind = panel_policy(uow.campaigns.get(campaign).policy).blind
    shown, places = [], dict(villages)
    for row in rows:
        if hides_identity(blind, role, row["stage"]):
            row = {**row, "display_name": HIDDEN_NAME}
            places[row["id"]] = HIDDEN_VILLAGE
        shown.append(row)
    return shown, places


def score_text(row: dict[str, Any]) -> str:
    if row["points"] is None:
        return "—"
    stars = f" / {row['star_level']}" if row["star_level"] else ""
    return f"{row['points']:g}{stars}"


def print_list(rows: list[dict[str, Any]], villages: dict[str, str], console: Console) -> None:
    if not rows:
        console.print("没有符合条件的申报")
        return
    codes = row_codes([r["id"] for r in rows])
    table = Table("编号", "申报对象", "村（居）", "项目", "阶段", "得分/星级")
    for row in rows:
        table.add_row(codes[row["id"]], escape(row["display_name"]),
                      escape(villages.get(row["id"], "")),
                      PROGRAMME_NAMES_ZH[Programme(row["programme"])],
                      STAGE_NAMES_ZH[Stage(row["stage"])], score_text(row))
    console.print(table)
    console.print(f"共 {len(rows)} 件")
