"""What the browser tests share besides fixtures: where Chromium is, the phone's size, where
screenshots go, and the skip-or-fail rule when the browser cannot be had."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("SANCHUANG_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
PHONE = {"width": 375, "height": 812}

Shot = Callable[[Any, str], Path]  # shot(page, "step") -> the saved screenshot


def required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get(
        "SANCHUANG_REQUIRE_SERVICES") == "1"


def unavailable(message: str) -> None:
    """Skip on a developer's machine; FAIL where CI says the browser must be there."""
    if required():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
