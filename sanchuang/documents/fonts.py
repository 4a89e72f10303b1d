"""The fonts every PDF is printed in, embedded (as a subset of the glyphs used) so that a page
reads the same on a machine without Chinese fonts: a Chinese TrueType font from
SANCHUANG_CJK_FONT or one of the Debian font packages, and a monospaced font for the codes a
clerk types in (falling back to the Chinese font)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sanchuang.settings import get_settings

CJK = "SanchuangCJK"
CODE = "SanchuangCode"
#: Debian package -> its TrueType file. Only TrueType outlines: reportlab cannot embed the
#: PostScript (CFF) outlines of fonts-noto-cjk's .ttc files.
CJK_FILES: tuple[tuple[str, str], ...] = (
    ("fonts-wqy-microhei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    ("fonts-wqy-zenhei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    ("fonts-arphic-uming", "/usr/share/fonts/truetype/arphic/uming.ttc"),
    ("fonts-droid-fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)
CODE_FILES: tuple[str, ...] = ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",)


class FontMissing(RuntimeError):
    """No Chinese font to embed: the message says which package to install."""


def cjk_font_file(configured: Path | None = None,
                  known: tuple[tuple[str, str], ...] = CJK_FILES) -> Path:
    """The configured font file, else the first known one present."""
    if configured is not None:
        if not configured.is_file():
            raise FontMissing(f"SANCHUANG_CJK_FONT 指定的字体文件不存在：{configured}")
        return configured
    for _, path in known:
        if Path(path).is_file():
            return Path(path)
    raise FontMissing(
        "找不到可嵌入 PDF 的中文字体（no Chinese TrueType font found）。请安装 "
        "fonts-wqy-microhei（apt-get install fonts-wqy-microhei），"
        "或用 SANCHUANG_CJK_FONT 指定一个 .ttf/.ttc 字体文件")


def _register(name: str, path: Path) -> None:
    font = TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" \
        else TTFont(name, str(path))
    pdfmetrics.registerFont(font)


def register() -> tuple[str, str]:
    """Register both fonts once (each PDF embeds only the glyphs it uses); returns their
    names (Chinese, code)."""
    registered = pdfmetrics.getRegisteredFontNames()
    if CJK not in registered:
        _register(CJK, cjk_font_file(get_settings().cjk_font))
    if CODE not in registered:
        code = next((Path(p) for p in CODE_FILES if Path(p).is_file()), None)
        _register(CODE, code or cjk_font_file(get_settings().cjk_font))
    return CJK, CODE
