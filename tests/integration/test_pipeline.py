"""A whole campaign through real worker and beat processes: embedded, and PostgreSQL + Redis."""

from __future__ import annotations

from pathlib import Path

from campaigns import run_undisturbed, settings_for

from models import queries


def test_a_whole_campaign_runs_on_the_embedded_default(tmp_path: Path) -> None:
    result = run_undisturbed(settings_for(tmp_path), seed=5)
    assert result.problems == []
    assert len(result.commended) >= 15
    assert result.summary[("model_household", "disqualified")] == 2
    notes = queries.notifications(result.store)
    emails = [n for n in notes if n["channel"] == "email"]
    assert {n["status"] for n in notes} <= {"delivered"}
    assert len(list((tmp_path / "mail").glob("*.eml"))) == len(emails) > 0


def test_postgres_and_redis_give_the_same_commended_list(tmp_path: Path, pg_url: str,
                                                         redis_url: str) -> None:
    embedded = run_undisturbed(settings_for(tmp_path / "embedded"), seed=5)
    served = run_undisturbed(settings_for(tmp_path / "served", pg_url, redis_url), seed=5)
    assert served.problems == []
    assert served.commended == embedded.commended
    assert served.summary == embedded.summary
