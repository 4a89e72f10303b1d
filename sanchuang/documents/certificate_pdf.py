"""The certificate of honour (荣誉证书): one landscape A4 page per honouree, from the
commendation decision's published entries (public names only, through the masking policy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from sanchuang.documents import fonts, wording
from sanchuang.documents.pdf import style
from sanchuang.runtime.templating import date_zh
from workflows.disclosure import public_entry

RED = colors.HexColor("#b00000")


@dataclass(frozen=True)
class Certificate:
    honouree: str  # the published name ("王建国家庭", "新田村")
    village: str
    title: str  # the title awarded ("五星级文明村", "道德模范")
    year: int
    issued_by: tuple[str, ...]
    issued_on: date
    number: str  # the decision's document number


def certificates(decision: dict[str, Any], campaign: dict[str, Any],
                 groups: list[dict[str, Any]]) -> list[Certificate]:
    """One certificate per entry of the decision (``notices.decision_context``), with the
    title as the decision confers it (``五星级文明村``)."""
    found = []
    for group in groups:
        for entry in group["entries"]:
            shown = public_entry(entry)
            found.append(Certificate(
                shown["display_name"], shown["village_name"],
                wording.title_name(group["programme"], shown["star_level"] or ""),
                campaign["year"], tuple(decision["issued_by"]), decision["issued_on"],
                decision["number"]))
    return found


def _text(text: str, size: float, align: int = 0, indent: float = 0) -> Paragraph:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    shape = style(size, align, leading=size * 1.8)
    shape.firstLineIndent = indent
    return Paragraph(escaped, shape)


def certificate_pdf(cert: Certificate) -> bytes:
    cjk, _ = fonts.register()
    out = BytesIO()
    width, height = landscape(A4)
    canv = Canvas(out, pagesize=(width, height), pageCompression=1, initialFontName=cjk)
    canv.setTitle(f"荣誉证书 {cert.honouree}")
    canv.setAuthor("".join(cert.issued_by))
    canv.setStrokeColor(RED)
    canv.setLineWidth(4)
    canv.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)
    canv.setLineWidth(1)
    canv.rect(1.6 * cm, 1.6 * cm, width - 3.2 * cm, height - 3.2 * cm)
    canv.setFillColor(RED)
    canv.setFont(cjk, 40)
    canv.drawCentredString(width / 2, height - 4.6 * cm, "荣 誉 证 书")
    canv.setFillColor(colors.black)
    body = [
        _text(f"{cert.honouree}：", 20),
        _text(f"在{cert.year}年度“三创”评选活动中，被评为“{cert.title}”。"
              "特发此证，以资鼓励。", 20, indent=40),
    ]
    Frame(4 * cm, 7 * cm, width - 8 * cm, height - 13 * cm, showBoundary=0).addFromList(body, canv)
    closing = [_text(organ, 16, 2) for organ in cert.issued_by]
    closing.append(_text(date_zh(cert.issued_on), 16, 2))
    Frame(width / 2, 2.2 * cm, width / 2 - 4 * cm, 5 * cm).addFromList(closing, canv)
    canv.setFont(cjk, 9)
    canv.drawString(2.2 * cm, 2.1 * cm, f"依据：{cert.number}　　{cert.village}")
    canv.showPage()
    canv.save()
    return out.getvalue()
