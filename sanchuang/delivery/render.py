"""Rendering of notifications: subject, text and HTML from one template set per kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2

from sanchuang.delivery.sms import segments
from sanchuang.runtime.templating import make_environment

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


def sms_segments(text: str) -> int:
    """Number of SMS segments the text takes (the rule is in :mod:`sanchuang.delivery.sms`)."""
    return len(segments(text)) if text else 0


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


class Renderer:
    """Renders notification kinds from ``sanchuang/delivery/templates``."""

    KINDS = KINDS

    def __init__(self, env: jinja2.Environment | None = None) -> None:
        self._env = env if env is not None else make_environment("sanchuang.delivery")

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

    def _render(self, template: str, context: dict[str, Any]) -> str:
        return self._env.get_template(template).render(context)
