"""Honourees three years running are recommended to the county (连续三年获评，推荐上报县级)."""

from __future__ import annotations

from collections.abc import Sequence

from workflows.title_record import TitleRecord

RUN = 3


def run_years(year: int) -> tuple[int, ...]:
    """The years a run ending in ``year`` covers, oldest first."""
    return tuple(range(year - RUN + 1, year + 1))


def three_years_running(titles: Sequence[TitleRecord], year: int) -> list[str]:
    """Subjects holding the same programme's title in each of the three years up to ``year``,
    each title still held (a revoked or cancelled one breaks the run). Subject ids in the
    order the titles are given."""
    wanted = set(run_years(year))
    held: dict[str, set[int]] = {}
    for title in titles:
        if title.status in ("active", "remediation") and title.year in wanted:
            held.setdefault(title.subject_id, set()).add(title.year)
    return [subject for subject, years in held.items() if years == wanted]
