"""Handlers for a title after the award. Each locks the title and its nomination, changes the
title and appends the audit entry to the nomination's chain, in one unit of work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workflows import title_commands as tc
from workflows.calendar import local_date
from workflows.command import Command
from workflows.handlers.context import Deps
from workflows.nomination import REASON_MAX, Actor, Nomination
from workflows.ports import UnitOfWork
from workflows.rerating import rerate
from workflows.stages import Action
from workflows.text import clean_line, clean_text
from workflows.title_events import TitleChanged
from workflows.title_record import PLAQUE_STEPS, STATUS_NAMES_ZH, TitleRecord


def _open(uow: UnitOfWork, nomination_id: str) -> tuple[TitleRecord, Nomination]:
    return uow.titles.get(nomination_id, lock=True), uow.nominations.get(nomination_id, lock=True)


def _done(uow: UnitOfWork, deps: Deps, title: TitleRecord, nomination: Nomination,
          action: str, actor: Actor, summary: str) -> None:
    """Save both and audit the change (a stage move, if any, was audited by ``take``)."""
    if action != "title_revoke":
        nomination.record(action, actor, deps.clock.now(), summary)
    uow.titles.save(title)
    uow.nominations.save(nomination)
    uow.emit(TitleChanged(nomination.id, action, title.status, summary))


def report_for_revocation(cmd: tc.ReportForRevocation, uow: UnitOfWork, deps: Deps) -> None:
    title, nomination = _open(uow, cmd.nomination_id)
    report = clean_text(cmd.report, "举报内容", REASON_MAX)
    title.step("report", cmd.actor.role)
    title.report(cmd.reason_code, report, local_date(deps.clock.now()))
    _done(uow, deps, title, nomination, "title_report", cmd.actor,
          f"登记撤销举报（{cmd.reason_code}）：{report}")


def verify_revocation_report(cmd: tc.VerifyRevocationReport, uow: UnitOfWork,
                             deps: Deps) -> None:
    title, nomination = _open(uow, cmd.nomination_id)
    findings = clean_text(cmd.findings, "核查结论", REASON_MAX)
    title.step("verify" if cmd.founded else "dismiss", cmd.actor.role)
    title.case_findings = findings
    if not cmd.founded:
        title.reason_code = ""
    verdict = "核查属实，报镇党委决定" if cmd.founded else "核查不实，结案"
    _done(uow, deps, title, nomination, "title_verify", cmd.actor, f"{verdict}：{findings}")


def decide_revocation(cmd: tc.DecideRevocation, uow: UnitOfWork, deps: Deps) -> None:
    title, nomination = _open(uow, cmd.nomination_id)
    reason = clean_text(cmd.reason, "理由", REASON_MAX, required=not cmd.revoke)
    title.step("decide" if cmd.revoke else "decline", cmd.actor.role)
    if not cmd.revoke:
        _done(uow, deps, title, nomination, "title_keep", cmd.actor, f"不予撤销：{reason}")
        return
    policy = uow.campaigns.get(nomination.campaign_id).policy.programme(nomination.programme)
    title.revoke(local_date(deps.clock.now()), policy.revocation_bar_years)
    nomination.take(Action.REVOKE, cmd.actor, deps.clock.now(),
                    f"{title.end_reason}；{title.case_findings}"
                    + (f"；{reason}" if reason else "") + f"（{title.barred_until} 前不得再申报）")
    _done(uow, deps, title, nomination, "title_revoke", cmd.actor, title.end_reason)


def issue_revocation_notice(cmd: tc.IssueRevocationNotice, uow: UnitOfWork,
                            deps: Deps) -> None:
    title, nomination = _open(uow, cmd.nomination_id)
    title.notice_number = clean_line(cmd.number, "撤销通报文号", 50)
    title.step("notice", cmd.actor.role)
    title.benefits_ended_on = cmd.benefits_ended_on
    _done(uow, deps, title, nomination, "title_notice", cmd.actor,
          f"发布撤销通报 {title.notice_number}，待遇自 {cmd.benefits_ended_on} 起停止")


def record_plaque(cmd: tc.RecordPlaque, uow: UnitOfWork, deps: Deps) -> None:
    title, nomination = _open(uow, cmd.nomination_id)
    title.record_plaque(cmd.step, cmd.on)
    _done(uow, deps, title, nomination, f"plaque_{cmd.step}", cmd.actor,
          f"牌匾{PLAQUE_STEPS[cmd.step]}：{cmd.on}")


def rerate_title(cmd: tc.ReRateTitle, uow: UnitOfWork, deps: Deps) -> str:
    title, nomination = _open(uow, cmd.nomination_id)
    rubric = uow.campaigns.get(nomination.campaign_id).rubric(
        nomination.programme, nomination.rubric_version)
    result = rerate(title, rubric, cmd.marks, local_date(deps.clock.now()), cmd.remediation_due)
    summary = result.summary() + (f"，整改期限 {title.remediation_due}"
                                  if result.outcome == "remediation" else "")
    _done(uow, deps, title, nomination, f"rerate_{result.outcome}", cmd.actor, summary)
    return result.outcome


def cancel_title(cmd: tc.CancelTitle, uow: UnitOfWork, deps: Deps) -> None:
    title, nomination = _open(uow, cmd.nomination_id)
    title.cancel(cmd.reason, clean_line(cmd.note, "说明", 200, required=False),
                 local_date(deps.clock.now()))
    _done(uow, deps, title, nomination, "title_cancel", cmd.actor,
          f"称号{STATUS_NAMES_ZH[title.status]}：{title.end_reason}")


HANDLERS: dict[type[Command], Callable[..., Any]] = {
    tc.ReportForRevocation: report_for_revocation,
    tc.VerifyRevocationReport: verify_revocation_report,
    tc.DecideRevocation: decide_revocation,
    tc.IssueRevocationNotice: issue_revocation_notice,
    tc.RecordPlaque: record_plaque,
    tc.ReRateTitle: rerate_title,
    tc.CancelTitle: cancel_title,
}
