"""The publicity notice (公示) and the commendation decision (表彰决定) as A4 PDFs for the
notice board and the file, from the same contexts as their HTML pages (notices.py). Every
entry goes through the public masking policy (workflows/disclosure.py)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from sanchuang.documents import wording
from sanchuang.documents.pdf import FONT, Page, para, render
from sanchuang.runtime.templating import clause, date_zh, sentence, zh_numeral
from workflows.disclosure import public_entry

RED = colors.HexColor("#c00000")


#: Column widths on A4 (layout only: which columns there are is ``wording.entry_columns``).
WIDTHS = {"gender": 1.2 * cm, "age": 1.2 * cm, "village_name": 3.0 * cm, "category": 2.4 * cm,
          "star_level": 2.0 * cm}


def entry_table(entries: list[dict[str, Any]], name_label: str, width: float, programme: str,
                with_deeds: bool = False) -> Table:
    shown = [public_entry(e) for e in entries]
    columns = wording.entry_columns(shown, programme, with_deeds)
    fixed = [1.2 * cm, 3.6 * cm, *(WIDTHS.get(key, 0.0) for key, _ in columns)]
    widths = [w if w else width - sum(fixed) for w in fixed]
    rows = [[para(head, 9, 1) for head in ("序号", name_label, *(h for _, h in columns))]]
    for number, entry in enumerate(shown, 1):
        rows.append([para(str(number), 9, 1), para(entry["display_name"], 9, 1),
                     *(para(wording.entry_cell(entry, key), 9, 0 if key == "deeds" else 1)
                       for key, _ in columns)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def signature(organs: list[str], issued_on: Any) -> list[Flowable]:
    return [Spacer(1, 0.8 * cm), *(para(organ, 12, 2) for organ in organs),
            para(date_zh(issued_on), 12, 2)]


def footer(version: int, content_hash: str) -> Flowable:
    return para(f"第{version}版 · 内容校验码 {content_hash[:16]}", 8, 1)


def _procedure(stages: str) -> str:
    return f"经{clause(stages)}等程序，" if stages else ""


def publicity_pdf(context: dict[str, Any]) -> bytes:
    notice, campaign = context["notice"], context["campaign"]
    page = Page(f"{context['township']}　{campaign['name']}")
    width = page.frame_width
    story: list[Flowable] = [
        para(notice["title"], 18, 1, space_after=12),
        para(f"{clause(notice['basis'])}，{_procedure(notice['procedure'])}现将"
             f"{campaign['name']}拟命名名单予以公示，接受群众监督。", 12, space_after=6),
        para("一、拟命名名单", 12, space_after=4)]
    groups = [g for g in context["groups"] if g["entries"]]
    for number, group in enumerate(groups, 1):
        story += [para(f"（{zh_numeral(number)}）{group['programme_name']}", 12, space_after=4),
                  entry_table(group["entries"], "拟命名对象", width, group["programme"],
                              with_deeds=True),
                  Spacer(1, 0.3 * cm)]
    if not groups:
        story.append(para("无。", 12))
    window = notice["window"]
    if notice["objection_deadline"] != notice["closes_on"]:
        window += f"异议受理截止时间为{notice['objection_closing']}。"
    contact = notice["contact"]
    story += [
        para("二、公示时间", 12, space_after=4), para(window, 12, space_after=6),
        para("三、异议受理", 12, space_after=4),
        para(f"公示期间，任何单位和个人对拟命名对象有异议的，可通过来信、来电、来访、电子邮件或"
             f"网上异议表等方式向{context['township']}文明办反映。匿名异议不予受理。"
             "对反映人信息严格保密。", 12, space_after=6),
        para("四、联系方式", 12, space_after=4),
        para(f"联系电话：{contact['phone']}\n电子邮箱：{contact['email']}\n"
             f"来信来访地址：{contact['address']}", 12, space_after=6),
        para("特此公示。", 12),
        *signature(notice["issued_by"], notice["issued_on"]),
        Spacer(1, 0.5 * cm), footer(notice["version"], notice["content_hash"])]
    return render(page, story, "公示")


def _award_sentence(decision: dict[str, Any], groups: list[dict[str, Any]]) -> str:
    grants = []
    for group in groups:
        first, count = public_entry(group["entries"][0]), len(group["entries"])
        who = f"{first['display_name']}等{count}{group['unit']}" if count > 1 else (
            f"{first['display_name']}{'同志' if group['unit'] == '名同志' else ''}")
        grants.append(f"授予{who}“{group['title_name']}”称号")
    organs = "、".join(decision["issued_by"])
    decided = "决定" + "；".join(grants) + "（名单附后）。" if grants else "本年度不予表彰。"
    return f"经{clause(decision['procedure'])}等程序，{organs}研究，{decided}"


def decision_pdf(context: dict[str, Any]) -> bytes:
    decision, campaign = context["decision"], context["campaign"]
    page = Page(f"{context['township']}　{campaign['name']}")
    groups = [g for g in context["groups"] if g["entries"]]
    list_title = f"{campaign['year']}年度“三创”先进名单"
    head = para("".join(decision["issued_by"]) + "文件", 22, 1, space_after=10)
    head.style.textColor = RED
    story: list[Flowable] = [
        head, para(decision["number"], 12, 1, space_after=4),
        HRFlowable(width="100%", thickness=1.5, color=RED),
        Spacer(1, 0.4 * cm), para(decision["title"], 18, 1, space_after=12),
        para(f"{decision['addressee']}：", 12, space_after=4),
        para(sentence(decision["background"]), 12, space_after=4),
        para(_award_sentence(decision, groups), 12, space_after=4),
        para("希望受到表彰的先进珍惜荣誉、再接再厉，继续发挥示范引领作用。", 12, space_after=6)]
    if groups:
        story.append(para(f"附件：{list_title}", 12))
    story += signature(decision["issued_by"], decision["issued_on"])
    if groups:
        story += [PageBreak(), para("附件", 12), para(list_title, 18, 1, space_after=10)]
        for number, group in enumerate(groups, 1):
            story += [para(f"{zh_numeral(number)}、{group['title_name']}"
                           f"（{len(group['entries'])}{group['unit'][:1]}）", 12, space_after=4),
                      entry_table(group["entries"], wording.name_heading(group["programme"]),
                                  page.frame_width, group["programme"]),
                      Spacer(1, 0.3 * cm)]
    story += [Spacer(1, 0.5 * cm), footer(decision["version"], decision["content_hash"])]
    return render(page, story, "表彰决定")
