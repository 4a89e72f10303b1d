"""Text people typed is printed to the terminal as typed: Rich markup in it is not obeyed."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from scenario import RecordingQueue, draft, launch, system_on

from models.store import Store
from sanchuang.accounts import SECRETARIAT, village_actor
from sanchuang.cli.printing import print_inbox
from sanchuang.cli.review.display import print_list
from workflows import commands as c

HOSTILE = "缺少材料[/]请补充[link=https://evil.example]点此[/link][bold]粗"


def test_a_return_reason_with_markup_prints_verbatim_in_the_villages_inbox(
        sqlite_store: Store, tmp_path: Path) -> None:
    queue = RecordingQueue()
    system = system_on(sqlite_store, tmp_path, queue)
    nomination_id = draft(system, launch(system))
    system.bus.handle(c.SubmitNomination(nomination_id, village_actor("430522100201")))
    queue.drain(system)
    system.bus.handle(c.ReturnForRevision(nomination_id, SECRETARIAT, HOSTILE))
    queue.drain(system)
    console = Console(record=True, width=400)
    print_inbox(system, "village-430522100201", 20, console)
    assert HOSTILE in console.export_text()


def test_a_name_with_markup_prints_verbatim_in_the_review_list() -> None:
    console = Console(record=True, width=400)
    row = {"id": "abc123", "display_name": "王[/]建国家庭", "programme": "model_household",
           "stage": "submitted", "points": None, "star_level": ""}
    print_list([row], {"abc123": "湾里[link=x]村[/link]"}, console)
    out = console.export_text()
    assert "王[/]建国家庭" in out
    assert "湾里[link=x]村[/link]" in out
