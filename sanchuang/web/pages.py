"""Rendering web pages: one Jinja2 environment over ``sanchuang/web/templates``."""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse

from sanchuang.runtime.templating import make_environment


class Pages:
    def __init__(self) -> None:
        self.env = make_environment("sanchuang.web")

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status_code)
