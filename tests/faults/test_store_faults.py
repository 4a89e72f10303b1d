"""PostgreSQL restarted mid-campaign, fast or immediate (a crash: no checkpoint, every
connection cut) and down for a few seconds: the workers, the beat and the campaign's driver
wait and go on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from campaigns import Outcome
from faulted import FaultedCampaign, assert_like_undisturbed, fault_settings
from own_postgres import OwnPostgres
from smtp_sink import Mailboxes


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_postgresql_restarted_mid_campaign_loses_nothing(
        tmp_path: Path, own_pg: OwnPostgres, pg_url: str, broker_url: str,
        smtp: tuple[int, Mailboxes], undisturbed: Outcome, mode: str) -> None:
    port, boxes = smtp
    restart = threading.Thread(target=own_pg.restart, args=(mode,))
    with FaultedCampaign(fault_settings(tmp_path, pg_url, broker_url, port)) as campaign:
        flight = campaign.strike(restart.start)  # the campaign's driver goes on meanwhile
        disturbed = campaign.finish()
        restart.join()
        alive = {role: p.poll() is None for role, p in campaign.workers.procs.items()}
    assert flight, "nothing was in flight when PostgreSQL restarted"
    assert alive == {"worker": True, "beat": True}
    assert_like_undisturbed(disturbed, undisturbed, boxes)
