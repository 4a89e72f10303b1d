"""The township's standing accounts and how village accounts are named.

The CLI acts as the secretariat (镇文明办) or the approver (镇党委); a village committee's
account is ``village-<village code>``."""

from __future__ import annotations

from workflows.nomination import Actor
from workflows.stages import Role

SECRETARIAT = Actor("secretariat", Role.SECRETARIAT, "镇文明办")
APPROVER = Actor("approver", Role.APPROVER, "镇党委")


def village_account_id(village_code: str) -> str:
    return f"village-{village_code}"


def village_actor(village_code: str, name: str = "") -> Actor:
    return Actor(village_account_id(village_code), Role.VILLAGE, name, village_code)
