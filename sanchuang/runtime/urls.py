"""Addresses: server addresses as they may be shown (passwords masked), and the links to
this site's public pages that notifications carry."""

from __future__ import annotations

import re
from dataclasses import dataclass


def safe_url(url: str) -> str:
    """``postgresql://user:secret@host/db`` → ``postgresql://user:***@host/db``."""
    return re.sub(r"://([^:/@]+):[^@]+@", r"://\1:***@", url)


@dataclass(frozen=True)
class SiteLinks:
    """The public pages of the site at ``site_url`` (the domain's Links port)."""

    site_url: str

    def publicity_notice(self, window_id: str) -> str:
        return f"{self.site_url}/publicity/{window_id}"

    def nomination_page(self, nomination_id: str) -> str:
        """The nominating village's page of one nomination (it asks the clerk to sign in)."""
        return f"{self.site_url}/village/nominations/{nomination_id}"
