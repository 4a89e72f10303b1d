"""A campaign's documents for the notice board and the file, written into its own folder:
every version of the publicity notice and of the commendation decision as PDF, a certificate
per honouree of the latest decision, and the public lists as XLSX and CSV."""

from __future__ import annotations

from pathlib import Path

from models.store import Store
from sanchuang.documents import exports
from sanchuang.documents.certificate_pdf import certificate_pdf, certificates
from sanchuang.documents.notice_pdf import decision_pdf, publicity_pdf
from sanchuang.documents.notices import decision_context, publicity_context, write_documents
from sanchuang.documents.render import DocumentRenderer


def write_campaign(store: Store, renderer: DocumentRenderer, campaign_id: str,
                   folder: Path) -> list[Path]:
    """Everything ``sanchuang demo`` leaves in the campaign's folder: the documents as HTML
    and PDF, the certificates and the lists."""
    return [*write_documents(store, renderer, campaign_id, folder),
            *write_pdfs(store, campaign_id, folder), *write_lists(store, campaign_id, folder)]


def write_pdfs(store: Store, campaign_id: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    with store.uow() as uow:
        notices = uow.documents.versions(campaign_id, "publicity_notice")
        decisions = uow.documents.versions(campaign_id, "commendation_decision")
    written = []
    for doc in notices:
        written.append(_write(folder / f"{doc.kind}-v{doc.version}.pdf",
                              publicity_pdf(publicity_context(store, doc))))
    for doc in decisions:
        written.append(_write(folder / f"{doc.kind}-v{doc.version}.pdf",
                              decision_pdf(decision_context(store, doc))))
    if decisions:
        context = decision_context(store, decisions[-1])
        found = certificates(context["decision"], context["campaign"], context["groups"])
        for number, cert in enumerate(found, 1):
            written.append(_write(folder / "certificates" / f"{number:03d}-{cert.honouree}.pdf",
                                  certificate_pdf(cert)))
    return written


def write_lists(store: Store, campaign_id: str, folder: Path) -> list[Path]:
    """The publicity and commendation lists of the campaign as XLSX and CSV."""
    written = []
    for kind in ("publicity", "commendation"):
        export = exports.campaign_list(store, campaign_id, kind)
        for fmt in exports.FORMATS:
            written.append(_write(folder / f"{kind}-list.{fmt}", exports.encode(export, fmt)))
    return written


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path
