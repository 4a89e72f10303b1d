"""Fairness across harsh and lenient reviewers: z-scores per reviewer, rescaled to the
panel's overall mean and spread, so the ranking compares like with like."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean, pstdev


@dataclass(frozen=True)
class Sheet:
    reviewer_id: str
    nomination_id: str
    total: float


@dataclass(frozen=True)
class Normalised:
    raw: float
    normalised: float


def normalise(sheets: Sequence[Sheet]) -> dict[str, Normalised]:
    """Per nomination: the mean raw total and the mean normalised total of its sheets.

    Each sheet becomes its reviewer's z-score (how far above or below that reviewer's own
    average), rescaled to the mean and spread of all sheets. A reviewer who gave every
    nominee the same total says nothing about rank: their sheets get the overall mean."""
    if not sheets:
        return {}
    totals = [s.total for s in sheets]
    centre, spread = mean(totals), pstdev(totals)
    by_reviewer: dict[str, list[float]] = defaultdict(list)
    for sheet in sheets:
        by_reviewer[sheet.reviewer_id].append(sheet.total)
    raw: dict[str, list[float]] = defaultdict(list)
    scaled: dict[str, list[float]] = defaultdict(list)
    for sheet in sheets:
        own = by_reviewer[sheet.reviewer_id]
        own_spread = pstdev(own)
        z = (sheet.total - mean(own)) / own_spread if own_spread else 0.0
        raw[sheet.nomination_id].append(sheet.total)
        scaled[sheet.nomination_id].append(centre + z * spread)
    return {n: Normalised(round(mean(raw[n]), 2), round(mean(scaled[n]), 2)) for n in raw}


HIDDEN_NAME, HIDDEN_VILLAGE = "（匿名评审）", "—"


def hides_identity(blind: bool, role: str, stage: str) -> bool:
    """Blind review: a reviewer sees no name or village while the scores are still coming
    in (the nomination is in panel review); afterwards, or for anyone else, all is shown."""
    return blind and role == "reviewer" and stage == "panel_review"
