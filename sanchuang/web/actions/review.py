"""镇文明办的初审: accept, return (with a reason) or reject (with a reason) a submitted
nomination, as ``sanchuang review accept|return|reject`` does."""

from __future__ import annotations

from sanchuang.web.i18n import N_, gettext
from workflows import commands as c
from workflows.errors import InvalidInput
from workflows.nomination import Actor

ACTIONS = ("accept", "return", "reject")
REASONS_ZH = {"return": N_("退回补充材料"), "reject": N_("不予通过")}


def review_command(action: str, nomination_id: str, actor: Actor, reason: str) -> c.Command:
    """The command for the chosen action; InvalidInput for no action or a missing reason."""
    if action not in ACTIONS:
        raise InvalidInput(gettext("请选择初审通过、退回或不予通过"))
    if action in REASONS_ZH and not reason.strip():
        raise InvalidInput(gettext("%(action)s须写明理由")
                           % {"action": gettext(REASONS_ZH[action])})
    if action == "accept":
        return c.AcceptNomination(nomination_id, actor)
    if action == "return":
        return c.ReturnForRevision(nomination_id, actor, reason)
    return c.RejectNomination(nomination_id, actor, reason)
