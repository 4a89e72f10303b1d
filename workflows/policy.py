"""Campaign policy as data: programmes, rubrics, quotas, publicity length, deadlines."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
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

#: Where the parts of a weighted final score come from.
WEIGHT_SOURCES = {
    "panel": "评审委员会评分",
    "representatives": "村民代表评议",
    "public": "群众投票",
    "experts": "专家评审",
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
    ``points``: the total of all marks, with an award threshold (and an application one);
    ``weights`` (percent per source, summing to 100) make the final score a weighted one.
    ``version`` counts the edits; ``content_hash()`` says what is scored."""

    style: str
    criteria: tuple[Criterion, ...]
    award_threshold: float
    star_mark: float = 1.0
    apply_threshold: float | None = None
    bands: tuple[Band, ...] = ()
    version: int = 1
    weights: dict[str, float] = field(default_factory=dict, hash=False)

    @property
    def full_marks(self) -> float:
        return sum(c.max_points for c in self.criteria)

    def content_hash(self) -> str:
        """The same for the same rules whatever the version number; changes with any edit."""
        data = asdict(self)
        del data["version"]
        return content_hash(data)


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
    posthumous_exempt: bool = True
    #: Years a revoked title bars the same subject from this programme (撤销后限制申报年限).
    revocation_bar_years: int = 2

    def admits_age(self, age: int, posthumous: bool = False) -> bool:
        """Old enough, or (when the policy says so) died in the act, which waives the age rule."""
        if self.min_age is None or age >= self.min_age:
            return True
        return posthumous and self.posthumous_exempt


@dataclass(frozen=True)
class CampaignPolicy:
    programmes: dict[Programme, ProgrammePolicy]
    publicity_days: int = 7
    publicity_day_kind: str = "calendar"
    objection_extra_days: int = 0
    panel_quorum: int = 3
    stage_deadline_days: dict[str, int] = field(default_factory=dict)
    #: Settings of the panel and of department vetting: {"panel": {...}, "vetting": {...}}.
    extra: dict[str, Any] = field(default_factory=dict)

    def programme(self, programme: Programme | str) -> ProgrammePolicy:
        try:
            return self.programmes[Programme(programme)]
        except (KeyError, ValueError):
            raise KeyError(f"本次评选未设置项目 {programme}") from None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["programmes"] = {str(k): v for k, v in data["programmes"].items()}
        return data

    def content_hash(self) -> str:
        """sha256 of the canonical JSON of the whole policy, rubric versions included."""
        return content_hash(self.to_dict())

    def with_rubric(self, programme: Programme | str, edited: Rubric) -> CampaignPolicy:
        """The policy with one programme's rubric replaced; an edit becomes a new version."""
        current = self.programme(programme)
        updated = replace(current, rubric=revised(current.rubric, edited))
        return replace(self, programmes={**self.programmes, current.programme: updated})


def revised(current: Rubric, edited: Rubric) -> Rubric:
    """``edited`` as the next version of ``current``, or ``current`` if nothing changed."""
    if edited.content_hash() == current.content_hash():
        return current
    return replace(edited, version=current.version + 1)


def canonical_json(data: Any) -> str:
    """Sorted keys, no spaces, and 80.0 written as 80 so a file and its stored copy agree."""
    return json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def rubric_from_dict(raw: dict[str, Any]) -> Rubric:
    rubric = dict(raw)
    rubric["criteria"] = tuple(Criterion(**c) for c in rubric["criteria"])
    rubric["bands"] = tuple(Band(**b) for b in rubric.get("bands") or ())
    rubric["weights"] = {str(k): v for k, v in (rubric.get("weights") or {}).items()}
    return Rubric(**rubric)


def programme_from_dict(key: str, raw: dict[str, Any]) -> ProgrammePolicy:
    return ProgrammePolicy(
        programme=Programme(key),
        rubric=rubric_from_dict(raw["rubric"]),
        quota=Quota(**raw["quota"]),
        categories=tuple(raw.get("categories") or ()),
        min_age=raw.get("min_age"),
        posthumous_exempt=raw.get("posthumous_exempt", True),
        revocation_bar_years=raw.get("revocation_bar_years", 2),
    )


def policy_from_dict(data: dict[str, Any]) -> CampaignPolicy:
    """Reads what ``to_dict`` wrote (older copies too: missing fields take their defaults)."""
    programmes = {Programme(key): programme_from_dict(key, raw)
                  for key, raw in data["programmes"].items()}
    rest = {k: v for k, v in data.items() if k != "programmes"}
    return CampaignPolicy(programmes=programmes, **rest)
