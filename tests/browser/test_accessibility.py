"""axe-core (4.14.1, vendored) in the same Chromium on every public page: no violation of
impact "serious" or "critical", on a phone-sized and a desktop-sized window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browser_kit import PHONE, Shot
from live_server import LiveServer
from public_site import PublicData

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
BLOCKING = {"serious", "critical"}

PAGES: dict[str, Callable[[PublicData], str]] = {
    "home": lambda d: "/",
    "publicity-list": lambda d: "/publicity",
    "notice-with-form": lambda d: f"/publicity/{d.window_id}",
    "receipt": lambda d: f"/objections/receipt/{d.receipt_code}",
    "honours": lambda d: "/honours",
    "receipt-lookup": lambda d: "/objections/receipt",
    "receipt-lookup-refused": lambda d: "/objections/receipt?code=XYZ",
    "public-log": lambda d: "/campaigns",
    "login": lambda d: "/login",
    "verify": lambda d: "/verify",
    "verify-found": lambda d: f"/verify?hash={d.content_hash}",
    "verify-not-found": lambda d: "/verify?hash=" + "0" * 64,
    "error-404": lambda d: "/no-such-page",
}
STATUS = {"error-404": 404, "receipt-lookup-refused": 400}


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']} — "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in violations)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}],
                         ids=["phone", "desktop"])
@pytest.mark.parametrize("name", list(PAGES))
def test_public_page_has_no_serious_violations(browser: Any, public_site: LiveServer,
                                               public_data: PublicData, shot: Shot,
                                               name: str, viewport: dict[str, int]) -> None:
    # The site's CSP (script-src 'self') rightly refuses an injected script: this context
    # alone bypasses CSP so that axe can be added to the page; the pages are unchanged.
    context = browser.new_context(viewport=viewport, locale="zh-CN", bypass_csp=True)
    try:
        tab = context.new_page()
        answer = tab.goto(public_site.url + PAGES[name](public_data))
        assert answer is not None
        assert answer.status == STATUS.get(name, 200)
        shot(tab, name)
        tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        assert tab.evaluate("() => axe.version") == AXE_VERSION
        results = tab.evaluate("() => axe.run(document)")
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
        assert not blocking, f"{name}:\n{describe(blocking)}"
        assert results["passes"], "axe checked nothing"
    finally:
        context.close()


def test_axe_finds_what_it_must(browser: Any) -> None:
    """The check can fail: a page with no language and an unlabelled field is reported."""
    context = browser.new_context(bypass_csp=True)
    try:
        tab = context.new_page()
        tab.set_content("<html><head><title>t</title></head><body><main>"
                        "<input name='x'></main></body></html>")
        tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        results = tab.evaluate("() => axe.run(document)")
        found = {v["id"] for v in results["violations"] if v["impact"] in BLOCKING}
        assert {"html-has-lang", "label"} <= found
    finally:
        context.close()
