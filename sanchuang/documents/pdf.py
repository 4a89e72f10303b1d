"""The printing press of the paper channel: A4 pages in an embedded Chinese font (fonts.py),
a header with the township and campaign, "第 N 页 共 M 页" per sheet, and the
small drawn pieces of a form (tick boxes, write-in lines)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from sanchuang.documents import fonts

FONT = fonts.CJK
CODE_FONT = fonts.CODE  # codes the clerk types in: monospaced, with no look-alikes
MARGIN = 2 * cm
FRAME_PADDING = 6  # points: reportlab's default frame padding on each side


def _font() -> str:
    return fonts.register()[0]


def style(size: float = 10.5, align: int = 0, leading: float | None = None,
          space_after: float = 0) -> ParagraphStyle:
    """A paragraph style in the Chinese font; ``align`` 0 left, 1 centre, 2 right."""
    return ParagraphStyle(f"zh{size}-{align}", fontName=_font(), fontSize=size,
                          leading=leading or size * 1.45, alignment=align,
                          wordWrap="CJK", spaceAfter=space_after)


def para(text: str, size: float = 10.5, align: int = 0, space_after: float = 0) -> Paragraph:
    """Plain text (escaped: names are user text) as a paragraph."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style(size, align, space_after=space_after))


def fields(items: list[str], widths: list[float], size: float = 10.5) -> Table:
    """A line of form fields ("评委：____　日期：____") spaced by a borderless table: the
    font has no glyph for a no-break space, and a paragraph folds other spaces into one."""
    table = Table([[para(item, size) for item in items]], colWidths=widths)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


class Box(Flowable):
    """An empty square to tick or to write a number in."""

    def __init__(self, side: float = 4 * mm):
        super().__init__()
        self.width = self.height = side

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        self.canv.rect(0, 0, self.width, self.height)


class BoxWithLine(Flowable):
    """A tick box followed by a label and a line to write on (回避 ☐ 理由 ____)."""

    def __init__(self, label: str, width: float, side: float = 3.6 * mm):
        super().__init__()
        self.label, self.side = label, side
        self.width, self.height = width, side

    def draw(self) -> None:
        canv = self.canv
        canv.setLineWidth(0.6)
        canv.rect(0, 0, self.side, self.side)
        canv.setFont(_font(), 7.5)
        start = self.side + 1 * mm
        canv.drawString(start, 0.6 * mm, self.label)
        line_from = start + pdfmetrics.stringWidth(self.label, FONT, 7.5) + 0.5 * mm
        canv.setLineWidth(0.4)
        canv.line(line_from, 0, self.width, 0)


class SheetStart(Flowable):
    """Marks where a new sheet begins, so pages are counted per sheet, with its label."""

    def __init__(self, label: str = ""):
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.sheet = getattr(self.canv, "sheet", 0) + 1
        self.canv.sheet_label = self.label


class SheetCanvas(Canvas):
    """Holds pages back until the end so each can print "第 N 页 共 M 页" of its sheet."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["initialFontName"] = fonts.register()[0]  # never the built-in Helvetica
        super().__init__(*args, **kwargs)
        self.sheet, self.sheet_label = 0, ""
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(page["sheet"] for page in self._held)
        seen: Counter[int] = Counter()
        for page in self._held:
            self.__dict__.update(page)
            seen[self.sheet] += 1
            self._footer(seen[self.sheet], totals[self.sheet])
            super().showPage()
        super().save()

    def _footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.setFont(FONT, 9)
        text = f"第 {number} 页 共 {total} 页"
        if self.sheet_label:
            text = f"{self.sheet_label}　　{text}"
        self.drawCentredString(width / 2, MARGIN / 2, text)


@dataclass(frozen=True)
class Page:
    heading: str  # township + campaign, at the top of every page
    wide: bool = False  # landscape A4 for wide tables

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.wide else A4

    @property
    def frame_width(self) -> float:
        """The width a table may take: the page less the margins and the frame's padding."""
        return self.size[0] - 2 * MARGIN - 2 * FRAME_PADDING


def render(page: Page, story: list[Flowable], title: str) -> bytes:
    """The story laid out on A4 pages; returns the PDF."""
    fonts.register()
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=page.size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                            author=page.heading, creator="sanchuang")

    def header(canv: Canvas, _doc: Any) -> None:
        width, height = page.size
        left, right = MARGIN + FRAME_PADDING, width - MARGIN - FRAME_PADDING
        canv.setFont(_font(), 9)
        canv.drawString(left, height - MARGIN + 0.6 * cm, page.heading)
        canv.drawRightString(right, height - MARGIN + 0.6 * cm, title)
        canv.setLineWidth(0.5)
        canv.line(left, height - MARGIN + 0.45 * cm, right, height - MARGIN + 0.45 * cm)

    doc.build(story, onFirstPage=header, onLaterPages=header, canvasmaker=SheetCanvas)
    return out.getvalue()
