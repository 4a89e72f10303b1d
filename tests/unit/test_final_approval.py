"""Final approval: the party committee takes the ranked list as a whole, with per-item
exceptions recorded in the same decision."""

import pytest
from flows import CAMPAIGN_ID, SECRETARY, Flow

from workflows import commands as c
from workflows.errors import InvalidInput
from workflows.nomination import Actor
from workflows.stages import Role, Stage

COMMITTEE = Actor("approver", Role.APPROVER, "镇党委")


def test_the_list_opens_publicity_and_the_exceptions_are_rejected_with_their_reasons(
        flow: Flow) -> None:
    kept, dropped = flow.in_final("h-wang"), flow.in_final("h-liu")
    flow.run(c.OpenPublicity(CAMPAIGN_ID, (kept,), COMMITTEE,
                             exceptions={dropped: "党委会研究：事迹尚需进一步核实"}))
    assert flow.nomination(kept).stage is Stage.PUBLICITY
    assert flow.nomination(dropped).stage is Stage.REJECTED
    (entry,) = [e for e in flow.rows.audit if e.subject_id == dropped and e.action == "reject"]
    assert entry.reason == "党委会研究：事迹尚需进一步核实"
    (notice,) = flow.rows.documents.values()
    assert [e["nomination_id"] for e in notice.entries] == [kept]


def test_a_nomination_cannot_be_both_approved_and_excepted(flow: Flow) -> None:
    nid = flow.in_final("h-wang")
    with pytest.raises(InvalidInput, match="既审定通过又不予审定"):
        flow.run(c.OpenPublicity(CAMPAIGN_ID, (nid,), SECRETARY, exceptions={nid: "重复"}))
    assert flow.nomination(nid).stage is Stage.FINAL_APPROVAL
