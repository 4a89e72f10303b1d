"""The public lists as spreadsheets: the publicity list (公示名单), the commendation list
(表彰名单) and the year's honour roll (光荣榜), as XLSX and as CSV that Excel opens with the
Chinese intact (UTF-8 with a byte-order mark). They are public output: every row goes through
the masking policy (workflows/disclosure.py) and carries no ID number, phone or address."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from io import BytesIO, StringIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from models.export_queries import campaign_ids_of_year
from models.store import Store
from workflows.disclosure import public_entry
from workflows.policy import PROGRAMME_NAMES_ZH, Programme

KINDS = {"publicity": "公示名单", "commendation": "表彰名单", "honour-roll": "光荣榜"}
FORMATS = ("xlsx", "csv")
HEAD = ("序号", "评选项目", "名称", "所在村（居）", "类别", "星级")


@dataclass(frozen=True)
class ListExport:
    title: str  # "2026年度“三创”评选活动公示名单"
    head: tuple[str, ...]
    rows: list[tuple[object, ...]]
    filename: str  # without the extension


def _row(number: int, entry: dict[str, Any], with_deeds: bool) -> tuple[object, ...]:
    shown = public_entry(entry)
    cells = (number, PROGRAMME_NAMES_ZH[Programme(shown["programme"])], shown["display_name"],
             shown["village_name"], shown["category"] or "", shown["star_level"] or "")
    return (*cells, shown["deeds"] or "") if with_deeds else cells


def _latest(store: Store, campaign_id: str, kind: str) -> tuple[str, list[dict[str, Any]]]:
    with store.uow() as uow:
        name = uow.campaigns.get(campaign_id).name
        versions = uow.documents.versions(campaign_id, kind)
    return name, (list(versions[-1].entries) if versions else [])


def campaign_list(store: Store, campaign_id: str, kind: str) -> ListExport:
    """The latest version of a campaign's publicity list or commendation list."""
    document = "publicity_notice" if kind == "publicity" else "commendation_decision"
    name, entries = _latest(store, campaign_id, document)
    deeds = kind == "publicity"
    return ListExport(f"{name}{KINDS[kind]}", HEAD + (("主要事迹",) if deeds else ()),
                      [_row(i, e, deeds) for i, e in enumerate(entries, 1)],
                      f"{kind}-{campaign_id}")


def honour_roll(store: Store, year: int) -> ListExport:
    """Everyone commended in the year's campaigns (their latest decisions)."""
    entries = [e for cid in campaign_ids_of_year(store, year)
               for e in _latest(store, cid, "commendation_decision")[1]]
    return ListExport(f"{year}年度“三创”光荣榜", HEAD,
                      [_row(i, e, False) for i, e in enumerate(entries, 1)],
                      f"honour-roll-{year}")


def for_campaign(store: Store, campaign_id: str, kind: str) -> ListExport:
    """A list of ``KINDS`` for the campaign (the honour roll: of the campaign's year)."""
    if kind == "honour-roll":
        with store.uow() as uow:
            year = uow.campaigns.get(campaign_id).year
        return honour_roll(store, year)
    return campaign_list(store, campaign_id, kind)


def to_xlsx(export: ListExport) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = export.title[:31]
    sheet.append([export.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(export.head))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in export.rows:
        sheet.append(list(row))
    for column, width in zip("ABCDEFG", (6, 12, 18, 14, 12, 12, 60), strict=False):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(export: ListExport) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends, as Excel expects."""
    out = StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(export.head)
    writer.writerows(export.rows)
    return out.getvalue().encode("utf-8-sig")


def encode(export: ListExport, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"未知的格式 {fmt!r}：只支持 {'、'.join(FORMATS)}")
    return to_xlsx(export) if fmt == "xlsx" else to_csv(export)
