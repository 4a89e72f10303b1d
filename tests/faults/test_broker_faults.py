"""Redis killed mid-campaign and started again, with its data kept (append-only file,
fsync always) or wiped: the database is the truth, so nothing is lost either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from campaigns import Outcome
from faulted import FaultedCampaign, assert_like_undisturbed, fault_settings
from services import OwnRedis
from smtp_sink import Mailboxes, free_port


@pytest.mark.parametrize("keep", [True, False], ids=["data-kept", "data-wiped"])
def test_redis_killed_and_restarted_mid_campaign_loses_nothing(
        tmp_path: Path, pg_url: str, smtp: tuple[int, Mailboxes], undisturbed: Outcome,
        keep: bool) -> None:
    port, boxes = smtp
    own = OwnRedis(free_port(), str(tmp_path), keep=keep)
    own.start()
    try:
        with FaultedCampaign(fault_settings(tmp_path, pg_url, own.url, port)) as campaign:
            def restart() -> None:
                own.kill()
                own.start()

            flight = campaign.strike(restart)
            disturbed = campaign.finish()
            worker_alive = campaign.workers.procs["worker"].poll() is None
    finally:
        own.kill()
    assert flight, "nothing was in flight when Redis was killed"
    assert worker_alive, "the worker did not outlive the Redis restart"
    assert_like_undisturbed(disturbed, undisturbed, boxes)
