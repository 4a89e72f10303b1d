"""Substitution after an upheld objection: the next-ranked nominee of the same programme
takes the disqualified nominee's place on a new version of the notice, and is publicised in
a round of their own (re-publicity of the new name)."""

from __future__ import annotations

from workflows import commands, events
from workflows.calendar import local_date
from workflows.errors import InvalidInput
from workflows.handlers.context import Deps
from workflows.handlers.objection_cases import check_secretariat
from workflows.nomination import Nomination, new_id
from workflows.objections import receipt
from workflows.ports import PanelUnitOfWork
from workflows.publicity import (
    PublishedList,
    content_hash,
    plan_window,
    public_entry,
    sort_entries,
)
from workflows.stages import Action, Stage

KIND = "publicity_notice"


def next_ranked(uow: PanelUnitOfWork, removed: Nomination) -> Nomination | None:
    """The best-ranked nominee of the same programme who passed the panel and still waits
    for approval (not yet on any list)."""
    results = uow.panel.passed(removed.campaign_id, removed.programme.value)
    waiting = {n.id: n for n in uow.nominations.get_many([r.nomination_id for r in results])
               if n.stage is Stage.FINAL_APPROVAL}
    ranked = sorted((r for r in results if r.nomination_id in waiting),
                    key=lambda r: (r.rank is None, r.rank or 0, -r.verdict.value,
                                   r.nomination_id))
    return waiting[ranked[0].nomination_id] if ranked else None


def base_notice(uow: PanelUnitOfWork, removed: Nomination) -> PublishedList:
    """The newest version of the notice that lists the removed nominee."""
    listing = [d for d in uow.documents.versions(removed.campaign_id, KIND)
               if any(e["nomination_id"] == removed.id for e in d.entries)]
    if not listing:
        raise InvalidInput(f"{removed.display_name} 不在任何公示名单上，无需递补")
    return listing[-1]


def already_substituted(uow: PanelUnitOfWork, removed: Nomination) -> bool:
    return any(d.meta.get("substitution", {}).get("removed") == removed.id
               for d in uow.documents.versions(removed.campaign_id, KIND))


def substitute_nominee(cmd: commands.SubstituteNominee, uow: PanelUnitOfWork,
                       deps: Deps) -> str:
    check_secretariat(cmd.actor)
    case = uow.objections.get(cmd.objection_id)
    removed = uow.nominations.get(case.nomination_id, lock=True)
    if case.status != "upheld" or removed.stage is not Stage.DISQUALIFIED:
        raise InvalidInput("只有异议成立、被异议对象已取消资格时才能递补")
    if already_substituted(uow, removed):
        raise InvalidInput(f"{removed.display_name} 的名额已经递补")
    candidate = next_ranked(uow, removed)
    if candidate is None:
        raise InvalidInput("没有可递补的申报（同一项目没有通过评审、待审定的申报）")
    if candidate.id != cmd.substitute_id:
        raise InvalidInput(f"须按评审排名依次递补：下一名是 {candidate.display_name}")
    [candidate] = uow.nominations.get_many([candidate.id], lock=True)
    now, campaign = deps.clock.now(), uow.campaigns.get(removed.campaign_id)
    starts_on = cmd.starts_on or local_date(now)
    window_id, round_ = new_id(), uow.windows.count(campaign.id) + 1
    candidate.take(Action.OPEN_PUBLICITY, cmd.actor, now, f"递补{removed.display_name}")
    candidate.window_id = window_id
    base = base_notice(uow, removed)
    village = uow.directory.village_names([candidate.village_id])[candidate.village_id]
    entries = sort_entries([*(e for e in base.entries if e["nomination_id"] != removed.id),
                            public_entry(candidate, village)])
    meta = {"round": round_, "starts_on": starts_on.isoformat(),
            "substitution": {"removed": removed.id, "added": candidate.id,
                             "objection": receipt(case.id), "previous": base.id}}
    doc = PublishedList(new_id(), campaign.id, KIND, uow.documents.next_version(campaign.id, KIND),
                        entries, content_hash(entries, meta), now, meta)
    uow.documents.add(doc)
    uow.windows.add(plan_window(campaign, starts_on, window_id, doc.id, round_))
    uow.nominations.save(candidate)
    uow.emit(events.PublicityOpened(window_id, campaign.id))
    return window_id
