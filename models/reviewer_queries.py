"""Read-side look-ups of the reviewer's pages: the panels a reviewer sits on, their queue of
nominations awaiting their score or vote, and one nomination as they may see it (blind
review hides the name and village while the scores are coming in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from models import tables as t
from models.review_tables import PanelSeatRow
from models.store import Store
from models.uow import SqlUnitOfWork
from workflows.deadlines import due_on
from workflows.fairness import HIDDEN_NAME, HIDDEN_VILLAGE, hides_identity
from workflows.nomination import Nomination
from workflows.panel import VOTE_SHARE, panel_policy
from workflows.policy import PROGRAMME_NAMES_ZH, Criterion
from workflows.stages import STAGE_NAMES_ZH, Role, Stage

NOM, SEAT = t.NominationRow.__table__, PanelSeatRow.__table__


@dataclass(frozen=True)
class ReviewItem:
    """One nomination as a reviewer sees it."""

    nomination_id: str
    code: str
    name: str
    village: str
    deeds: str
    programme: str
    stage: str
    stage_name: str
    due_on: date | None
    voting: bool
    criteria: tuple[Criterion, ...]
    scored: bool
    recused: str  # the reason given, "" when not recused
    points: float | None = None  # the panel's aggregate, once concluded
    level: str = ""

    def overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today

    @property
    def open(self) -> bool:
        """Still waiting for this reviewer's score or vote."""
        return self.stage == Stage.PANEL_REVIEW.value and not self.scored and not self.recused


def sits_on_panel(store: Store, reviewer_id: str, nomination_id: str) -> bool:
    """Whether the nomination exists and the reviewer sits on its programme's panel (a
    programme with no assigned panel is reviewed by every reviewer, as the domain counts)."""
    if not nomination_id.isalnum() or len(nomination_id) > 32:
        return False
    with store.sessions() as session:
        row = session.execute(select(NOM.c.campaign_id, NOM.c.programme)
                              .where(NOM.c.id == nomination_id)).first()
        if row is None:
            return False
        seated = set(session.scalars(select(SEAT.c.reviewer_id).where(
            SEAT.c.campaign_id == row.campaign_id, SEAT.c.programme == row.programme)))
    return not seated or reviewer_id in seated


def _panel_nominations(uow: SqlUnitOfWork, reviewer_id: str) -> list[str]:
    """Nominations in panel review whose panel the reviewer sits on."""
    seats = uow.session.execute(select(SEAT.c.campaign_id, SEAT.c.programme,
                                       SEAT.c.reviewer_id)).all()
    seated: dict[tuple[str, str], set[str]] = {}
    for campaign_id, programme, member in seats:
        seated.setdefault((campaign_id, programme), set()).add(member)
    rows = uow.session.execute(select(NOM.c.id, NOM.c.campaign_id, NOM.c.programme).where(
        NOM.c.stage == Stage.PANEL_REVIEW.value).order_by(NOM.c.stage_changed_at, NOM.c.id)).all()
    return [r.id for r in rows
            if reviewer_id in seated.get((r.campaign_id, r.programme), {reviewer_id})]


def queue(store: Store, reviewer_id: str) -> list[ReviewItem]:
    """The nominations awaiting this reviewer's score or vote, earliest deadline first."""
    with store.uow() as uow:
        items = _items(uow, reviewer_id, _panel_nominations(uow, reviewer_id))
    waiting = [i for i in items if i.open]
    return sorted(waiting, key=lambda i: (i.due_on or date.max, i.code))


def item(store: Store, reviewer_id: str, nomination_id: str) -> ReviewItem:
    """One nomination for the reviewer (the caller has checked the panel)."""
    with store.uow() as uow:
        return _items(uow, reviewer_id, [nomination_id])[0]


def _items(uow: SqlUnitOfWork, reviewer_id: str, ids: list[str]) -> list[ReviewItem]:
    nominations = uow.nominations.get_many(ids)
    scored = uow.reviews.scored_by(reviewer_id, ids)
    recusals = uow.panel.recusals(ids)
    villages = uow.directory.village_names({n.village_id for n in nominations})
    return [_item(uow, n, n.id in scored, recusals[n.id].get(reviewer_id),
                  villages.get(n.village_id, "")) for n in nominations]


def _item(uow: SqlUnitOfWork, nomination: Nomination, scored: bool, recusal: object,
          village: str) -> ReviewItem:
    campaign = uow.campaigns.get(nomination.campaign_id)
    settings = panel_policy(campaign.policy)
    hidden = hides_identity(settings.blind, Role.REVIEWER.value, nomination.stage.value)
    rubric = campaign.rubric(nomination.programme, nomination.rubric_version)
    return ReviewItem(
        nomination.id, nomination.id[:8].upper(),
        HIDDEN_NAME if hidden else nomination.display_name,
        HIDDEN_VILLAGE if hidden else village, "" if hidden else nomination.deeds,
        PROGRAMME_NAMES_ZH[nomination.programme], nomination.stage.value,
        STAGE_NAMES_ZH[nomination.stage],
        due_on(campaign, nomination) if nomination.stage is Stage.PANEL_REVIEW else None,
        settings.method == VOTE_SHARE, tuple(rubric.criteria), scored,
        str(getattr(recusal, "reason", "")), None if hidden else nomination.points,
        "" if hidden else nomination.star_level)
