"""Server addresses as they may be shown: passwords masked."""

from __future__ import annotations

import re


def safe_url(url: str) -> str:
    """``postgresql://user:secret@host/db`` → ``postgresql://user:***@host/db``."""
    return re.sub(r"://([^:/@]+):[^@]+@", r"://\1:***@", url)
