"""Ports: what the domain needs from the outside world, as protocols. Import them from here:

- ``records``: the plain records the store hands back (accounts, notifications, events …);
- ``services``: clock, renderer, the workers' doorbell, the blob store;
- ``stores`` and ``review_stores``: the repositories, with the methods the handlers call;
- ``uow``: the unit of work, and the larger ones the review handlers need.
"""

from __future__ import annotations

from workflows.campaign import Campaign
from workflows.nomination import Nomination
from workflows.objections import ObjectionCase
from workflows.ports.records import Account, Notification, Review, StoredEvent, Subject
from workflows.ports.review_stores import Attachments, Panel, VettingRequests
from workflows.ports.services import BlobStore, Clock, Links, Queue, Renderer
from workflows.ports.stores import (
    Campaigns,
    Directory,
    Documents,
    Nominations,
    Notifications,
    Objections,
    Outbox,
    PublicityWindows,
    ReminderDays,
    Reviews,
    Titles,
)
from workflows.ports.uow import (
    AttachmentUnitOfWork,
    PanelUnitOfWork,
    UnitOfWork,
    VettingUnitOfWork,
)
from workflows.publicity import PublicityWindow, PublishedList

__all__ = [
    "Account", "AttachmentUnitOfWork", "Attachments", "BlobStore", "Campaign", "Campaigns",
    "Clock", "Directory", "Documents", "Links", "Nomination", "Nominations", "Notification",
    "Notifications", "ObjectionCase", "Objections", "Outbox", "Panel", "PanelUnitOfWork",
    "PublicityWindow", "PublicityWindows", "PublishedList", "Queue", "ReminderDays", "Renderer",
    "Review", "Reviews", "StoredEvent", "Subject", "Titles", "UnitOfWork", "VettingRequests",
    "VettingUnitOfWork",
]
