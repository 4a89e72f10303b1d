"""A reviewer's score sheet entered while the workers conclude the same nominations'
panels, on PostgreSQL: nobody waits on anybody in a circle, and the sheet is taken once."""

from __future__ import annotations

import threading
from pathlib import Path

from campaigns import Outcome, audit_problems
from faulted import FaultedCampaign, assert_like_undisturbed, fault_settings, in_flight
from smtp_sink import Mailboxes

from sanchuang.bootstrap import bootstrap
from workflows import commands as c


def test_a_score_sheet_entered_while_workers_move_the_same_nominations_is_taken_once(
        tmp_path: Path, pg_url: str, broker_url: str, smtp: tuple[int, Mailboxes],
        undisturbed: Outcome) -> None:
    port, boxes = smtp
    settings = fault_settings(tmp_path, pg_url, broker_url, port)
    with FaultedCampaign(settings) as campaign:
        plan = campaign.to_panel()
        reviewer = plan[1][1]  # the second seat: on every panel, the recusal's too
        sheet = {nid: marks for nid, r, marks in plan if r.id == reviewer.id}
        others = [entry for entry in plan if entry[1].id != reviewer.id]
        campaign.enter(others[:len(others) // 2])
        taken: list[list[str]] = []
        entry = threading.Thread(target=lambda: taken.append(bootstrap(settings).bus.handle(
            c.RecordReviews(reviewer, sheet))))
        flight = in_flight(campaign.run.system.store, broker_url)
        entry.start()
        campaign.enter(others[len(others) // 2:])
        entry.join(60)
        deadlocked = entry.is_alive()
        disturbed = campaign.finish()
        with disturbed.store.uow() as uow:
            reviews = uow.reviews.for_nominations(list(sheet))
    assert flight, "the workers had nothing in hand when the sheet was entered"
    assert not deadlocked, "the score sheet was still waiting after a minute"
    assert len(taken) == 1
    assert len(taken[0]) == len(sheet)
    assert {nid: [r.marks for r in found if r.reviewer_id == reviewer.id]
            for nid, found in reviews.items()} == {nid: [marks] for nid, marks in sheet.items()}
    assert audit_problems(disturbed.store, disturbed.campaign_id) == []
    assert_like_undisturbed(disturbed, undisturbed, boxes)
