"""Substitution after an upheld objection: the next-ranked nominee takes the place on a new
version of the notice and gets a publicity window of their own."""

from __future__ import annotations

import pytest
from flows import APPROVER, CAMPAIGN_ID, SECRETARY

from workflows import commands as c
from workflows.errors import Forbidden, InvalidInput
from workflows.publicity import content_hash, diff
from workflows.stages import Stage

COMPLAINT = "该户长期不赡养老人，村里多人知情。"


def uphold(flow, nomination_id: str) -> str:
    case_id = flow.run(c.FileObjection(nomination_id, "赵德明", "13907391234", COMPLAINT))
    flow.run(c.ResolveObjection(case_id, "upheld", "经核实，反映情况属实", SECRETARY))
    return case_id


def test_the_substitute_replaces_the_upheld_nominee_in_a_new_version_and_window(flow):
    first_window, [wang, chen] = flow.in_publicity("h-wang", "h-chen")
    liu = flow.in_final("h-liu")  # ranked next, not on the list
    case_id = uphold(flow, wang)
    assert flow.nomination(wang).stage is Stage.DISQUALIFIED
    window_id = flow.run(c.SubstituteNominee(case_id, liu, SECRETARY))
    old, new = sorted(flow.rows.documents.values(), key=lambda d: d.version)
    assert (old.version, new.version) == (1, 2)
    assert {e["display_name"] for e in new.entries} == {"陈志强家庭", "刘桂芳家庭"}
    assert new.content_hash == content_hash(new.entries, new.meta)
    changes = diff(old, new)
    assert [e["display_name"] for e in changes["removed"]] == ["王建国家庭"]
    assert [e["display_name"] for e in changes["added"]] == ["刘桂芳家庭"]
    assert changes["changed"] == []
    window = flow.rows.windows[window_id]
    assert window_id != first_window
    assert (window.round, window.notice_id) == (2, new.id)
    assert (flow.nomination(liu).stage, flow.nomination(liu).window_id) == (
        Stage.PUBLICITY, window_id)
    assert flow.nomination(chen).window_id == first_window
    opened = flow.notes("publicity_opened", "inbox")
    assert "刘桂芳家庭" in opened[-1].text
    assert "陈志强家庭" not in opened[-1].text


def test_the_substitute_waits_for_their_own_window_before_commendation(flow):
    _, [wang, chen] = flow.in_publicity("h-wang", "h-chen")
    liu = flow.in_final("h-liu")
    case_id = uphold(flow, wang)
    flow.clock.advance(days=3)
    flow.run(c.SubstituteNominee(case_id, liu, SECRETARY))
    flow.clock.advance(days=5)  # the first window is over, the substitute's is not
    flow.run(c.CloseDuePublicity())
    assert flow.nomination(chen).stage is Stage.APPROVED
    assert flow.nomination(liu).stage is Stage.PUBLICITY
    with pytest.raises(InvalidInput, match="公示期或异议受理期尚未结束"):
        flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    flow.clock.advance(days=3)
    flow.run(c.CloseDuePublicity())
    doc_id = flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕12号"))
    names = {e["display_name"] for e in flow.rows.documents[doc_id].entries}
    assert names == {"陈志强家庭", "刘桂芳家庭"}


def test_substitution_needs_an_upheld_objection(flow):
    _, [wang] = flow.in_publicity("h-wang")
    liu = flow.in_final("h-liu")
    case_id = flow.run(c.FileObjection(wang, "赵德明", "13907391234", COMPLAINT))
    with pytest.raises(InvalidInput, match="只有异议成立"):
        flow.run(c.SubstituteNominee(case_id, liu, SECRETARY))
    assert flow.nomination(liu).stage is Stage.FINAL_APPROVAL


def test_a_place_is_substituted_once_and_only_by_the_next_ranked(flow):
    _, [wang] = flow.in_publicity("h-wang")
    liu = flow.in_final("h-liu")
    case_id = uphold(flow, wang)
    with pytest.raises(Forbidden):
        flow.run(c.SubstituteNominee(case_id, liu, APPROVER))
    with pytest.raises(InvalidInput, match="下一名是 刘桂芳家庭"):
        flow.run(c.SubstituteNominee(case_id, wang, SECRETARY))
    flow.run(c.SubstituteNominee(case_id, liu, SECRETARY))
    with pytest.raises(InvalidInput, match="王建国家庭 的名额已经递补"):
        flow.run(c.SubstituteNominee(case_id, liu, SECRETARY))
    assert len(flow.rows.windows) == 2


def test_without_a_waiting_nominee_there_is_no_substitute(flow):
    _, [wang] = flow.in_publicity("h-wang")
    case_id = uphold(flow, wang)
    with pytest.raises(InvalidInput, match="没有可递补的申报"):
        flow.run(c.SubstituteNominee(case_id, "x", SECRETARY))
    assert len(flow.rows.documents) == 1
