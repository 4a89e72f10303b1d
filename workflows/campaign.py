"""A campaign: one year's rating with its rules and the organs that issue its documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workflows.calendar import WorkCalendar
from workflows.policy import CampaignPolicy


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class Campaign:
    id: str
    township_id: str
    year: int
    name: str
    policy: CampaignPolicy
    issued_by: tuple[str, ...] = ()
    basis: str = ""
    contact: Contact = field(default_factory=Contact)
    holidays: tuple[date, ...] = ()
    make_up_workdays: tuple[date, ...] = ()

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar.of(self.holidays, self.make_up_workdays)
