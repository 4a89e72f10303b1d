"""Rendering of the printable documents (HTML pages laid out for A4)."""

from __future__ import annotations

from typing import Any

import jinja2

from sanchuang.documents.wording import entry_cell, entry_columns, level_words, name_heading
from sanchuang.runtime.templating import make_environment

DOCUMENTS: tuple[str, ...] = ("launch_notice", "publicity_notice", "commendation_decision",
                              "honour_roll")


class DocumentRenderer:
    """Renders documents from ``sanchuang/documents/templates``."""

    DOCUMENTS = DOCUMENTS

    def __init__(self, env: jinja2.Environment | None = None) -> None:
        self._env = env if env is not None else make_environment("sanchuang.documents")
        self._env.filters["level_words"] = level_words
        self._env.globals.update(entry_columns=entry_columns, entry_cell=entry_cell,
                                 name_heading=name_heading)

    def document(self, name: str, context: dict[str, Any]) -> str:
        """A standalone, A4-printable HTML page (``publicity_notice``, ...)."""
        stem = name.removesuffix(".html")
        if stem not in DOCUMENTS:
            raise KeyError(
                f"未知的文书模板 {name!r}（unknown document）; known: {', '.join(DOCUMENTS)}"
            )
        return self._env.get_template(f"documents/{stem}.html").render(context)
