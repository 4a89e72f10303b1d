"""Rendering web pages: one Jinja2 environment over ``sanchuang/web/templates``, with
``_()`` for UI text (i18n.py) and, for signed-in pages, the user, the role's menu and a
form token."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from sanchuang.runtime.templating import make_environment
from sanchuang.web import csrf, i18n, menus


class Pages:
    def __init__(self) -> None:
        self.env = make_environment("sanchuang.web")
        self.env.add_extension("jinja2.ext.i18n")
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext)
        self.env.globals.update(language=i18n.language, languages=i18n.LANGUAGES,
                                html_lang=lambda: i18n.HTML_LANG[i18n.language()])
        self.env.filters.update(day=i18n.day, moment=i18n.moment, ordinal=i18n.ordinal)

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("user", None)
        context.setdefault("nav", [])
        context.setdefault("csrf_token", "")
        html = self.env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status_code)

    def page(self, request: Request, template: str, status_code: int = 200,
             **context: Any) -> HTMLResponse:
        """A page for the signed-in user: their menu, and a fresh form token."""
        user = getattr(request.state, "user", None)
        nonce, token = csrf.issue(request)
        response = self.render(template, status_code, user=user, csrf_token=token,
                               nav=menus.nav(request, user), **context)
        csrf.set_cookie(response, nonce)
        return response
