"""Events: what happened, in the past tense. Carried through the outbox as plain dicts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

from workflows.stages import Action


@dataclass(frozen=True)
class Event:
    registry: ClassVar[dict[str, type[Event]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        Event.registry[cls.__name__] = cls

    @property
    def name(self) -> str:
        return type(self).__name__

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)


STAGE_EVENT_NAMES = {
    Action.SUBMIT: "NominationSubmitted",
    Action.RESUBMIT: "NominationResubmitted",
    Action.WITHDRAW: "NominationWithdrawn",
    Action.START_REVIEW: "PreliminaryReviewStarted",
    Action.RETURN_FOR_REVISION: "NominationReturned",
    Action.ACCEPT: "NominationAccepted",
    Action.REJECT: "NominationRejected",
    Action.PASS_PANEL: "PanelPassed",
    Action.VETO: "NominationVetoed",
    Action.OPEN_PUBLICITY: "PublicityEntered",
    Action.CLOSE_PUBLICITY: "NominationApproved",
    Action.DISQUALIFY: "NominationDisqualified",
    Action.COMMEND: "NominationCommended",
    Action.REVOKE: "TitleRevoked",
}


@dataclass(frozen=True)
class StageChanged(Event):
    nomination_id: str
    campaign_id: str
    action: str
    source: str
    target: str
    actor_id: str
    reason: str = ""

    @property
    def name(self) -> str:
        return STAGE_EVENT_NAMES[Action(self.action)]


@dataclass(frozen=True)
class ReviewRecorded(Event):
    nomination_id: str
    reviewer_id: str


@dataclass(frozen=True)
class PublicityOpened(Event):
    window_id: str
    campaign_id: str


@dataclass(frozen=True)
class PublicityClosed(Event):
    window_id: str


@dataclass(frozen=True)
class ObjectionFiled(Event):
    objection_id: str
    nomination_id: str


@dataclass(frozen=True)
class ObjectionResolved(Event):
    objection_id: str
    nomination_id: str
    outcome: str


@dataclass(frozen=True)
class CommendationPublished(Event):
    document_id: str
    campaign_id: str


def event_from_record(type_name: str, payload: dict[str, Any]) -> Event:
    cls = Event.registry[type_name]
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in payload.items() if k in known})


@dataclass(frozen=True)
class VettingRequested(Event):
    request_id: str
    nomination_id: str
    department: str
    due_at: str


@dataclass(frozen=True)
class VettingAnswered(Event):
    request_id: str
    nomination_id: str
    department: str
    outcome: str


@dataclass(frozen=True)
class VettingCleared(Event):
    """Every department answered "no adverse record": the panel may conclude."""

    nomination_id: str


@dataclass(frozen=True)
class ReviewersAssigned(Event):
    campaign_id: str
    programme: str
    reviewer_ids: tuple[str, ...]


@dataclass(frozen=True)
class ReviewerRecused(Event):
    nomination_id: str
    reviewer_id: str
    kind: str
    reason: str


@dataclass(frozen=True)
class PanelRanked(Event):
    campaign_id: str
    programme: str


@dataclass(frozen=True)
class CategoryMoved(Event):
    nomination_id: str
    campaign_id: str
    source: str
    target: str
    reason: str


@dataclass(frozen=True)
class DeadlinesDue(Event):
    """Once a day: time to remind everyone of what is near or past its deadline."""

    day: str


@dataclass(frozen=True)
class OutsideScoresRecorded(Event):
    nomination_id: str
