"""Checked by mypy (scripts/test.sh), never run: the fakes fit the same ports as the SQL
store (models/ports_fit.py checks that side). Each fake repository is named directly, so a
change to any of them is checked again here."""

from __future__ import annotations

from fake_panel import PanelRepo, VettingRepo
from fake_tables import (
    AttachmentRepo,
    CampaignRepo,
    Directory,
    DocumentRepo,
    NominationRepo,
    NotificationRepo,
    ObjectionRepo,
    Outbox,
    ReminderDays,
    ReviewRepo,
    TitleRepo,
    WindowRepo,
)
from fakes import FakeBlobStore, FakeClock, FakeQueue, FakeRenderer, FakeUnitOfWork

from workflows import ports


def unit_of_work(uow: FakeUnitOfWork) -> tuple[ports.PanelUnitOfWork, ports.AttachmentUnitOfWork]:
    return uow, uow


def repositories(
    campaigns: CampaignRepo, nominations: NominationRepo, reviews: ReviewRepo,
    windows: WindowRepo, objections: ObjectionRepo, documents: DocumentRepo,
    notifications: NotificationRepo, directory: Directory, outbox: Outbox, titles: TitleRepo,
    reminder_days: ReminderDays, vetting: VettingRepo, panel: PanelRepo,
    attachments: AttachmentRepo,
) -> tuple[ports.Campaigns, ports.Nominations, ports.Reviews, ports.PublicityWindows,
           ports.Objections, ports.Documents, ports.Notifications, ports.Directory,
           ports.Outbox, ports.Titles, ports.ReminderDays, ports.VettingRequests, ports.Panel,
           ports.Attachments]:
    return (campaigns, nominations, reviews, windows, objections, documents, notifications,
            directory, outbox, titles, reminder_days, vetting, panel, attachments)


def services(clock: FakeClock, renderer: FakeRenderer, queue: FakeQueue,
             blobs: FakeBlobStore) -> tuple[ports.Clock, ports.Renderer, ports.Queue,
                                            ports.BlobStore]:
    return clock, renderer, queue, blobs
