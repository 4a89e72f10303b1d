"""A printed document's HTML, laid out again as an A4 PDF with the embedded CJK font: its
blocks (the red head, the number, the title, sections, paragraphs, list items, table rows)
in order, so a document written once as a template needs no second copy of its text."""

from __future__ import annotations

from html.parser import HTMLParser

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from sanchuang.documents.pdf import Page, para, render

#: class or tag → (size, alignment: 0 left, 1 centre, 2 right)
LOOKS = {"doc-title": (16.0, 1), "red-head": (18.0, 1), "doc-number": (10.5, 1),
         "section": (12.0, 0), "subsection": (11.0, 0), "signature": (10.5, 2),
         "h1": (16.0, 1), "h2": (12.0, 0), "h3": (11.0, 0)}
BLOCKS = {"p", "h1", "h2", "h3", "li", "tr", "div"}


class _Blocks(HTMLParser):
    """Collects (text, look) for each block of the body; scripts and styles are skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title", "head"):
            self.skip += 1
        if tag in BLOCKS:
            self.flush()
            classes = (dict(attrs).get("class") or "").split()
            self.stack.append(next((c for c in classes if c in LOOKS), tag))
        elif tag == "td" and self.text:
            self.text.append("　")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title", "head"):
            self.skip = max(self.skip - 1, 0)
        if tag in BLOCKS:
            self.flush()
            if self.stack:
                self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text:
            self.blocks.append((text, self.stack[-1] if self.stack else "p"))
        self.text = []


def blocks(html: str) -> list[tuple[str, str]]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks


def document_pdf(html: str, title: str, heading: str) -> bytes:
    """The document as A4 pages; ``heading`` runs along the top of every page."""
    story: list[Flowable] = []
    for text, look in blocks(html):
        size, align = LOOKS.get(look, (10.5, 0))
        story.append(para(text, size, align, space_after=4))  # para escapes: text, not markup
        if look in ("doc-number", "doc-title"):
            story.append(Spacer(1, 0.3 * cm))
    return render(Page(heading), story, title)

