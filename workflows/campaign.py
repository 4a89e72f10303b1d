"""A campaign: one year's rating with its rules and the organs that issue its documents."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from workflows.calendar import WorkCalendar
from workflows.errors import InvalidInput, NotFound
from workflows.policy import CampaignPolicy, Programme, Rubric


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
    #: Earlier versions of each programme's rubric, kept for nominations pinned to them.
    past_rubrics: dict[str, dict[int, Rubric]] = field(default_factory=dict)

    def rubric(self, programme: Programme | str, version: int = 0) -> Rubric:
        """A programme's rubric: the current one, or the pinned ``version`` (0 = current)."""
        current = self.policy.programme(programme).rubric
        if version in (0, current.version):
            return current
        try:
            return self.past_rubrics[Programme(programme).value][version]
        except KeyError:
            raise NotFound(f"评分细则第 {version} 版不存在") from None

    def revised(self, programme: Programme | str, edited: Rubric) -> Campaign:
        """This campaign with a new version of one rubric; the old one is kept."""
        current = self.policy.programme(programme).rubric
        policy = self.policy.with_rubric(programme, edited)
        if policy.programme(programme).rubric is current:
            return self
        key = Programme(programme).value
        kept = {**self.past_rubrics, key: {**self.past_rubrics.get(key, {}),
                                           current.version: current}}
        return replace(self, policy=policy, past_rubrics=kept)

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar.of(self.holidays, self.make_up_workdays)


FIRST_YEAR = 2000


def check_year(year: int, this_year: int) -> None:
    """A campaign's year: from 2000 to next year (a campaign may be launched ahead)."""
    if not FIRST_YEAR <= year <= this_year + 1:
        raise InvalidInput(f"评选年度 {year} 不合理：应在 {FIRST_YEAR} 到 {this_year + 1} 之间")
