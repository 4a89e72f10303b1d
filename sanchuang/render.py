"""Rendering of notifications (subject / text / html) and printable documents.

Templates live in ``sanchuang/templates``. Only ``.html`` templates are autoescaped:
subjects and text bodies are plain text (SMS, text/plain e-mail parts) and must show
user-provided strings exactly as entered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import jinja2

#: China Standard Time; fixed offset, no DST (zoneinfo data is not required).
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

KINDS: tuple[str, ...] = (
    "received",
    "returned",
    "stage_passed",
    "rejected",
    "disqualified",
    "publicity_opened",
    "objection_filed",
    "objection_outcome",
    "commended",
    "revoked",
    "deadline_reminder",
    "reviewer_assigned",
)

DOCUMENTS: tuple[str, ...] = ("publicity_notice", "commendation_decision")

SMS_SINGLE_SEGMENT = 70
SMS_MULTI_SEGMENT = 67

_SENTENCE_END = "。！？；.!?;"
_CLAUSE_END = "。！？；，、.!?;,"
_DIGITS_ZH = "零一二三四五六七八九"


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()}: pass an aware one or a date")
        return value.astimezone(SHANGHAI)
    if isinstance(value, date):
        return value
    raise TypeError(f"expected a date or datetime, got {type(value).__name__}: {value!r}")


def date_zh(value: date | datetime) -> str:
    """``2026年11月26日``; aware datetimes are shown in Asia/Shanghai."""
    local = _local(value)
    return f"{local.year}年{local.month}月{local.day}日"


def month_day_zh(value: date | datetime) -> str:
    """``11月26日`` (Asia/Shanghai), for short texts where the year is obvious."""
    local = _local(value)
    return f"{local.month}月{local.day}日"


def datetime_zh(value: date | datetime) -> str:
    """``2026年11月26日 14:05`` (Asia/Shanghai); a plain date renders as date_zh."""
    local = _local(value)
    if not isinstance(local, datetime):
        return date_zh(local)
    return f"{date_zh(local)} {local:%H:%M}"


def sentence(value: object) -> str:
    """Strip and make sure the text ends like a sentence (adds 。 when needed)."""
    text = str(value).strip()
    if text and text[-1] not in _SENTENCE_END:
        text += "。"
    return text


def clause(value: object) -> str:
    """Strip trailing punctuation so the text can be followed by ``，``."""
    return str(value).strip().rstrip(_CLAUSE_END)


def zh_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (1–99, for section numbering)."""
    number = int(value)
    if not 0 < number < 100:
        raise ValueError(f"zh_numeral supports 1–99, got {number}")
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS_ZH[tens] + "十")
    return head + (_DIGITS_ZH[ones] if ones else "")


def sms_segments(text: str) -> int:
    """Number of SMS segments for a UCS-2 message: 70 in one, 67 each when split."""
    units = len(text.encode("utf-16-le")) // 2
    if units <= SMS_SINGLE_SEGMENT:
        return 1 if units else 0
    return -(-units // SMS_MULTI_SEGMENT)


def make_environment() -> jinja2.Environment:
    """A fresh environment over ``sanchuang/templates`` with the Chinese filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sanchuang", "templates"),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        date_zh=date_zh,
        datetime_zh=datetime_zh,
        month_day_zh=month_day_zh,
        sentence=sentence,
        clause=clause,
        zh_numeral=zh_numeral,
    )
    return env


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


class Renderer:
    """Renders notification kinds and documents from the package templates."""

    KINDS = KINDS
    DOCUMENTS = DOCUMENTS

    def __init__(self, env: jinja2.Environment | None = None) -> None:
        self._env = env if env is not None else make_environment()

    def notification(self, kind: str, context: dict[str, Any]) -> Rendered:
        if kind not in KINDS:
            raise KeyError(
                f"未知的通知类型 {kind!r}（unknown notification kind）; "
                f"known kinds: {', '.join(KINDS)}"
            )
        base = f"notifications/{kind}"
        subject = " ".join(self._render(f"{base}.subject.txt", context).split())
        text = self._render(f"{base}.txt", context).strip()
        html = self._render(f"{base}.html", {**context, "mail_subject": subject})
        return Rendered(subject=subject, text=text, html=html)

    def document(self, name: str, context: dict[str, Any]) -> str:
        """A standalone, A4-printable HTML page (``publicity_notice``, ...)."""
        stem = name.removesuffix(".html")
        if stem not in DOCUMENTS:
            raise KeyError(
                f"未知的文书模板 {name!r}（unknown document）; known: {', '.join(DOCUMENTS)}"
            )
        return self._render(f"documents/{stem}.html", context)

    def _render(self, template: str, context: dict[str, Any]) -> str:
        return self._env.get_template(template).render(context)
