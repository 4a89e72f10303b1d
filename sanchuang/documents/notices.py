"""The public documents: the publicity notice (公示) and the commendation decision (表彰决定),
rendered from their frozen snapshots; the launch notice (通知) and the honour roll (光荣榜)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models import document_queries
from models.store import Store
from sanchuang.documents import wording
from sanchuang.documents.html_pdf import document_pdf
from sanchuang.documents.launch import launch_context
from sanchuang.documents.render import DocumentRenderer
from workflows.calendar import local_date
from workflows.campaign import Campaign
from workflows.disclosure import public_text
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.publicity import PublishedList, group_by_programme

UNITS = {Programme.STAR_VILLAGE: "个村（居）", Programme.MODEL_HOUSEHOLD: "户家庭",
         Programme.MORAL_EXEMPLAR: "名同志"}


def _base(store: Store, doc: PublishedList) -> tuple[dict[str, Any], Any]:
    with store.uow() as uow:
        campaign = uow.campaigns.get(doc.campaign_id)
        township = uow.directory.township_name()
        windows = {w.notice_id: w for w in uow.windows.for_campaign(doc.campaign_id)}
    base = {"township": township, "campaign": {"name": campaign.name, "year": campaign.year}}
    return base, (campaign, windows.get(doc.id))


def _procedure(store: Store, doc: PublishedList, *extra: str) -> str:
    ran = document_queries.stages_run(store, [e["nomination_id"] for e in doc.entries])
    return wording.procedure(ran | set(extra))


def publicity_context(store: Store, doc: PublishedList) -> dict[str, Any]:
    base, (campaign, window) = _base(store, doc)
    policy = campaign.policy
    notice = {
        "title": f"关于{campaign.name}拟命名名单的公示",
        "basis": f"根据《关于开展{campaign.name}的通知》（{campaign.basis}）",
        "procedure": _procedure(store, doc),
        "opens_on": window.first_day(), "closes_on": window.last_day(),
        "window": wording.window_sentence(window.first_day(), window.last_day(),
                                          window.closes_at, policy.publicity_days,
                                          policy.publicity_day_kind),
        "objection_deadline": window.last_objection_day(),
        "objection_closing": wording.closing_time(window.objection_deadline),
        "contact": vars(campaign.contact), "issued_by": list(campaign.issued_by),
        "issued_on": local_date(doc.created_at), "version": doc.version,
        "content_hash": doc.content_hash,
    }
    return {**base, "notice": notice, "groups": group_by_programme(doc.entries)}


def level_rank(campaign: Campaign | None, programme: Programme, level: str) -> int:
    """How high a level stands: a rubric band by its stars (金星 above 银星), ``5星`` as 5."""
    if campaign is not None and programme in campaign.policy.programmes:
        rubric = campaign.policy.programme(programme).rubric
        bands = {b.name: b.min_stars for b in rubric.bands}
        if level in bands:
            return bands[level]
    return int(level[:-1]) if level.endswith("星") and level[:-1].isdigit() else 0


def level_groups(campaign: Campaign, entries: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """The honourees by title: each programme's levels from the highest down."""
    groups = []
    for group in group_by_programme(entries):
        programme = Programme(group["programme"])
        by_level: dict[str, list[dict[str, Any]]] = {}
        for entry in group["entries"]:
            level = entry["star_level"] if wording.level_words(entry["star_level"]) else ""
            by_level.setdefault(level, []).append(entry)
        for level in sorted(by_level, key=lambda lv: -level_rank(campaign, programme, lv)):
            groups.append({"programme": programme.value, "entries": by_level[level],
                           "title_name": wording.title_name(programme, level),
                           "unit": UNITS[programme]})
    return groups


def decision_context(store: Store, doc: PublishedList) -> dict[str, Any]:
    base, (campaign, _) = _base(store, doc)
    decision = {
        "number": doc.meta.get("number", ""), "title": f"关于表彰{campaign.name}先进的决定",
        "addressee": "各村（居）、镇直各单位",
        "background": f"为深入推进“三创”活动，{base['township']}开展了{campaign.name}。",
        "procedure": _procedure(store, doc, "publicity"), "issued_by": list(campaign.issued_by),
        "issued_on": local_date(doc.created_at), "version": doc.version,
        "content_hash": doc.content_hash,
    }
    return {**base, "decision": decision, "groups": level_groups(campaign, doc.entries),
            "programme_names": {p.value: n for p, n in PROGRAMME_NAMES_ZH.items()}}


def write_documents(store: Store, renderer: DocumentRenderer, campaign_id: str,
                    folder: Path) -> list[Path]:
    """Write the launch notice and every version of the notice and the decision as printable
    HTML files, and the honour roll of the campaign's year once it has honourees."""
    folder.mkdir(parents=True, exist_ok=True)
    with store.uow() as uow:
        campaign = uow.campaigns.get(campaign_id)
        docs = (uow.documents.versions(campaign_id, "publicity_notice")
                + uow.documents.versions(campaign_id, "commendation_decision"))
    launch = folder / "launch_notice.html"
    context = launch_context(store, campaign)
    html = renderer.document("launch_notice", context)
    launch.write_text(html, encoding="utf-8")
    launch_pdf = folder / "launch_notice.pdf"
    launch_pdf.write_bytes(document_pdf(html, str(context["title"]), campaign.name))
    written = [launch, launch_pdf]
    for doc in docs:
        build = publicity_context if doc.kind == "publicity_notice" else decision_context
        path = folder / f"{doc.kind}-v{doc.version}.html"
        path.write_text(renderer.document(doc.kind, build(store, doc)), encoding="utf-8")
        written.append(path)
    roll = honour_roll_context(store, campaign.year)
    if roll["groups"]:
        path = folder / f"honour_roll-{campaign.year}.html"
        path.write_text(renderer.document("honour_roll", roll), encoding="utf-8")
        written.append(path)
    return written


def roll_groups(rows: list[dict[str, Any]],
                campaigns: dict[str, Campaign]) -> list[dict[str, Any]]:
    """The honour roll's groups by title: programmes in their order, each one's levels from
    the highest down (the rubric's bands, stars by number), then village and name."""
    order = list(Programme)

    def key(row: dict[str, Any]) -> tuple[int, int, str, str]:
        programme = Programme(row["programme"])
        rank = level_rank(campaigns.get(row["campaign_id"]), programme, row["star_level"] or "")
        return order.index(programme), -rank, row["village_name"], row["display_name"]

    groups: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=key):
        groups.setdefault(wording.title_name(row["programme"], row["star_level"]), []).append(row)
    return [{"title_name": k, "entries": v} for k, v in groups.items()]


def honour_roll_context(store: Store, year: int) -> dict[str, Any]:
    """光荣榜: every title awarded in ``year`` still held, by title and level."""
    rows = [{**row, "display_name": public_text(row["display_name"])}  # a public document
            for row in document_queries.honour_roll(store, year)]
    with store.uow() as uow:
        township = uow.directory.township_name()
        campaigns = {cid: uow.campaigns.get(cid) for cid in {r["campaign_id"] for r in rows}}
    return {"township": township, "year": year, "groups": roll_groups(rows, campaigns)}
