"""A data folder holding a township whose campaign is in publicity (the web tests'
scenario, built through the bus), with one objection already filed, for the live site."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))

from web_scenario import in_publicity

from models import public_queries
from models.store import Store
from workflows import commands as c
from workflows.audit_seal import HmacSigner

AUDIT_KEY = "browser-test-audit-key"
WEB_SECRET = "browser-test-web-secret"


@dataclass(frozen=True)
class PublicData:
    data_dir: Path
    window_id: str
    content_hash: str
    receipt_code: str
    nominees: tuple[str, ...]  # the masked names the notice lists

    @property
    def env(self) -> dict[str, str]:
        """What the site's process needs besides SANCHUANG_DATA_DIR."""
        return {"SANCHUANG_AUDIT_KEY": AUDIT_KEY, "SANCHUANG_WEB_SECRET": WEB_SECRET}


def prepare(root: Path) -> PublicData:
    """Build the store in ``root``/data, the folder the site is then served over."""
    data_dir = root / "data"
    data_dir.mkdir(parents=True)
    store = Store(f"sqlite:///{data_dir / 'sanchuang.db'}",
                  signer=HmacSigner(AUDIT_KEY.encode()))
    try:
        store.migrate()
        town = in_publicity(store, root)
        objection_id = town.run(c.FileObjection(town.nomination_ids[0], "王建国",
                                                "13800000000", "该户去年曾有邻里纠纷未调解。"))
        found = public_queries.notice(store, town.window_id)
        assert found is not None
        nominees = tuple(e["display_name"] for e in found.notice.entries)
        return PublicData(data_dir, town.window_id, found.notice.content_hash,
                          public_queries.receipt_code(str(objection_id)), nominees)
    finally:
        store.dispose()
