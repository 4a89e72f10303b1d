"""Each role's menu in the page header: route name and label, in order. A page for a role
adds its row here; the header shows only the routes the app has."""

from __future__ import annotations

from fastapi import Request
from starlette.routing import NoMatchFound

from sanchuang.accounts import StaffRole, User
from sanchuang.web.i18n import N_

MENUS: dict[StaffRole, list[tuple[str, str]]] = {
    StaffRole.VILLAGE: [("village_nominations", "本村申报"), ("village_new", "新增申报"),
                        ("village_roster", "本村花名册"),
                        ("village_roster_import_form", "导入花名册")],
    StaffRole.SECRETARIAT: [("township_dashboard", "进度总览"), ("township_review", "初审"),
                            ("township_panel", "评审组"), ("township_publicity", "公示"),
                            ("township_objections", "异议处理"),
                            ("township_commendation", "表彰决定"),
                            ("township_campaign", "评选活动"), ("titles_list", "称号管理"),
                            ("village_roster_import_form", "导入花名册")],
    StaffRole.REVIEWER: [("reviewing_queue", "待评审")],
    StaffRole.DEPARTMENT: [("vetting_list", "联审请求")],
    StaffRole.APPROVER: [("township_dashboard", "进度总览"), ("approval", "审定"),
                         ("township_commendation", "表彰决定"), ("titles_list", "称号管理")],
    StaffRole.ADMIN: [("admin_users", "登录账号")],
}


def nav(request: Request, user: User | None) -> list[tuple[str, str]]:
    """(path, label) of the user's menu; the desk first."""
    if user is None:
        return []
    links = [("/desk", N_("工作台"))]
    if user.role is not StaffRole.ADMIN:
        links.append(("/inbox", N_("消息")))
    for name, label in MENUS[user.role]:
        try:
            links.append((request.app.url_path_for(name), label))
        except NoMatchFound:
            continue
    return links
