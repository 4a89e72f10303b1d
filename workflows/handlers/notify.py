"""Who hears about what: one notification row per (event, recipient, channel)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workflows import events
from workflows.calendar import local_date
from workflows.disclosure import mask_contacts
from workflows.errors import NotFound
from workflows.handlers.context import Deps, nomination_ids
from workflows.nomination import Nomination
from workflows.objections import OUTCOME_NAMES_ZH
from workflows.policy import PROGRAMME_NAMES_ZH
from workflows.ports import Account, Notification, StoredEvent, UnitOfWork
from workflows.stages import STAGE_NAMES_ZH, Stage

#: Working days the investigator has to reply to an objection.
REPLY_WORKING_DAYS = 10

#: Stage events that tell the nominating village, and the template each one uses.
STAGE_NOTICES = {
    "NominationSubmitted": "received",
    "NominationResubmitted": "received",
    "NominationReturned": "returned",
    "NominationAccepted": "stage_passed",
    "PanelPassed": "stage_passed",
    "NominationApproved": "stage_passed",
    "NominationRejected": "rejected",
    "NominationVetoed": "disqualified",
    "NominationDisqualified": "disqualified",
    "NominationCommended": "commended",
    "TitleRevoked": "revoked",
}


def compose(uow: UnitOfWork, deps: Deps, event_id: int, kind: str,
            recipients: Iterable[Account], context: dict[str, Any]) -> list[Notification]:
    """One in-app notification per recipient (delivered as it is written), one e-mail to
    those with an address when e-mail is on, and one SMS (the text part) to those with a
    phone and no address when SMS is on."""
    base = {"township": uow.directory.township_name(), "campaign": context.pop("campaign")}
    notes = []
    for account in recipients:
        full = {**base, **context, "recipient": {"name": account.name}}
        subject, text, html = deps.renderer.render(kind, full)
        notes.append(Notification(event_id, f"account:{account.id}", "inbox", kind,
                                  subject, text, html, status="delivered"))
        if deps.email_enabled and account.email:
            notes.append(Notification(event_id, f"account:{account.id}", "email", kind,
                                      subject, text, html, address=account.email))
        elif deps.sms_enabled and account.phone and not account.email:
            notes.append(Notification(event_id, f"account:{account.id}", "sms", kind,
                                      subject, text, "", address=account.phone))
    return notes


def send(uow: UnitOfWork, deps: Deps, event_id: int, kind: str,
         recipients: Iterable[Account], context: dict[str, Any]) -> None:
    uow.notifications.add_many(compose(uow, deps, event_id, kind, recipients, context))


def nomination_view(uow: UnitOfWork, nomination: Nomination,
                    stage: Stage | None = None) -> dict[str, Any]:
    """What a notification shows of a nomination; ``stage`` is the one the event moved it
    to (by the time the event is handled the nomination may have moved on)."""
    return {
        "id": nomination.id,
        "display_name": nomination.display_name,
        "village_name": uow.directory.village_names({nomination.village_id})[nomination.village_id],
        "programme_name": PROGRAMME_NAMES_ZH[nomination.programme],
        "category": nomination.category,
        "stage_name": STAGE_NAMES_ZH[stage or nomination.stage],
    }


def campaign_view(uow: UnitOfWork, campaign_id: str) -> dict[str, Any]:
    campaign = uow.campaigns.get(campaign_id)
    return {"name": campaign.name, "year": campaign.year}


def stage_notices(group: list[StoredEvent[events.StageChanged]], uow: UnitOfWork,
                  deps: Deps) -> None:
    """Tell each nominating village of its nominations' moves, all in one write."""
    nominations = {n.id: n for n in uow.nominations.get_many(nomination_ids(group))}
    notes = []
    for stored in group:
        event = stored.event
        assert isinstance(event, events.StageChanged)
        nomination = nominations[event.nomination_id]
        kind, context = stage_notice(uow, event, nomination)
        context["page_url"] = deps.links.nomination_page(nomination.id) if deps.links else ""
        notes += compose(uow, deps, stored.id, kind,
                         uow.directory.village_accounts(nomination.village_id), context)
    uow.notifications.add_many(notes)


