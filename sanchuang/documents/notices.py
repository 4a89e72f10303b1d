"""The public documents: the publicity notice (公示) and the commendation decision (表彰决定),
rendered from their frozen snapshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.store import Store
from sanchuang.documents.render import DocumentRenderer
from workflows.calendar import local_date
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.publicity import PublishedList, group_by_programme

UNITS = {Programme.STAR_VILLAGE: "个村（居）", Programme.MODEL_HOUSEHOLD: "户家庭",
         Programme.MORAL_EXEMPLAR: "名同志"}
PROCEDURE = "村级推荐、镇文明办初审、评审委员会评审、镇党委审定"


def _base(store: Store, doc: PublishedList) -> tuple[dict[str, Any], Any]:
    with store.uow() as uow:
        campaign = uow.campaigns.get(doc.campaign_id)
        township = uow.directory.township_name()
        windows = {w.notice_id: w for w in uow.windows.for_campaign(doc.campaign_id)}
    base = {"township": township, "campaign": {"name": campaign.name, "year": campaign.year}}
    return base, (campaign, windows.get(doc.id))


def publicity_context(store: Store, doc: PublishedList) -> dict[str, Any]:
    base, (campaign, window) = _base(store, doc)
    notice = {
        "title": f"关于{campaign.name}拟命名名单的公示",
        "basis": f"根据《关于开展{campaign.name}的通知》（{campaign.basis}）",
        "procedure": PROCEDURE,
        "opens_on": window.first_day(),
        "closes_on": window.last_day(),
        "objection_deadline": window.last_objection_day(),
        "contact": vars(campaign.contact), "issued_by": list(campaign.issued_by),
        "issued_on": local_date(doc.created_at), "version": doc.version,
        "content_hash": doc.content_hash,
    }
    return {**base, "notice": notice, "groups": group_by_programme(doc.entries)}


def decision_context(store: Store, doc: PublishedList) -> dict[str, Any]:
    base, (campaign, _) = _base(store, doc)
    groups = group_by_programme(doc.entries)
    for group in groups:
        programme = Programme(group["programme"])
        group.update(title_name=PROGRAMME_NAMES_ZH[programme], unit=UNITS[programme])
    decision = {
        "number": doc.meta.get("number", ""), "title": f"关于表彰{campaign.name}先进的决定",
        "addressee": "各村（居）、镇直各单位",
        "background": f"为深入推进“三创”活动，{base['township']}开展了{campaign.name}。",
        "procedure": PROCEDURE + "、公示", "issued_by": list(campaign.issued_by),
        "issued_on": local_date(doc.created_at), "version": doc.version,
        "content_hash": doc.content_hash,
    }
    return {**base, "decision": decision, "groups": groups}


def write_documents(store: Store, renderer: DocumentRenderer, campaign_id: str,
                    folder: Path) -> list[Path]:
    """Write every version of both documents of a campaign as printable HTML files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with store.uow() as uow:
        docs = (uow.documents.versions(campaign_id, "publicity_notice")
                + uow.documents.versions(campaign_id, "commendation_decision"))
    for doc in docs:
        build = publicity_context if doc.kind == "publicity_notice" else decision_context
        path = folder / f"{doc.kind}-v{doc.version}.html"
        path.write_text(renderer.document(doc.kind, build(store, doc)), encoding="utf-8")
        written.append(path)
    return written
