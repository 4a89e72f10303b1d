"""In-memory tables and repositories behind FakeUnitOfWork, mirroring models/*.py: copies
in and out, version checks on save, unique keys where the tables have them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from fake_panel import PanelTables

from workflows.attachments import Attachment
from workflows.audit import AuditEntry
from workflows.campaign import Campaign
from workflows.eligibility import Title
from workflows.errors import NotFound, StaleVersion
from workflows.events import Event
from workflows.nomination import Nomination
from workflows.objections import ObjectionCase
from workflows.policy import Programme
from workflows.ports import Account, Notification, Review, StoredEvent, Subject
from workflows.publicity import PublicityWindow, PublishedList
from workflows.stages import Stage
from workflows.title_record import TitleRecord
from workflows.vetoes import describe_vetoes

if TYPE_CHECKING:
    from fakes import FakeUnitOfWork


class FakeIntegrityError(Exception):
    """A unique key was violated (what the database would refuse)."""


@dataclass
class OutboxRow:
    id: int
    event: Event
    created_at: datetime
    processed_at: datetime | None = None


@dataclass
class Tables:
    """The whole 'database'. Tests seed the directory and read committed rows here."""

    campaigns: dict[str, Campaign] = field(default_factory=dict)
    nominations: dict[str, Nomination] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)
    titles: list[dict] = field(default_factory=list)
    reminder_days: set[date] = field(default_factory=set)
    windows: dict[str, PublicityWindow] = field(default_factory=dict)
    objections: dict[str, ObjectionCase] = field(default_factory=dict)
    documents: dict[str, PublishedList] = field(default_factory=dict)
    notifications: dict[int, Notification] = field(default_factory=dict)
    outbox: dict[int, OutboxRow] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    township: str = ""
    villages: dict[str, str] = field(default_factory=dict)
    subjects: dict[tuple[str, str], Subject] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    panel: PanelTables = field(default_factory=PanelTables)
    attachments: dict[str, Attachment] = field(default_factory=dict)

    def add_village(self, village_id: str, name: str, account: Account | None = None) -> None:
        self.villages[village_id] = name
        self.subjects["village", village_id] = Subject(village_id, name, village_id)
        if account:
            self.accounts[account.id] = account

    def add_household(self, household_id: str, village_id: str, head: str,
                      members: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        members = [(head, ()), *members]
        self.subjects["household", household_id] = Subject(
            household_id, f"{head}家庭", village_id, describe_vetoes(members))


class _Repo:
    def __init__(self, uow: FakeUnitOfWork):
        self.uow = uow

    @property
    def t(self) -> Tables:
        return self.uow.tables


class CampaignRepo(_Repo):
    def add(self, campaign: Campaign) -> None:
        if campaign.id in self.t.campaigns:
            raise FakeIntegrityError(f"campaign {campaign.id}")
        self.t.campaigns[campaign.id] = campaign

    def save(self, campaign: Campaign) -> None:
        self.t.campaigns[campaign.id] = campaign

    def get(self, campaign_id: str) -> Campaign:
        if campaign_id not in self.t.campaigns:
            raise NotFound(f"找不到评选活动 {campaign_id}")
        return self.t.campaigns[campaign_id]


class NominationRepo(_Repo):
    def add(self, nomination: Nomination) -> None:
        if nomination.id in self.t.nominations:
            raise FakeIntegrityError(f"nomination {nomination.id}")
        if self.of_subject(nomination.campaign_id, nomination.programme, nomination.subject_id):
            raise FakeIntegrityError(f"nomination of {nomination.subject_id}")
        self.t.nominations[nomination.id] = deepcopy(nomination)

    def get(self, nomination_id: str, lock: bool = False) -> Nomination:
        if nomination_id not in self.t.nominations:
            raise NotFound(f"找不到申报 {nomination_id}")
        return deepcopy(self.t.nominations[nomination_id])

    def get_many(self, ids: Iterable[str], lock: bool = False) -> list[Nomination]:
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self.t.nominations]
        if missing:
            raise NotFound(f"找不到申报：{', '.join(missing[:5])}")
        return [self.get(i) for i in wanted]

    def _where(self, test: Any) -> list[Nomination]:
        return [deepcopy(n) for _, n in sorted(self.t.nominations.items()) if test(n)]

    def in_window(self, window_id: str, lock: bool = False) -> list[Nomination]:
        return self._where(lambda n: n.window_id == window_id)

    def in_stage(self, campaign_id: str, stage: Stage, lock: bool = False) -> list[Nomination]:
        return self._where(lambda n: n.campaign_id == campaign_id and n.stage is stage)

    def waiting_in(self, stages: Sequence[Stage]) -> list[Nomination]:
        return self._where(lambda n: n.stage in stages)

    def count_accepted(self, campaign_id: str, village_id: str, programme: Programme) -> int:
        accepted = {Stage.PANEL_REVIEW, Stage.FINAL_APPROVAL, Stage.PUBLICITY, Stage.APPROVED,
                    Stage.COMMENDED}
        return sum(1 for n in self.t.nominations.values()
                   if (n.campaign_id, n.village_id, n.programme) == (campaign_id, village_id,
                                                                     programme)
                   and n.stage in accepted)

    def of_subject(self, campaign_id: str, programme: Programme, subject_id: str
                   ) -> Nomination | None:
        found = self._where(lambda n: (n.campaign_id, n.programme, n.subject_id)
                            == (campaign_id, programme, subject_id))
        return found[0] if found else None

    def save(self, nomination: Nomination) -> None:
        self.save_many([nomination])

    def save_many(self, nominations: Sequence[Nomination]) -> None:
        for n in nominations:
            seen = n.version - len(n.audit)
            stored = self.t.nominations.get(n.id)
            if stored is None or stored.version != seen:
                raise StaleVersion(f"申报 {n.display_name} 已被他人修改，请刷新后重试")
            self.uow.collect(n)
            self.t.nominations[n.id] = deepcopy(n)


class ReviewRepo(_Repo):
    def add(self, review: Review) -> None:
        if self.exists(review.nomination_id, review.reviewer_id):
            raise FakeIntegrityError(f"review {review.nomination_id}/{review.reviewer_id}")
        self.t.reviews.append(review)

    def add_many(self, reviews: Sequence[Review]) -> None:
        for review in reviews:
            self.add(review)

    def scored_by(self, reviewer_id: str, nomination_ids: Sequence[str]) -> set[str]:
        return {n for n in nomination_ids if self.exists(n, reviewer_id)}

    def exists(self, nomination_id: str, reviewer_id: str) -> bool:
        return any(r.nomination_id == nomination_id and r.reviewer_id == reviewer_id
                   for r in self.t.reviews)

    def for_nomination(self, nomination_id: str) -> list[Review]:
        found = [r for r in self.t.reviews if r.nomination_id == nomination_id]
        return sorted(found, key=lambda r: r.at)

    def for_nominations(self, ids: Sequence[str]) -> dict[str, list[Review]]:
        return {i: self.for_nomination(i) for i in ids}


class WindowRepo(_Repo):
    def add(self, window: PublicityWindow) -> None:
        if window.id in self.t.windows:
            raise FakeIntegrityError(f"window {window.id}")
        self.t.windows[window.id] = deepcopy(window)

    def get(self, window_id: str | None) -> PublicityWindow:
        if window_id not in self.t.windows:
            raise NotFound(f"找不到公示 {window_id}")
        return deepcopy(self.t.windows[window_id])

    def save(self, window: PublicityWindow) -> None:
        self.t.windows[window.id] = deepcopy(window)

    def count(self, campaign_id: str) -> int:
        return sum(1 for w in self.t.windows.values() if w.campaign_id == campaign_id)

    def due(self, now: datetime) -> list[PublicityWindow]:
        due = [w for w in self.t.windows.values() if w.closed_at is None and w.closes_at <= now]
        return [deepcopy(w) for w in sorted(due, key=lambda w: w.closes_at)]

    def open_or_accepting(self, campaign_id: str, now: datetime) -> int:
        return sum(1 for w in self.t.windows.values() if w.campaign_id == campaign_id
                   and (w.closed_at is None or w.objection_deadline > now))

    def for_campaign(self, campaign_id: str) -> list[PublicityWindow]:
        found = [w for w in self.t.windows.values() if w.campaign_id == campaign_id]
        return [deepcopy(w) for w in sorted(found, key=lambda w: w.round)]


class ObjectionRepo(_Repo):
    def add(self, case: ObjectionCase) -> None:
        self.uow.collect(case)
        self.t.objections[case.id] = deepcopy(case)

    def get(self, objection_id: str, lock: bool = False) -> ObjectionCase:
        if objection_id not in self.t.objections:
            raise NotFound(f"找不到异议 {objection_id}")
        return deepcopy(self.t.objections[objection_id])

    def save(self, case: ObjectionCase) -> None:
        stored = self.t.objections.get(case.id)
        if stored is None or stored.version != case.version - len(case.audit):
            raise StaleVersion(f"异议 {case.id} 已被他人处理，请刷新后重试")
        self.uow.collect(case)
        self.t.objections[case.id] = deepcopy(case)

    def open_nomination_ids(self, window_id: str) -> set[str]:
        return {c.nomination_id for c in self.t.objections.values()
                if c.window_id == window_id and c.is_open}

    def open_count(self, campaign_id: str) -> int:
        return sum(1 for c in self.t.objections.values() if c.is_open
                   and self.t.windows[c.window_id].campaign_id == campaign_id)


class DocumentRepo(_Repo):
    def add(self, doc: PublishedList) -> None:
        if doc.version in {d.version for d in self.versions(doc.campaign_id, doc.kind)}:
            raise FakeIntegrityError(f"document {doc.kind} v{doc.version}")
        self.t.documents[doc.id] = doc

    def get(self, document_id: str) -> PublishedList:
        if document_id not in self.t.documents:
            raise NotFound(f"找不到文件 {document_id}")
        return self.t.documents[document_id]

    def latest_meta(self, campaign_id: str, kind: str) -> tuple[dict, datetime] | None:
        docs = self.versions(campaign_id, kind)
        return (docs[-1].meta, docs[-1].created_at) if docs else None

    def versions(self, campaign_id: str, kind: str) -> list[PublishedList]:
        docs = [d for d in self.t.documents.values()
                if d.campaign_id == campaign_id and d.kind == kind]
        return sorted(docs, key=lambda d: d.version)

    def next_version(self, campaign_id: str, kind: str) -> int:
        return max((d.version for d in self.versions(campaign_id, kind)), default=0) + 1

    def numbers_in_year(self, township_id: str, year: int, except_campaign: str) -> set[str]:
        others = {c.id: c for c in self.t.campaigns.values() if c.id != except_campaign
                  and (c.township_id, c.year) == (township_id, year)}
        numbers = {c.basis for c in others.values()}
        numbers |= {d.meta.get("number", "") for d in self.t.documents.values()
                    if d.campaign_id in others}
        return numbers - {""}


class NotificationRepo(_Repo):
    def add(self, note: Notification) -> int:
        key = (note.event_id, note.recipient, note.channel)
        if any((n.event_id, n.recipient, n.channel) == key for n in self.t.notifications.values()):
            raise FakeIntegrityError(f"notification {key}")
        new_id = max(self.t.notifications, default=0) + 1
        self.t.notifications[new_id] = replace(note, id=new_id)
        if note.status == "pending":
            self.uow.to_deliver.append(new_id)
        return new_id

    def add_many(self, notes: Sequence[Notification]) -> list[int]:
        return [self.add(note) for note in notes]


class Directory(_Repo):
    def township_name(self) -> str:
        return self.t.township

    def village_names(self, ids: Iterable[str]) -> dict[str, str]:
        return {i: self.t.villages.get(i, "") for i in ids}

    def subject(self, kind: str, subject_id: str) -> Subject:
        if (kind, subject_id) not in self.t.subjects:
            raise NotFound(f"找不到 {kind} {subject_id}")
        return self.t.subjects[kind, subject_id]

    def subjects(self, wanted: Iterable[tuple[str, str]]) -> dict[str, Subject]:
        return {subject_id: self.subject(kind, subject_id) for kind, subject_id in wanted}

    def accounts_with_role(self, role: str) -> list[Account]:
        return sorted((a for a in self.t.accounts.values() if a.role == role),
                      key=lambda a: a.id)

    def village_accounts(self, village_id: str) -> list[Account]:
        return sorted((a for a in self.t.accounts.values() if a.village_id == village_id),
                      key=lambda a: a.id)


TITLE_FIELDS = {f.name for f in fields(TitleRecord)}


class TitleRepo(_Repo):
    def add_many(self, rows: Sequence[dict[str, Any]]) -> None:
        for row in rows:
            if any(r["nomination_id"] == row["nomination_id"] for r in self.t.titles):
                raise FakeIntegrityError(f"title of {row['nomination_id']}")
            self.t.titles.append(dict(row))

    def for_subjects(self, subject_ids: Sequence[str]) -> dict[str, list[Title]]:
        by_year = sorted(self.t.titles, key=lambda r: r["year"])
        return {i: [Title(r["programme"], r["star_level"], r["year"], r["status"],
                          r.get("ended_on"), r.get("barred_until"))
                    for r in by_year if r["subject_id"] == i]
                for i in subject_ids}

    def get(self, nomination_id: str, lock: bool = False) -> TitleRecord:
        for row in self.t.titles:
            if row["nomination_id"] == nomination_id:
                return TitleRecord(**{k: v for k, v in row.items() if k in TITLE_FIELDS})
        raise NotFound(f"申报 {nomination_id[:8]} 没有获得称号")

    def save(self, record: TitleRecord) -> None:
        for row in self.t.titles:
            if row["nomination_id"] == record.nomination_id:
                row.update(asdict(record))

    def of_programme(self, programme: str, years: Sequence[int]) -> list[TitleRecord]:
        rows = sorted(self.t.titles, key=lambda r: (r["year"], r["nomination_id"]))
        return [self.get(r["nomination_id"]) for r in rows
                if r["programme"] == programme and r["year"] in years]

    def end(self, nomination_id: str, status: str, on: date) -> None:
        for row in self.t.titles:
            if row["nomination_id"] == nomination_id:
                row.update(status=status, ended_on=on)


class ReminderDays(_Repo):
    def claim(self, day: date, now: datetime) -> bool:
        if day in self.t.reminder_days:
            return False
        self.t.reminder_days.add(day)
        return True


class Outbox(_Repo):
    def claim(self, ids: Sequence[int], now: datetime, extra: int = 0) -> list[StoredEvent]:
        waiting = sorted(i for i, r in self.t.outbox.items()
                         if r.processed_at is None and i not in ids)[:max(extra, 0)]
        rows = [self.t.outbox[i] for i in sorted(set(ids) | set(waiting))
                if i in self.t.outbox and self.t.outbox[i].processed_at is None]
        for row in rows:
            row.processed_at = now
        return [StoredEvent(r.id, r.event, r.created_at) for r in rows]

    def stale(self, before: datetime, limit: int = 1000) -> list[int]:
        return sorted(i for i, r in self.t.outbox.items()
                      if r.processed_at is None and r.created_at < before)[:limit]


class AttachmentRepo(_Repo):
    def add(self, attachment: Attachment) -> None:
        if attachment.id in self.t.attachments or any(
                (a.nomination_id, a.purpose, a.content_hash)
                == (attachment.nomination_id, attachment.purpose, attachment.content_hash)
                for a in self.t.attachments.values()):
            raise FakeIntegrityError(f"attachment {attachment.id}")
        self.t.attachments[attachment.id] = attachment

    def get(self, attachment_id: str) -> Attachment:
        if attachment_id not in self.t.attachments:
            raise NotFound(f"找不到附件 {attachment_id}，请确认编号")
        return self.t.attachments[attachment_id]

    def for_nomination(self, nomination_id: str) -> list[Attachment]:
        found = [a for a in self.t.attachments.values() if a.nomination_id == nomination_id]
        return sorted(found, key=lambda a: (a.uploaded_at, a.id))
