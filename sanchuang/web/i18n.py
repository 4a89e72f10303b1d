"""The language of a page: Simplified Chinese by default, English on request.

Every piece of UI text in the templates goes through ``_()`` with the Chinese text as the
message id, so Chinese is complete by construction; ``locale/en.po`` holds the English.
The language comes from the ``lang`` cookie (set by the switch in the page header), else
from the browser's Accept-Language, else Chinese. It is kept per request in a context
variable that the templates' ``_()`` reads."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from importlib import resources

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from starlette.types import ASGIApp, Receive, Scope, Send

from sanchuang.runtime.templating import date_zh, datetime_zh, zh_numeral
from workflows.calendar import SHANGHAI

DEFAULT = "zh"
LANGUAGES = {"zh": "中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
COOKIE = "lang"
_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


@cache
def catalog(language: str) -> Catalog | None:
    if language == DEFAULT:
        return None
    source = resources.files("sanchuang.web") / "locale" / f"{language}.po"
    with source.open("rb") as po:
        return read_po(po, locale=language)


def gettext(message: str) -> str:
    found = catalog(_current.get())
    entry = found.get(message) if found else None
    return str(entry.string) if entry and entry.string and not entry.fuzzy else message


def pgettext(context: str, message: str) -> str:
    """A text whose English depends on where it is used (a button's "退回补充" is an order,
    a stage's is a state)."""
    found = catalog(_current.get())
    entry = found.get(message, context=context) if found else None
    return str(entry.string) if entry and entry.string and not entry.fuzzy else message


def N_(message: str) -> str:
    """Marks a text of a Python module for the catalog; translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


def day(value: date | datetime) -> str:
    """A date as the page's language writes it (Asia/Shanghai for a datetime)."""
    if language() == DEFAULT:
        return date_zh(value)
    local = value.astimezone(SHANGHAI) if isinstance(value, datetime) else value
    return f"{local.day} {local:%B} {local.year}"


def moment(value: date | datetime) -> str:
    if language() == DEFAULT or not isinstance(value, datetime):
        return datetime_zh(value) if language() == DEFAULT else day(value)
    return f"{day(value)} {value.astimezone(SHANGHAI):%H:%M}"


def ordinal(value: int) -> str:
    """第一批 in Chinese, 1 in English ("Round 1")."""
    return zh_numeral(value) if language() == DEFAULT else str(value)


def language() -> str:
    return _current.get()


def from_header(accept_language: str) -> str:
    """The first language of ours in an Accept-Language header, by quality."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else DEFAULT


def choose(cookie: str | None, accept_language: str) -> str:
    return cookie if cookie in LANGUAGES else from_header(accept_language)


def _cookie(header: str) -> str | None:
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return None


class Language:
    """Plain ASGI middleware: sets the request's language before anything renders."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        token = _current.set(choose(_cookie(headers.get("cookie", "")),
                                    headers.get("accept-language", "")))
        try:
            await self.app(scope, receive, send)
        finally:
            _current.reset(token)
