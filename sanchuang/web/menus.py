"""Each role's menu in the page header: route name and label, in order. A page for a role
adds its row here; the header shows only the routes the app has."""

from __future__ import annotations

from fastapi import Request
from starlette.routing import NoMatchFound

from sanchuang.accounts import StaffRole, User

MENUS: dict[StaffRole, list[tuple[str, str]]] = {
    StaffRole.VILLAGE: [],
    StaffRole.SECRETARIAT: [("township_dashboard", "进度总览"), ("township_review", "初审"),
                            ("township_panel", "评审组"), ("township_publicity", "公示"),
                            ("township_objections", "异议处理"),
                            ("township_commendation", "表彰决定"),
                            ("township_campaign", "评选活动")],
    StaffRole.REVIEWER: [],
    StaffRole.DEPARTMENT: [],
    StaffRole.APPROVER: [("township_dashboard", "进度总览"), ("approval", "审定"),
                         ("township_commendation", "表彰决定")],
    StaffRole.ADMIN: [],
}


def nav(request: Request, user: User | None) -> list[tuple[str, str]]:
    """(path, label) of the user's menu; the desk first."""
    if user is None:
        return []
    links = [("/desk", "工作台")]
    for name, label in MENUS[user.role]:
        try:
            links.append((request.app.url_path_for(name), label))
        except NoMatchFound:
            continue
    return links
