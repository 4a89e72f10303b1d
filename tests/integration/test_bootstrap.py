"""The composition root builds the links of notifications from the site's address."""

from __future__ import annotations

from pathlib import Path

from scenario import RecordingQueue

from sanchuang.bootstrap import bootstrap
from sanchuang.settings import Settings


def test_notifications_link_to_the_notice_on_the_configured_site(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, site_url="https://xinping.example.gov.cn")
    system = bootstrap(settings, queue=RecordingQueue())
    try:
        links = system.bus.deps.links
        assert links is not None
        assert links.publicity_notice("w-1") == "https://xinping.example.gov.cn/publicity/w-1"
    finally:
        system.store.dispose()
