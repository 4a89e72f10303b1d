"""The store's repositories, as the handlers use them: what each one must offer, no more.
``models/`` implements them over SQL and ``tests/unit/fake_tables.py`` over dicts; none of
them commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from workflows.campaign import Campaign
from workflows.eligibility import Title
from workflows.nomination import Nomination
from workflows.objections import ObjectionCase
from workflows.policy import Programme
from workflows.ports.records import Account, Notification, Review, StoredEvent, Subject
from workflows.publicity import PublicityWindow, PublishedList
from workflows.stages import Stage
from workflows.title_record import TitleRecord


class Campaigns(Protocol):
    def add(self, campaign: Campaign) -> None: ...

    def save(self, campaign: Campaign) -> None: ...

    def get(self, campaign_id: str) -> Campaign: ...


class Nominations(Protocol):
    """``lock=True`` holds the rows until the unit of work ends; saving checks the version
    and writes the aggregate's audit entries and events with it."""

    def add(self, nomination: Nomination) -> None: ...

    def get(self, nomination_id: str, lock: bool = False) -> Nomination: ...

    def get_many(self, ids: Iterable[str], lock: bool = False) -> list[Nomination]: ...

    def in_window(self, window_id: str, lock: bool = False) -> list[Nomination]: ...

    def in_stage(self, campaign_id: str, stage: Stage, lock: bool = False) -> list[Nomination]:
        ...

    def waiting_in(self, stages: Sequence[Stage]) -> list[Nomination]: ...

    def count_accepted(self, campaign_id: str, village_id: str, programme: Programme) -> int: ...

    def of_subject(self, campaign_id: str, programme: Programme, subject_id: str
                   ) -> Nomination | None:
        """The campaign's nomination of this household, person or village in the programme
        (there is at most one), or None."""

    def save(self, nomination: Nomination) -> None: ...

    def save_many(self, nominations: Sequence[Nomination]) -> None: ...


class Reviews(Protocol):
    def add_many(self, reviews: Sequence[Review]) -> None: ...

    def scored_by(self, reviewer_id: str, nomination_ids: Sequence[str]) -> set[str]: ...

    def for_nominations(self, ids: Sequence[str]) -> dict[str, list[Review]]: ...


class PublicityWindows(Protocol):
    def add(self, window: PublicityWindow) -> None: ...

    def get(self, window_id: str | None) -> PublicityWindow: ...

    def save(self, window: PublicityWindow) -> None: ...

    def count(self, campaign_id: str) -> int: ...

    def due(self, now: datetime) -> list[PublicityWindow]: ...

    def open_or_accepting(self, campaign_id: str, now: datetime) -> int: ...


class Objections(Protocol):
    def add(self, case: ObjectionCase) -> None: ...

    def get(self, objection_id: str, lock: bool = False) -> ObjectionCase: ...

    def save(self, case: ObjectionCase) -> None: ...

    def open_nomination_ids(self, window_id: str) -> set[str]: ...

    def open_count(self, campaign_id: str) -> int: ...


class Documents(Protocol):
    def add(self, doc: PublishedList) -> None: ...

    def latest_meta(self, campaign_id: str, kind: str) -> tuple[dict[str, Any], datetime] | None:
        ...

    def next_version(self, campaign_id: str, kind: str) -> int: ...

    def numbers_in_year(self, township_id: str, year: int, except_campaign: str) -> set[str]:
        ...
    def versions(self, campaign_id: str, kind: str) -> list[PublishedList]: ...


class Notifications(Protocol):
    def add_many(self, notes: Sequence[Notification]) -> list[int]: ...


class Directory(Protocol):
    """The township, its villages, the subjects nominations are about, and the accounts."""

    def township_name(self) -> str: ...

    def village_names(self, ids: Iterable[str]) -> dict[str, str]: ...

    def subject(self, kind: str, subject_id: str) -> Subject: ...

    def subjects(self, wanted: Iterable[tuple[str, str]]) -> dict[str, Subject]: ...

    def village_accounts(self, village_id: str) -> list[Account]: ...

    def accounts_with_role(self, role: str) -> list[Account]: ...


class Outbox(Protocol):
    def claim(self, ids: Sequence[int], now: datetime, extra: int = 0) -> list[StoredEvent]:
        """Mark these events (and up to ``extra`` other waiting ones) processed; return those
        not already processed."""
        ...


class Titles(Protocol):
    def add_many(self, rows: Sequence[dict[str, Any]]) -> None: ...

    def for_subjects(self, subject_ids: Sequence[str]) -> dict[str, list[Title]]: ...

    def end(self, nomination_id: str, status: str, on: date) -> None: ...

    def get(self, nomination_id: str, lock: bool = False) -> TitleRecord:
        """The title a nomination won, or NotFound."""
        ...

    def save(self, record: TitleRecord) -> None: ...

    def of_programme(self, programme: str, years: Sequence[int]) -> list[TitleRecord]:
        """Titles of one programme awarded in any of ``years``, oldest first."""
        ...


class ReminderDays(Protocol):
    def claim(self, day: date, now: datetime) -> bool:
        """True the first time a day is claimed, False ever after."""
        ...
