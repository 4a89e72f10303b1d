"""The aggregates the contract stores: a campaign, nominations, a publicity window, an
objection, a published list. Each test adds what it needs in a unit of work of its own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from backends import NOW, TOWNSHIP, Backend

from workflows.campaign import Campaign
from workflows.errors import NotFound
from workflows.nomination import Actor, Nomination, new_id
from workflows.objections import ObjectionCase
from workflows.policy import Programme
from workflows.publicity import PublicityWindow, PublishedList
from workflows.samples import default_policy
from workflows.stages import Action, Role

CAMPAIGN_ID = "c-2026"
WANLI = Actor("acc-wanli", Role.VILLAGE, "湾里村村两委", "v-wanli")
SECRETARY = Actor("sec-1", Role.SECRETARIAT, "镇文明办张敏")


def campaign(campaign_id: str = CAMPAIGN_ID) -> Campaign:
    return Campaign(campaign_id, TOWNSHIP[0], 2026, "2026年度“三创”评选活动", default_policy(),
                    ("中共新坪镇委员会",), "新坪发〔2026〕3号")


def nomination(household: str = "h-wang", village: str = "v-wanli",
               campaign_id: str = CAMPAIGN_ID, **fields: Any) -> Nomination:
    return Nomination(new_id(), campaign_id, Programme.MODEL_HOUSEHOLD, village, household,
                      f"{household}家庭", deeds="照顾瘫痪婆婆十余年", **fields)


def window(window_id: str = "w-1", round_: int = 1, closes_in: timedelta = timedelta(days=5),
           campaign_id: str = CAMPAIGN_ID) -> PublicityWindow:
    closes = NOW + closes_in
    return PublicityWindow(window_id, campaign_id, round_, NOW, closes,
                           closes + timedelta(days=2), f"notice-{window_id}")


def objection(nomination_id: str, window_id: str = "w-1",
              received_in: timedelta = timedelta(0)) -> ObjectionCase:
    return ObjectionCase(new_id(), nomination_id, window_id, "匿名", "13800000000",
                         "家中老人并非由其照顾", "phone", NOW + received_in)


def published(version: int, kind: str = "publicity_notice") -> PublishedList:
    entry = {"nomination_id": "n-1", "display_name": "王建国家庭", "village_name": "湾里村"}
    return PublishedList(new_id(), CAMPAIGN_ID, kind, version, (entry,), f"hash-{version}",
                         NOW + timedelta(minutes=version), {"round": version})


def with_campaign(backend: Backend) -> Backend:
    with backend.uow() as uow:
        uow.campaigns.add(campaign())
        uow.commit()
    return backend


def stored(backend: Backend, *nominations: Nomination) -> list[str]:
    """Add drafts (a campaign too, if there is none yet); returns their ids."""
    with backend.uow() as uow:
        if not _has_campaign(uow):
            uow.campaigns.add(campaign())
        for n in nominations:
            uow.nominations.add(n)
        uow.commit()
    return [n.id for n in nominations]


def submitted(backend: Backend, n: Nomination) -> Nomination:
    """Store a draft, submit it; returns the committed copy."""
    stored(backend, n)
    with backend.uow() as uow:
        copy = uow.nominations.get(n.id)
        copy.take(Action.SUBMIT, WANLI, NOW)
        uow.nominations.save(copy)
        uow.commit()
    with backend.uow() as uow:
        return uow.nominations.get(n.id)  # type: ignore[no-any-return]


def _has_campaign(uow: Any) -> bool:
    try:
        uow.campaigns.get(CAMPAIGN_ID)
    except NotFound:
        return False
    return True
