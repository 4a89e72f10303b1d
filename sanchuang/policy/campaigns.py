"""A new campaign for the township in the store: its issuing organs, calendar and policy."""

from __future__ import annotations

from collections.abc import Callable

from models import queries
from models.store import Store
from sanchuang.policy.holidays import campaign_calendar
from workflows.campaign import Campaign, Contact
from workflows.errors import InvalidInput, NotFound
from workflows.nomination import new_id
from workflows.policy import CampaignPolicy


def issuing_organs(township_name: str) -> tuple[str, str]:
    """The township's party committee and government, who issue every public document."""
    return f"中共{township_name}委员会", f"{township_name}人民政府"


def the_township(store: Store, code: str | None = None) -> tuple[str, str]:
    """(code, name) of the township a campaign is for: the given one, or the only one."""
    found = queries.townships(store)
    if not found:
        raise NotFound("还没有载入乡镇花名册和账号：先运行 sanchuang load-sample")
    if code is not None:
        for township in found:
            if township[0] == code:
                return township
        raise NotFound(f"乡镇 {code} 不在花名册中")
    if len(found) > 1:
        raise InvalidInput("花名册中有多个乡镇：请用 --township 指明代码")
    return found[0]


def new_campaign(store: Store, year: int, policy: CampaignPolicy, warn: Callable[[str], None],
                 *, name: str | None = None, basis: str = "", contact: Contact | None = None,
                 township: str | None = None) -> Campaign:
    """A campaign of ``year`` for the township in the store, with that year's working days."""
    code, township_name = the_township(store, township)
    calendar, warning = campaign_calendar(year)
    if warning:
        warn(warning)
    return Campaign(
        new_id(), code, year, name or f"{year}年度“三创”评选活动", policy,
        issuing_organs(township_name), basis, contact or Contact(),
        tuple(sorted(calendar.holidays)), tuple(sorted(calendar.make_up_workdays)))


#: What every public document prints, with the ``review campaign create`` option for each.
PUBLIC_DETAILS = (("发文机关", ""), ("依据文件文号", "--basis"), ("联系电话", "--phone"),
                  ("来信来访地址", "--address"), ("电子邮箱", "--email"))


def check_public_details(campaign: Campaign, *, options: bool = False) -> None:
    """Every public document prints the issuing organs, the basis document (文号) and the
    contact phone, address and e-mail: a campaign without them is refused. ``options`` names
    the command-line option to add for each missing detail."""
    values = ("".join(campaign.issued_by), campaign.basis, campaign.contact.phone,
              campaign.contact.address, campaign.contact.email)
    missing = [label + (f"（{option}）" if options and option else "")
               for (label, option), value in zip(PUBLIC_DETAILS, values, strict=True)
               if not value.strip()]
    if missing:
        raise InvalidInput("公示和表彰文件都要印这些内容，请补全：" + "、".join(missing))
