"""``sanchuang user``: logins for the web pages and tokens for integrations.

A password is read from standard input (``--password-stdin``) or asked for at the prompt,
never taken from the command line where other users of the machine could see it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sanchuang.accounts import ROLE_NAMES_ZH, Logins, NewUser, StaffRole
from sanchuang.bootstrap import bootstrap
from sanchuang.cli.refusals import refusals
from workflows.ports import Clock

user_app = typer.Typer(help="网站登录账号与接口令牌", no_args_is_help=True)
console = Console()
ROLES_HELP = "，".join(f"{r.value}={n}" for r, n in ROLE_NAMES_ZH.items())


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("密码", hide_input=True, confirmation_prompt=True))


def _logins() -> tuple[Logins, Clock]:
    system = bootstrap()
    return Logins(system.store), system.store.clock


@user_app.command("create")
@refusals
def create(
    username: Annotated[str, typer.Argument(help="登录名（小写字母、数字、. _ -）")],
    role: Annotated[StaffRole, typer.Option(help=ROLES_HELP)],
    name: Annotated[str, typer.Option(help="姓名或单位名称")],
    village: Annotated[str | None, typer.Option(help="村（居）代码，村级账号必填")] = None,
    department: Annotated[str | None, typer.Option(help="联审部门，部门账号必填")] = None,
    email: Annotated[str | None, typer.Option(help="接收通知的电子邮箱")] = None,
    phone: Annotated[str | None, typer.Option(help="手机号：没有电子邮箱时用短信通知")] = None,
    account: Annotated[str | None, typer.Option(
        help="已有账号的编号（如评审委员 reviewer-1）；不填则新建或用村级账号")] = None,
    password_stdin: Annotated[bool, typer.Option(help="从标准输入读取密码")] = False,
) -> None:
    """新建登录账号。"""
    logins, clock = _logins()
    password = _password(password_stdin)
    user = logins.create(NewUser(username, role, name, password, village, department, email,
                                 account, phone),
                         clock.now())
    console.print(f"已新建登录账号 {user.username}（{user.role_name}，账号 {user.account_id}）")


@user_app.command("disable")
@refusals
def disable(username: Annotated[str, typer.Argument(help="登录名")]) -> None:
    """停用登录账号：立即结束其所有会话并作废其接口令牌。"""
    logins, _ = _logins()
    logins.disable(username)
    console.print(f"已停用 {username}：其会话已结束，接口令牌已作废")


@user_app.command("enable")
@refusals
def enable(username: Annotated[str, typer.Argument(help="登录名")]) -> None:
    """重新启用登录账号（接口令牌需重新申请）。"""
    logins, _ = _logins()
    logins.enable(username)
    console.print(f"已启用 {username}")


@user_app.command("password")
@refusals
def password(
    username: Annotated[str, typer.Argument(help="登录名")],
    password_stdin: Annotated[bool, typer.Option(help="从标准输入读取密码")] = False,
) -> None:
    """重设密码：其所有会话随即结束。"""
    logins, _ = _logins()
    logins.set_password(username, _password(password_stdin))
    console.print(f"已重设 {username} 的密码")


@user_app.command("token")
@refusals
def token(
    username: Annotated[str, typer.Argument(help="登录名")],
    name: Annotated[str, typer.Option(help="令牌用途，如对接的系统名")] = "",
) -> None:
    """为对接系统签发接口令牌（只显示这一次，请妥善保存）。"""
    logins, clock = _logins()
    value = logins.new_token(username, name, clock.now())
    typer.echo(value)
    typer.echo("（令牌只显示这一次：请求时加请求头 Authorization: Bearer <令牌>）", err=True)


@user_app.command("list")
def list_users() -> None:
    """列出登录账号。"""
    logins, _ = _logins()
    table = Table("登录名", "角色", "姓名/单位", "村（居）", "部门", "状态")
    for user, disabled in logins.all():
        table.add_row(user.username, user.role_name, user.name, user.village_id or "",
                      user.department or "", "已停用" if disabled else "启用")
    console.print(table)