def stage_notice(uow: UnitOfWork, event: events.StageChanged,
                 nomination: Nomination) -> tuple[str, dict[str, Any]]:
    kind, stage = STAGE_NOTICES[event.name], Stage(event.target)
    context: dict[str, Any] = {"campaign": campaign_view(uow, event.campaign_id),
                               "nomination": nomination_view(uow, nomination, stage)}
    if kind == "stage_passed":
        context["stage_name"] = STAGE_NAMES_ZH[stage]
    if kind == "returned":
        context["due_on"] = None
    if kind in ("returned", "rejected", "disqualified", "revoked"):
        context["reason"] = event.reason
    if kind == "commended":
        context["decision"] = latest_decision(uow, event.campaign_id)
    return kind, context


def on_publicity_opened(event: events.PublicityOpened, uow: UnitOfWork, deps: Deps,
                        event_id: int) -> None:
    window = uow.windows.get(event.window_id)
    by_village: dict[str, list[dict[str, Any]]] = {}
    for nomination in uow.nominations.in_window(window.id):
        by_village.setdefault(nomination.village_id, []).append(nomination_view(uow, nomination))
    times = {"opens_on": window.first_day(), "closes_on": window.last_day(),
             "objection_deadline": window.last_objection_day()}
    notice_url = deps.links.publicity_notice(window.id) if deps.links else ""
    for village_id, entries in sorted(by_village.items()):
        send(uow, deps, event_id, "publicity_opened", uow.directory.village_accounts(village_id),
             {"campaign": campaign_view(uow, event.campaign_id), "window": times,
              "entries": entries, "notice_url": notice_url,
              "you": addressed(entries[0]["village_name"])})


def addressed(village_name: str) -> str:
    """How a notice addresses a village: a residential committee is 你社区, not 你村."""
    return "你社区" if village_name.endswith(("居委会", "社区")) else "你村"


def on_objection_filed(event: events.ObjectionFiled, uow: UnitOfWork, deps: Deps,
                       event_id: int) -> None:
    """The village hears of the objection, never who made it."""
    case = uow.objections.get(event.objection_id)
    nomination = uow.nominations.get(event.nomination_id)
    received_on = local_date(case.received_at)
    calendar = uow.campaigns.get(nomination.campaign_id).calendar
    context = {
        "campaign": campaign_view(uow, nomination.campaign_id),
        "nomination": nomination_view(uow, nomination),
        "objection": {"id": case.id[:8], "received_on": received_on,
                      "summary": mask_contacts(case.content)[:60]},
        "reply_due_on": calendar.last_day(received_on, REPLY_WORKING_DAYS, "working"),
    }
    send(uow, deps, event_id, "objection_filed",
         uow.directory.village_accounts(nomination.village_id), context)


def on_objection_resolved(event: events.ObjectionResolved, uow: UnitOfWork, deps: Deps,
                          event_id: int) -> None:
    """The complainant gets a written reply at the contact they gave."""
    case = uow.objections.get(event.objection_id)
    nomination = uow.nominations.get(event.nomination_id)
    context = {
        "township": uow.directory.township_name(),
        "campaign": campaign_view(uow, nomination.campaign_id),
        "recipient": {"name": case.complainant_name},
        "nomination": nomination_view(uow, nomination),
        "objection": {"id": case.id[:8], "received_on": local_date(case.received_at),
                      "outcome": case.status, "outcome_name": OUTCOME_NAMES_ZH[case.status],
                      "findings": case.reply or case.findings},
    }
    subject, text, html = deps.renderer.render("objection_outcome", context)
    channel = "email" if "@" in case.complainant_contact and deps.email_enabled else "letter"
    uow.notifications.add_many([Notification(
        event_id, f"complainant:{case.id}", channel, "objection_outcome", subject, text, html,
        address=case.complainant_contact, status="pending" if channel == "email" else "to_post",
    )])


def latest_decision(uow: UnitOfWork, campaign_id: str) -> dict[str, Any]:
    latest = uow.documents.latest_meta(campaign_id, "commendation_decision")
    if latest is None:
        raise NotFound("尚未发布表彰决定")
    meta, created_at = latest
    return {"number": meta["number"], "issued_on": local_date(created_at)}
