"""A claim reads the waiting events through their own partial index: its plan does not touch
the processed history, however long (PostgreSQL and SQLite)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from models.store import Store

CLAIM = ("SELECT id FROM outbox WHERE processed_at IS NULL AND id NOT IN (1, 2, 3) "
         "ORDER BY id LIMIT 50")


def fill(store: Store, processed: int, waiting: int) -> None:
    with store.engine.begin() as connection:
        for count, done in ((processed, "CURRENT_TIMESTAMP"), (waiting, "NULL")):
            connection.execute(text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
                "INSERT INTO outbox (type, name, payload, created_at, processed_at) "
                f"SELECT 'event', 'Probe', '{{}}', CURRENT_TIMESTAMP, {done} FROM n"
            ).bindparams(count=count))


@pytest.mark.parametrize("backend", ["sqlite", "pg"])
def test_the_claim_reads_the_waiting_events_index(request: pytest.FixtureRequest,
                                                  backend: str) -> None:
    store: Store = request.getfixturevalue(f"{backend}_store")
    fill(store, processed=20_000, waiting=10)
    with store.engine.begin() as connection:
        if backend == "pg":
            connection.execute(text("ANALYZE outbox"))
            plan = "\n".join(row[0] for row in connection.execute(text(f"EXPLAIN {CLAIM}")))
        else:
            plan = "\n".join(str(row[-1]) for row in connection.execute(
                text(f"EXPLAIN QUERY PLAN {CLAIM}")))
        waiting = connection.execute(text(CLAIM)).all()
    assert "ix_outbox_waiting" in plan, plan
    assert len(waiting) == 10
