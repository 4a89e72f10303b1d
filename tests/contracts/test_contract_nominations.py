"""The contract of the campaign and nomination repositories, on the fakes, SQLite and
PostgreSQL alike: what is stored comes back, a stale copy is refused, lists come in order."""

from __future__ import annotations

from dataclasses import replace

import pytest
from aggregates import CAMPAIGN_ID, SECRETARY, campaign, nomination, stored, submitted
from backends import NOW, Backend

from workflows.errors import NotFound, StaleVersion
from workflows.policy import Programme
from workflows.stages import Action, Stage


def test_a_stored_campaign_comes_back_equal(backend: Backend) -> None:
    stored(backend)
    with backend.uow() as uow:
        assert uow.campaigns.get(CAMPAIGN_ID) == campaign()


def test_a_campaign_added_twice_is_refused(backend: Backend) -> None:
    stored(backend)
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.campaigns.add(campaign())


def test_a_saved_campaign_keeps_its_new_policy(backend: Backend) -> None:
    stored(backend)
    revised = replace(campaign(), basis="新坪发〔2026〕9号")
    with backend.uow() as uow:
        uow.campaigns.save(revised)
        uow.commit()
    with backend.uow() as uow:
        assert uow.campaigns.get(CAMPAIGN_ID).basis == "新坪发〔2026〕9号"


def test_an_unknown_campaign_or_nomination_is_not_found(backend: Backend) -> None:
    with backend.uow() as uow:
        with pytest.raises(NotFound, match="找不到评选活动 nope"):
            uow.campaigns.get("nope")
        with pytest.raises(NotFound, match="找不到申报 nope"):
            uow.nominations.get("nope")
        with pytest.raises(NotFound, match="找不到申报：nope"):
            uow.nominations.get_many(["nope"])


def test_a_stored_nomination_comes_back_equal(backend: Backend) -> None:
    draft = nomination(self_marks={"c1": 1.0}, notes=["补充材料"], consent={"by": "王建国"})
    stored(backend, draft)
    with backend.uow() as uow:
        assert uow.nominations.get(draft.id) == draft


def test_a_nomination_added_twice_is_refused(backend: Backend) -> None:
    draft = nomination()
    stored(backend, draft)
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.nominations.add(draft)


def test_a_save_writes_the_stage_its_audit_entry_and_its_event(backend: Backend) -> None:
    n = submitted(backend, nomination())
    assert (n.stage, n.version, n.stage_changed_at) == (Stage.SUBMITTED, 1, NOW)
    [entry] = backend.audit_chain(n.id)
    assert (entry.seq, entry.action, entry.hash) == (1, "submit", n.audit_head)
    with backend.uow() as uow:
        [event] = uow.outbox.claim([], NOW, extra=10)
    assert (event.event.name, event.event.nomination_id) == ("NominationSubmitted", n.id)


def test_a_copy_read_before_another_save_is_refused(backend: Backend) -> None:
    n = submitted(backend, nomination())
    with backend.uow() as uow:
        first, second = uow.nominations.get(n.id), uow.nominations.get(n.id)
        first.take(Action.VETO, SECRETARY, NOW, reason="有违法记录")
        uow.nominations.save(first)
        second.take(Action.VETO, SECRETARY, NOW, reason="有违法记录")
        with pytest.raises(StaleVersion, match="请刷新后重试"):
            uow.nominations.save(second)


def test_a_batch_with_one_stale_copy_is_refused_whole(backend: Backend) -> None:
    a, b = submitted(backend, nomination()), submitted(backend, nomination("h-li"))
    b.version -= 1  # as if read before its last change
    with backend.uow() as uow:
        for n in (a, b):
            n.take(Action.VETO, SECRETARY, NOW, reason="有违法记录")
        with pytest.raises(StaleVersion):
            uow.nominations.save_many([a, b])
    with backend.uow() as uow:
        assert uow.nominations.get(a.id).stage is Stage.SUBMITTED


def test_get_many_keeps_the_order_asked_for(backend: Backend) -> None:
    ids = stored(backend, nomination(), nomination("h-li"), nomination("h-chen", "v-shimen"))
    wanted = [ids[2], ids[0], ids[2], ids[1]]
    with backend.uow() as uow:
        assert [n.id for n in uow.nominations.get_many(wanted)] == [ids[2], ids[0], ids[1]]


def test_stage_listings_are_in_id_order_and_filtered(backend: Backend) -> None:
    drafts = [nomination(), nomination("h-li"), nomination("h-chen", "v-shimen")]
    stored(backend, *drafts)
    submitted(backend, other := nomination("h-zhou"))
    with backend.uow() as uow:
        in_draft = [n.id for n in uow.nominations.in_stage(CAMPAIGN_ID, Stage.DRAFT)]
        waiting = [n.id for n in uow.nominations.waiting_in([Stage.SUBMITTED])]
        assert uow.nominations.in_stage("other", Stage.DRAFT) == []
    assert in_draft == sorted(n.id for n in drafts)
    assert waiting == [other.id]


def test_nominations_in_a_window_are_in_id_order(backend: Backend) -> None:
    inside = [nomination(f"h-{i}", window_id="w-1") for i in range(3)]
    stored(backend, *inside, nomination("h-3", window_id="w-2"), nomination())
    with backend.uow() as uow:
        assert [n.id for n in uow.nominations.in_window("w-1")] == sorted(n.id for n in inside)


def test_only_accepted_nominations_of_the_village_and_programme_count(backend: Backend) -> None:
    stages = [Stage.PANEL_REVIEW, Stage.COMMENDED, Stage.SUBMITTED, Stage.REJECTED]
    stored(backend, *(nomination(f"h-{i}", stage=s) for i, s in enumerate(stages)),
           nomination("h-chen", "v-shimen", stage=Stage.PANEL_REVIEW))
    with backend.uow() as uow:
        count = uow.nominations.count_accepted
        assert count(CAMPAIGN_ID, "v-wanli", Programme.MODEL_HOUSEHOLD) == 2
        assert count(CAMPAIGN_ID, "v-wanli", Programme.STAR_VILLAGE) == 0


def test_leaving_without_commit_keeps_nothing(backend: Backend) -> None:
    draft = nomination()
    stored(backend)
    with backend.uow() as uow:
        uow.nominations.add(draft)
    with backend.uow() as uow, pytest.raises(NotFound):
        uow.nominations.get(draft.id)


def test_a_subject_is_nominated_once_per_campaign_and_programme(backend: Backend) -> None:
    first = nomination()
    stored(backend, first, replace(nomination(), programme=Programme.MORAL_EXEMPLAR))
    with backend.uow() as uow:
        assert uow.nominations.of_subject(CAMPAIGN_ID, Programme.MODEL_HOUSEHOLD,
                                          "h-wang") == first
        assert uow.nominations.of_subject(CAMPAIGN_ID, Programme.STAR_VILLAGE, "h-wang") is None
        assert uow.nominations.of_subject(CAMPAIGN_ID, Programme.MODEL_HOUSEHOLD, "h-li") is None
    with backend.uow() as uow, pytest.raises(backend.integrity_error):
        uow.nominations.add(nomination())
