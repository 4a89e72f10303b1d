"""The Jinja2 environments: one per purpose (notifications, documents), each over its own
package's ``templates`` folder, with the Chinese date and text filters.

Only ``.html`` templates are autoescaped: subjects and text bodies are plain text (SMS,
text/plain e-mail parts) and must show user-provided strings exactly as entered.
"""

from __future__ import annotations

from datetime import date, datetime

import jinja2

from workflows.calendar import SHANGHAI

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


def make_environment(package: str) -> jinja2.Environment:
    """A fresh environment over ``<package>/templates`` with the Chinese filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
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
