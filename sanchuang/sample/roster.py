"""Turning the sample township into roster rows, and the accounts that act in it."""

from __future__ import annotations

from typing import Any

from models.roster import insert_roster, roster_loaded
from models.store import Store
from sanchuang.accounts import APPROVER, SECRETARIAT, village_account_id
from sanchuang.sample.township import SampleTownship, generate_township
from workflows.nomination import Actor
from workflows.stages import Role

MAIL_DOMAIN = "xinping.example"
REVIEWERS = (("reviewer-1", "刘志明"), ("reviewer-2", "陈秀英"), ("reviewer-3", "周建华"),
             ("reviewer-4", "谭玉兰"), ("reviewer-5", "曾国平"))


def committee_name(village_name: str) -> str:
    return village_name if village_name.endswith("居委会") else f"{village_name}村两委"


def township_rows(town: SampleTownship) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {
        "township": [{"id": town.code, "name": town.name}],
        "village": [], "household": [], "person": [], "account": [],
    }
    for village in town.villages:
        rows["village"].append({"id": village.code, "township_id": town.code,
                                "name": village.name, "kind": village.kind,
                                "population": village.population})
        rows["account"].append({"id": village_account_id(village.code),
                                "name": committee_name(village.name), "role": Role.VILLAGE.value,
                                "village_id": village.code,
                                "email": f"cw{village.code[-3:]}@{MAIL_DOMAIN}"})
        for household in village.households:
            rows["household"].append({"id": household.code, "village_id": village.code,
                                      "head_name": household.head.name})
            rows["person"].extend(
                {"id": p.code, "village_id": village.code, "household_id": household.code,
                 "name": p.name, "gender": p.gender, "id_number": p.id_number,
                 "birth_date": p.birth_date, "phone": p.phone, "relation": p.relation,
                 "vetoes": []}
                for p in household.members)
    rows["account"].extend(township_accounts())
    return rows


def township_accounts() -> list[dict[str, Any]]:
    accounts = [
        {"id": SECRETARIAT.id, "name": SECRETARIAT.name, "role": Role.SECRETARIAT.value,
         "village_id": None, "email": f"wmb@{MAIL_DOMAIN}"},
        {"id": APPROVER.id, "name": APPROVER.name, "role": Role.APPROVER.value, "village_id": None,
         "email": f"dw@{MAIL_DOMAIN}"},
    ]
    accounts += [{"id": key, "name": name, "role": Role.REVIEWER.value, "village_id": None,
                  "email": None} for key, name in REVIEWERS]
    return accounts


def load_sample(store: Store, seed: int = 2026, households_per_village: int | None = None,
                progress: Any = None) -> dict[str, int] | None:
    """Load the seed township once; returns the row counts, or None if already loaded."""
    if roster_loaded(store):
        return None
    town = generate_township(seed, households_per_village)
    return insert_roster(store, township_rows(town), progress)


def reviewer_actors() -> list[Actor]:
    return [Actor(key, Role.REVIEWER, name) for key, name in REVIEWERS]
