"""Keyboard only, on a 375-px-wide phone: from the home page a member of the public opens the
publicity list, opens a notice, fills the objection form and submits it, and lands on the
receipt page with the receipt code. Every stop of the Tab key shows where focus is."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from browser_kit import Shot
from live_server import LiveServer
from public_site import PublicData

FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  return {tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || '',
          href: e.getAttribute('href') || '', text: (e.textContent || '').trim().slice(0, 30),
          outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0};
}"""
FORM_CONTROLS = """() => Array.from(document.querySelectorAll(
  '#objection form select, #objection form input:not([type=hidden]), '
  + '#objection form textarea, #objection form button'))
  .map(e => e.getAttribute('name') || e.tagName.toLowerCase())"""

Stop = dict[str, Any]


def stop_name(stop: Stop) -> str:
    return stop["name"] or stop["tag"]


def press(tab: Any, key: str) -> Stop:
    """Press ``key`` and return where focus went, checking it can be seen there."""
    tab.keyboard.press(key)
    stop: Stop = tab.evaluate(FOCUSED)
    if stop["tag"] != "body":
        visible = stop["outline"] == "solid" and stop["width"] >= 2
        assert visible, f"no visible focus after {key} on {stop}"
    return stop


def tab_until(tab: Any, wanted: Callable[[Stop], bool], limit: int = 40) -> list[Stop]:
    stops: list[Stop] = []
    for _ in range(limit):
        stops.append(press(tab, "Tab"))
        if wanted(stops[-1]):
            return stops
    raise AssertionError(f"Tab never reached it; stops: {stops}")


def test_objection_by_keyboard_alone(page: Any, public_site: LiveServer,
                                     public_data: PublicData, shot: Shot) -> None:
    tab = page
    tab.goto(public_site.url + "/")
    shot(tab, "home")

    tab_until(tab, lambda s: s["href"] == "/publicity")
    shot(tab, "focus-on-publicity-link")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/publicity$"))
    shot(tab, "publicity-list")

    tab_until(tab, lambda s: s["href"] == f"/publicity/{public_data.window_id}")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(f"/publicity/{public_data.window_id}$"))
    shot(tab, "notice")

    # Tab reaches every control of the form, in reading order, and Shift+Tab walks back.
    controls = tab.evaluate(FORM_CONTROLS)
    assert controls == ["nomination_id", "name", "contact", "content", "button"]
    stops = tab_until(tab, lambda s: s["tag"] == "button" and s["text"] == "提交异议")
    assert [stop_name(s) for s in stops if stop_name(s) in controls] == controls
    backwards = [stop_name(press(tab, "Shift+Tab")) for _ in controls[1:]]
    assert backwards == controls[-2::-1]
    shot(tab, "focus-on-nominee-choice")

    # The nominee with the arrow key, then the fields, then Space on the button.
    assert press(tab, "ArrowDown")["name"] == "nomination_id"
    chosen = tab.evaluate("() => document.activeElement.selectedOptions[0].textContent")
    assert public_data.nominees[0] in chosen
    assert press(tab, "Tab")["name"] == "name"
    tab.keyboard.type("李明")
    assert press(tab, "Tab")["name"] == "contact"
    tab.keyboard.type("13900000000")
    assert press(tab, "Tab")["name"] == "content"
    tab.keyboard.type("该户的事迹与村里了解的情况不符，请核实。")
    assert press(tab, "Tab")["text"] == "提交异议"
    shot(tab, "form-filled")
    tab.keyboard.press("Space")

    tab.wait_for_url(re.compile(r"/objections/receipt/\w+$"))
    code = tab.locator(".receipt strong").inner_text()
    assert re.fullmatch(r"[0-9A-F]{8}", code), code
    assert tab.url.endswith(f"/objections/receipt/{code}")
    assert "已受理，正在调查核实" in tab.locator("main").inner_text()
    assert code != public_data.receipt_code
    shot(tab, "receipt")
