"""Never imported: mypy checks here that the SQL store fits every port. Each repository is
named directly, so a change to any of them is checked again here (tests/unit/ports_fit.py
does the same for the fakes)."""

from __future__ import annotations

from models.attachments_repo import AttachmentRepository
from models.directory import Directory
from models.outbox import NotificationRepository, OutboxRepository
from models.panel_repos import PanelRepository
from models.publicity_repos import DocumentRepository, ObjectionRepository, WindowRepository
from models.reminders import ReminderDays
from models.repositories import CampaignRepository, NominationRepository, ReviewRepository
from models.titles import TitleRepository
from models.uow import SqlUnitOfWork
from models.vetting_repos import VettingRepository
from workflows import ports


def unit_of_work(uow: SqlUnitOfWork) -> tuple[ports.PanelUnitOfWork, ports.AttachmentUnitOfWork]:
    return uow, uow


def repositories(
    campaigns: CampaignRepository, nominations: NominationRepository, reviews: ReviewRepository,
    windows: WindowRepository, objections: ObjectionRepository, documents: DocumentRepository,
    notifications: NotificationRepository, directory: Directory, outbox: OutboxRepository,
    titles: TitleRepository, reminder_days: ReminderDays, vetting: VettingRepository,
    panel: PanelRepository, attachments: AttachmentRepository,
) -> tuple[ports.Campaigns, ports.Nominations, ports.Reviews, ports.PublicityWindows,
           ports.Objections, ports.Documents, ports.Notifications, ports.Directory,
           ports.Outbox, ports.Titles, ports.ReminderDays, ports.VettingRequests, ports.Panel,
           ports.Attachments]:
    return (campaigns, nominations, reviews, windows, objections, documents, notifications,
            directory, outbox, titles, reminder_days, vetting, panel, attachments)
