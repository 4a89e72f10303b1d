"""Importing a roster file (花名册): read it, check every row, and add its households and
persons in one transaction only when no row has a problem.

The file's columns are those of ``workflows.roster_columns.COLUMNS`` (Chinese headers, any
order); ``template_csv`` is the empty template offered for download. ``allowed`` is the
villages the importer may fill: a village clerk's own village, or None for the
secretariat (any village of the township). See workflows/roster_import.py for the rules.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from models.roster import import_rows, stored_facts, village_codes
from models.store import Store
from sanchuang.runtime.tables_file import read_table
from workflows.roster_columns import COLUMNS, HEADERS, Problem
from workflows.roster_import import Checked, household_ids, id_numbers, read_rows
from workflows.roster_plan import plan

Progress = Callable[[str, int, int], None]
TABLE_NAMES = {"household": "户", "person": "人"}


@dataclass(frozen=True)
class Outcome:
    """What an import did: the problems (nothing imported), or the rows added."""

    rows: int
    problems: list[Problem] = field(default_factory=list)
    households: int = 0
    persons: int = 0

    @property
    def imported(self) -> bool:
        return not self.problems


def check_file(store: Store, data: bytes, filename: str,
               allowed: frozenset[str] | None) -> tuple[int, Checked]:
    """(data rows, the check); raises TableFileError when the file cannot be read."""
    table = read_table(data, filename)
    entries, problems = read_rows(table, village_codes(store), allowed)
    stored = stored_facts(store, id_numbers(entries), household_ids(entries))
    return len(table.rows), plan(entries, stored, problems)


def import_file(store: Store, data: bytes, filename: str, allowed: frozenset[str] | None,
                progress: Progress | None = None) -> Outcome:
    """Check the file and, when clean, import it all at once (StaleVersion when the roster
    changed between the check and the insert: nothing imported then either)."""
    rows, checked = check_file(store, data, filename, allowed)
    if not checked.clean:
        return Outcome(rows, checked.problems)
    counts = import_rows(store, {"household": checked.households, "person": checked.persons},
                         progress)
    return Outcome(rows, [], counts["household"], counts["person"])


def template_csv() -> bytes:
    """The header row, UTF-8 with a BOM so that Excel shows the Chinese."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(HEADERS)
    return out.getvalue().encode("utf-8-sig")


def column_help() -> list[dict[str, str]]:
    return [{"header": c.header, "required": "必填" if c.required else "选填",
             "example": c.example, "rule": c.rule} for c in COLUMNS]
