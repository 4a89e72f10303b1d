"""Browser tests: the real site (``sanchuang web`` in its own process) driven by Debian's
headless Chromium through Playwright. Without Chromium or Playwright the tests are skipped,
and FAIL when CI (or SANCHUANG_REQUIRE_SERVICES=1) says they must run. Each step's
screenshot is saved under SCREENSHOTS (printed at the end of the run)."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser_kit import CHROMIUM, PHONE, SCREENSHOTS, Shot, unavailable
from live_server import LiveServer, serve
from public_site import PublicData, prepare


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SCREENSHOTS.is_dir():
        terminalreporter.write_line(f"browser screenshots: {SCREENSHOTS}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless; never a browser downloaded by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        unavailable(f"Playwright is not installed ({error}): pip install -e '.[dev]'")
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def public_data(tmp_path_factory: pytest.TempPathFactory) -> PublicData:
    return prepare(tmp_path_factory.mktemp("public-site"))


@pytest.fixture(scope="session")
def public_site(public_data: PublicData) -> Iterator[LiveServer]:
    """The site over the township in publicity, one server for the whole run."""
    with serve(public_data.data_dir, public_data.env) as server:
        yield server


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh phone-sized tab (375 px wide, Chinese locale)."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Shot:
    """``shot(page, "step")`` saves a full-page screenshot as SCREENSHOTS/<test>/NN-step.png."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    taken: list[Path] = []

    def take(tab: Any, step: str) -> Path:
        path = folder / f"{len(taken) + 1:02d}-{step}.png"
        # The whole page, by making the viewport as tall as the page for the moment:
        # Chromium's own full-page capture leaves clicks landing on the wrong element after.
        viewport = tab.viewport_size
        height = tab.evaluate("document.documentElement.scrollHeight")
        tab.set_viewport_size({"width": viewport["width"], "height": max(height, 1)})
        tab.screenshot(path=str(path))
        tab.set_viewport_size(viewport)
        taken.append(path)
        return path

    return take
