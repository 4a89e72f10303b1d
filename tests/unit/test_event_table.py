"""The tables of handlers are declared once and cannot be changed afterwards."""

from __future__ import annotations

import pytest

from workflows import commands
from workflows.handlers import COMMAND_HANDLERS, EVENT_HANDLERS, notify, waited_for


def test_the_event_table_refuses_a_new_or_replaced_entry() -> None:
    with pytest.raises(TypeError):
        EVENT_HANDLERS["NominationWithdrawn"] = (notify.stage_notices,)  # type: ignore[index]
    with pytest.raises(TypeError):
        EVENT_HANDLERS["NominationSubmitted"] = ()  # type: ignore[index]
    assert "NominationWithdrawn" not in EVENT_HANDLERS


def test_the_handlers_of_an_event_cannot_be_appended_to() -> None:
    handlers = EVENT_HANDLERS["NominationAccepted"]
    with pytest.raises(AttributeError):
        handlers.append(notify.stage_notices)  # type: ignore[attr-defined]
    assert [h.__name__ for h in EVENT_HANDLERS["NominationAccepted"]] == [
        "open_vetting", "flag_on_accept", "stage_notices"]


def test_the_command_table_refuses_a_new_entry() -> None:
    with pytest.raises(TypeError):
        COMMAND_HANDLERS[commands.Command] = print  # type: ignore[index]
    assert commands.Command not in COMMAND_HANDLERS


@pytest.mark.parametrize("event_name", sorted(notify.STAGE_NOTICES))
def test_every_stage_move_with_a_notice_tells_the_village(event_name: str) -> None:
    assert notify.stage_notices in EVENT_HANDLERS[event_name]


def test_only_events_some_handler_listens_to_are_waited_for() -> None:
    assert waited_for("NominationSubmitted")
    assert waited_for("PublicityOpened")
    assert not waited_for("NominationWithdrawn")
    assert not waited_for("PublicityClosed")
