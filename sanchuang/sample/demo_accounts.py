"""One login per role for trying the site on the sample township: made on first start,
their passwords kept (owner-readable only) in ``DATA_DIR/demo-accounts.txt`` so every start
can print them again. Never for a real deployment: create real logins with
``sanchuang user create``."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from models.staff_queries import villages
from sanchuang.accounts import Logins, NewUser, StaffRole
from sanchuang.bootstrap import System
from sanchuang.sample.roster import REVIEWERS

FILE = "demo-accounts.txt"


DEPARTMENT_LOGINS = {"公安派出所": "police", "司法所": "sifa", "纪委": "jiwei",
                     "信访办": "xinfang"}


def demo_logins(village_id: str, village_name: str) -> list[NewUser]:
    """Enough logins to run a whole campaign on the web: every reviewer of the sample panel
    and every vetting department."""
    password = secrets.token_urlsafe(9)
    return [
        NewUser("village", StaffRole.VILLAGE, f"{village_name}（村级账号）", password, village_id),
        NewUser("wenming", StaffRole.SECRETARIAT, "镇文明办", password),
        *(NewUser(f"reviewer{n}", StaffRole.REVIEWER, name, password, account_id=account)
          for n, (account, name) in enumerate(REVIEWERS, start=1)),
        *(NewUser(username, StaffRole.DEPARTMENT, department, password, department=department)
          for department, username in DEPARTMENT_LOGINS.items()),
        NewUser("dangwei", StaffRole.APPROVER, "镇党委", password),
        NewUser("admin", StaffRole.ADMIN, "系统管理员", password),
    ]


def ensure_demo_accounts(system: System) -> list[tuple[str, str, str]]:
    """(username, password, role name) of the demo logins, made now if the store has none;
    the village clerk's login is for the first village (not a residential community)."""
    path = Path(system.settings.data_dir) / FILE
    if path.exists():
        return [tuple(line.split("\t")) for line in  # type: ignore[misc]
                path.read_text(encoding="utf-8").splitlines() if line.count("\t") == 2]
    logins = Logins(system.store)
    now = system.store.clock.now()
    made = []
    village_id, village_name = next(
        (code, name) for code, name in villages(system.store) if name.endswith("村"))
    for new in demo_logins(village_id, village_name):
        if logins.rows.get(new.username) is None:
            user = logins.create(new, now)
            made.append((user.username, new.password, user.role_name))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines("\t".join(row) + "\n" for row in made)
    return made
