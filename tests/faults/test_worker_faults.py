"""A worker killed mid-campaign loses nothing: its main process, or one pool child."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from campaigns import Outcome
from faulted import FaultedCampaign, assert_like_undisturbed, fault_settings
from smtp_sink import Mailboxes

from sanchuang.runtime.processes import wait_for


def test_the_worker_main_process_killed_mid_campaign_loses_nothing(
        tmp_path: Path, pg_url: str, broker_url: str, smtp: tuple[int, Mailboxes],
        undisturbed: Outcome) -> None:
    port, boxes = smtp
    with FaultedCampaign(fault_settings(tmp_path, pg_url, broker_url, port)) as campaign:
        def kill_and_replace() -> None:
            campaign.workers.kill_main("worker")
            campaign.workers.start("worker")

        flight = campaign.strike(kill_and_replace)
        disturbed = campaign.finish()
    assert flight, "nothing was in flight when the worker was killed"
    assert_like_undisturbed(disturbed, undisturbed, boxes)


def test_a_pool_child_killed_mid_campaign_loses_nothing_and_the_worker_stays_up(
        tmp_path: Path, pg_url: str, broker_url: str, smtp: tuple[int, Mailboxes],
        undisturbed: Outcome) -> None:
    port, boxes = smtp
    with FaultedCampaign(fault_settings(tmp_path, pg_url, broker_url, port)) as campaign:
        workers, killed = campaign.workers, []

        def kill_a_child() -> None:
            assert wait_for(workers.children, 10), "the worker has no pool"
            killed.append(workers.children()[0])
            os.kill(killed[0], signal.SIGKILL)

        flight = campaign.strike(kill_a_child)
        disturbed = campaign.finish()
        main_alive = workers.procs["worker"].poll() is None
        replaced = wait_for(  # the pool starts a new child in its own time
            lambda: bool(workers.children()) and killed[0] not in workers.children(), 30)
    assert flight, "nothing was in flight when the pool child was killed"
    assert main_alive
    assert replaced
    assert_like_undisturbed(disturbed, undisturbed, boxes)
