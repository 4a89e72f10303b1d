"""A whole campaign through real worker and beat processes: embedded, and PostgreSQL + Redis."""

from __future__ import annotations

import io
from pathlib import Path

from campaigns import Outcome, run_undisturbed, settings_for
from rich.console import Console

from models import queries
from models.store import Store
from sanchuang.cli.verify import verify_store
from sanchuang.documents.files import write_campaign
from sanchuang.documents.render import DocumentRenderer


def seals_hold(store: Store) -> str:
    """What ``sanchuang verify`` finds: "" when every entry, head and document written by the
    CLI process and by the workers carries a seal made with the one key."""
    out = io.StringIO()
    return "" if verify_store(store, Console(file=out, width=200)) == 0 else out.getvalue()


def test_a_whole_campaign_runs_on_the_embedded_default(tmp_path: Path) -> None:
    result = run_undisturbed(settings_for(tmp_path), seed=5)
    assert result.problems == []
    assert len(result.commended) >= 15
    assert result.summary[("model_household", "disqualified")] == 2
    notes = queries.notifications(result.store)
    emails = [n for n in notes if n["channel"] == "email"]
    assert {n["status"] for n in notes} <= {"delivered"}
    assert len(list((tmp_path / "mail").glob("*.eml"))) == len(emails) > 0
    assert seals_hold(result.store) == ""
    written = documents_of(result, tmp_path / "out")
    certificates = [p for p in written if p.parent.name == "certificates"]
    assert len(certificates) == len(result.commended)
    for name in ("publicity_notice-v1.pdf", "commendation_decision-v1.pdf",
                 "publicity-list.xlsx", "commendation-list.xlsx", "commendation-list.csv"):
        assert name in {p.name for p in written}


def documents_of(result: Outcome, folder: Path) -> list[Path]:
    """What ``sanchuang demo`` writes into the campaign's folder."""
    return write_campaign(result.store, DocumentRenderer(), result.campaign_id,
                          folder / result.campaign_id)


def test_postgres_and_redis_give_the_same_commended_list(tmp_path: Path, pg_url: str,
                                                         redis_url: str) -> None:
    embedded = run_undisturbed(settings_for(tmp_path / "embedded"), seed=5)
    served = run_undisturbed(settings_for(tmp_path / "served", pg_url, redis_url), seed=5)
    assert served.problems == []
    assert served.commended == embedded.commended
    assert len([p for p in documents_of(served, tmp_path / "out")
                if p.parent.name == "certificates"]) == len(served.commended)
    assert served.summary == embedded.summary
    assert seals_hold(served.store) == ""
