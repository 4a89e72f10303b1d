"""Campaign policy as data: programmes, rubrics, quotas, publicity length, deadlines."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Programme(StrEnum):
    STAR_VILLAGE = "star_village"
    MODEL_HOUSEHOLD = "model_household"
    MORAL_EXEMPLAR = "moral_exemplar"


PROGRAMME_NAMES_ZH = {
    Programme.STAR_VILLAGE: "星级文明村",
    Programme.MODEL_HOUSEHOLD: "道德模范户",
    Programme.MORAL_EXEMPLAR: "道德标兵",
}

#: What kind of subject each programme rates.
SUBJECT_KINDS = {
    Programme.STAR_VILLAGE: "village",
    Programme.MODEL_HOUSEHOLD: "household",
    Programme.MORAL_EXEMPLAR: "person",
}


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    max_points: float = 1.0


@dataclass(frozen=True)
class Band:
    name: str
    min_stars: int


@dataclass(frozen=True)
class Rubric:
    """``stars``: one star per criterion met (a mark >= ``star_mark``), optional bands.
    ``points``: the total of all marks, with an award threshold (and an application one)."""

    style: str
    criteria: tuple[Criterion, ...]
    award_threshold: float
    star_mark: float = 1.0
    apply_threshold: float | None = None
    bands: tuple[Band, ...] = ()
    version: int = 1


@dataclass(frozen=True)
class Quota:
    target: int
    ceiling: int | None = None


@dataclass(frozen=True)
class ProgrammePolicy:
    programme: Programme
    rubric: Rubric
    quota: Quota
    categories: tuple[str, ...] = ()
    min_age: int | None = None


@dataclass(frozen=True)
class CampaignPolicy:
    programmes: dict[Programme, ProgrammePolicy]
    publicity_days: int = 7
    publicity_day_kind: str = "calendar"
    objection_extra_days: int = 0
    panel_quorum: int = 3
    stage_deadline_days: dict[str, int] = field(default_factory=dict)

    def programme(self, programme: Programme | str) -> ProgrammePolicy:
        try:
            return self.programmes[Programme(programme)]
        except (KeyError, ValueError):
            raise KeyError(f"本次评选未设置项目 {programme}") from None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["programmes"] = {str(k): v for k, v in data["programmes"].items()}
        return data


def policy_from_dict(data: dict[str, Any]) -> CampaignPolicy:
    programmes = {}
    for key, raw in data["programmes"].items():
        rubric = dict(raw["rubric"])
        rubric["criteria"] = tuple(Criterion(**c) for c in rubric["criteria"])
        rubric["bands"] = tuple(Band(**b) for b in rubric.get("bands", ()))
        programmes[Programme(key)] = ProgrammePolicy(
            programme=Programme(key),
            rubric=Rubric(**rubric),
            quota=Quota(**raw["quota"]),
            categories=tuple(raw.get("categories", ())),
            min_age=raw.get("min_age"),
        )
    rest = {k: v for k, v in data.items() if k != "programmes"}
    return CampaignPolicy(programmes=programmes, **rest)
