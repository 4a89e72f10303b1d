"""Document numbers (文号) are unique in a township's year."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flows import APPROVER, CAMPAIGN_ID, SECRETARY

from workflows import commands as c
from workflows.errors import InvalidInput


def test_a_second_campaign_may_not_reuse_a_launch_notice_number(flow):
    first = flow.rows.campaigns[CAMPAIGN_ID]
    again = replace(first, id="c-second", basis=first.basis or "新委发〔2026〕3号")
    flow.rows.campaigns[CAMPAIGN_ID] = replace(first, basis=again.basis)
    with pytest.raises(InvalidInput, match="已被本镇2026年的其他文件使用"):
        flow.run(c.CreateCampaign(again, SECRETARY))
    assert "c-second" not in flow.rows.campaigns
    flow.run(c.CreateCampaign(replace(again, basis="新委发〔2026〕4号"), SECRETARY))
    assert "c-second" in flow.rows.campaigns


def test_a_decision_may_not_take_another_documents_number(flow):
    first = flow.rows.campaigns[CAMPAIGN_ID]
    flow.run(c.CreateCampaign(replace(first, id="c-other", basis="新委发〔2026〕9号"), SECRETARY))
    with pytest.raises(InvalidInput, match="请换一个文号"):
        flow.run(c.PublishCommendation(CAMPAIGN_ID, APPROVER, "新委发〔2026〕9号"))
    assert not flow.rows.documents
