"""In-memory vetting and panel tables and repositories behind FakeUnitOfWork, mirroring
models/vetting_repos.py and models/panel_repos.py: copies in and out, the same unique keys."""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workflows.errors import NotFound, StaleVersion
from workflows.nomination import Nomination
from workflows.panel import (
    OVER_CEILING,
    PanelResult,
    PanelSeat,
    Placed,
    Recusal,
    ReviewerProfile,
    SubjectTies,
)
from workflows.policy import SUBJECT_KINDS
from workflows.ports import Account
from workflows.stages import TERMINAL
from workflows.vetting import PENDING, VettingRequest

if TYPE_CHECKING:
    from fakes import FakeUnitOfWork


def _unique(what: str) -> Exception:
    from fake_tables import FakeIntegrityError  # fake_tables holds these tables: import late

    return FakeIntegrityError(what)


@dataclass
class PanelTables:
    vetting: dict[str, VettingRequest] = field(default_factory=dict)
    profiles: dict[str, ReviewerProfile] = field(default_factory=dict)
    seats: dict[str, PanelSeat] = field(default_factory=dict)
    recusals: dict[str, Recusal] = field(default_factory=dict)
    results: dict[str, PanelResult] = field(default_factory=dict)
    #: The roster as the panel sees it: person id -> (household id, village id).
    persons: dict[str, tuple[str | None, str]] = field(default_factory=dict)

    def add_person(self, person_id: str, household_id: str | None, village_id: str) -> None:
        self.persons[person_id] = (household_id, village_id)


class _Repo:
    def __init__(self, uow: FakeUnitOfWork):
        self.uow = uow

    @property
    def t(self) -> PanelTables:
        return self.uow.tables.panel


class VettingRepo(_Repo):
    def add_many(self, requests: Sequence[VettingRequest]) -> None:
        for r in requests:
            if any((v.nomination_id, v.department) == (r.nomination_id, r.department)
                   for v in self.t.vetting.values()):
                raise _unique(f"vetting {r.nomination_id}/{r.department}")
            self.t.vetting[r.id] = deepcopy(r)

    def get(self, request_id: str, lock: bool = False) -> VettingRequest:
        if request_id not in self.t.vetting:
            raise NotFound(f"找不到联审请求 {request_id}")
        return deepcopy(self.t.vetting[request_id])

    def for_nominations(self, ids: Sequence[str]) -> dict[str, list[VettingRequest]]:
        found: dict[str, list[VettingRequest]] = {i: [] for i in ids}
        for r in sorted(self.t.vetting.values(), key=lambda r: (r.requested_at, r.department)):
            if r.nomination_id in found:
                found[r.nomination_id].append(deepcopy(r))
        return found

    def save(self, requests: Sequence[VettingRequest]) -> None:
        for r in requests:
            stored = self.t.vetting.get(r.id)
            if stored is None or stored.outcome != PENDING:
                raise StaleVersion(f"{r.department}的联审意见已被他人录入，请刷新后重试")
            self.t.vetting[r.id] = deepcopy(r)

    def overdue(self, now: datetime) -> list[VettingRequest]:
        nominations = self.uow.tables.nominations
        due = [r for r in self.t.vetting.values() if r.outcome == PENDING and r.due_at <= now
               and nominations[r.nomination_id].stage not in TERMINAL]
        return [deepcopy(r) for r in sorted(due, key=lambda r: (r.due_at, r.nomination_id,
                                                                  r.department))]


class PanelRepo(_Repo):
    def accounts(self, ids: Sequence[str]) -> dict[str, Account]:
        return {i: self.uow.tables.accounts[i] for i in ids if i in self.uow.tables.accounts}

    def profiles(self, ids: Sequence[str] | None) -> dict[str, ReviewerProfile]:
        return {k: p for k, p in self.t.profiles.items() if ids is None or k in ids}

    def save_profile(self, profile: ReviewerProfile) -> None:
        self.t.profiles[profile.account_id] = profile

    def persons(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str]]:
        return {i: self.t.persons[i] for i in ids if i in self.t.persons}

    def ties(self, nominations: Sequence[Nomination]) -> dict[str, SubjectTies]:
        return {n.id: self._ties(n) for n in nominations}

    def _ties(self, n: Nomination) -> SubjectTies:
        kind = SUBJECT_KINDS[n.programme]
        if kind == "household":
            members = {p for p, (h, _) in self.t.persons.items() if h == n.subject_id}
            return SubjectTies(n.village_id, frozenset({n.subject_id}), frozenset(members))
        if kind == "person":
            household = self.t.persons.get(n.subject_id, (None, ""))[0]
            return SubjectTies(n.village_id, frozenset({household} if household else ()),
                               frozenset({n.subject_id}))
        return SubjectTies(n.village_id)

    def members(self, campaign_id: str, programme: str) -> list[str]:
        return sorted(s.reviewer_id for s in self.t.seats.values()
                      if (s.campaign_id, s.programme) == (campaign_id, programme))

    def add_members(self, seats: Sequence[PanelSeat]) -> None:
        for seat in seats:
            if seat.reviewer_id in self.members(seat.campaign_id, seat.programme):
                raise _unique(f"panel seat {seat.reviewer_id}")
            self.t.seats[seat.id] = seat

    def recusals(self, ids: Sequence[str]) -> dict[str, dict[str, Recusal]]:
        found: dict[str, dict[str, Recusal]] = {i: {} for i in ids}
        for r in sorted(self.t.recusals.values(), key=lambda r: r.at):
            if r.nomination_id in found:
                found[r.nomination_id][r.reviewer_id] = r
        return found

    def add_recusals(self, recusals: Sequence[Recusal]) -> None:
        for r in recusals:
            if r.reviewer_id in self.recusals([r.nomination_id])[r.nomination_id]:
                raise _unique(f"recusal {r.nomination_id}/{r.reviewer_id}")
            self.t.recusals[r.id] = r

    def add_results(self, results: Sequence[PanelResult]) -> None:
        for r in results:
            if r.nomination_id in self.t.results:
                raise _unique(f"panel result {r.nomination_id}")
            self.t.results[r.nomination_id] = deepcopy(r)

    def result(self, nomination_id: str) -> PanelResult | None:
        return deepcopy(self.t.results.get(nomination_id))

    def passed(self, campaign_id: str, programme: str) -> list[PanelResult]:
        nominations = self.uow.tables.nominations
        return [deepcopy(r) for _, r in sorted(self.t.results.items())
                if (r.campaign_id, r.programme) == (campaign_id, programme) and r.verdict.passed
                and nominations[r.nomination_id].stage not in TERMINAL]

    def set_ranks(self, placed: Sequence[Placed]) -> None:
        for p in placed:
            self.t.results[p.nomination_id] = replace(
                self.t.results[p.nomination_id], rank=p.rank, quota_status=p.quota_status)

    def over_ceiling(self, ids: Sequence[str]) -> set[str]:
        return {i for i in ids if i in self.t.results
                and self.t.results[i].quota_status == OVER_CEILING}

    def submitted_at(self, ids: Sequence[str]) -> dict[str, datetime]:
        found: dict[str, Any] = {}
        for entry in self.uow.tables.audit:
            if entry.subject_id in ids and entry.action == "submit":
                found.setdefault(entry.subject_id, entry.at)
        return found
