"""What the staff endpoints of the JSON API take and answer, declared for the OpenAPI schema.
Field names follow the pages' forms; stage, programme and step names are given in Chinese
beside their codes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, get_type_hints

from pydantic import BaseModel, Field, create_model

from models.department_queries import VettingItem
from sanchuang.web.api_models import Problem


class Refused(Problem):
    """A refusal of the domain, in Chinese. ``nomination_id`` is set when a new nomination
    was created but its submission refused: it waits as a draft."""

    nomination_id: str | None = None


class NominationSummary(BaseModel):
    nomination_id: str
    campaign_id: str
    programme: str
    programme_name: str
    display_name: str = Field(description="被推荐对象（户主或个人姓名）")
    category: str
    stage: str
    stage_name: str
    stage_reason: str = Field(description="最近一次阶段变化的理由（如退回补充的理由）")
    stage_changed_at: datetime | None


class Step(BaseModel):
    at: datetime
    who: str = Field(description="办理的角色（不含个人姓名）")
    what: str
    stage: str = Field(description="此步之后所处阶段；未改变阶段时为空")
    reason: str


class AttachmentInfo(BaseModel):
    id: str
    purpose: str
    filename: str
    kind: str
    size: int
    uploaded_at: datetime


class NominationDetail(NominationSummary):
    deeds: str
    timeline: list[Step]
    attachments: list[AttachmentInfo]


class Assembly(BaseModel):
    """村民代表会议的表决记录（星级文明村、道德模范户必填）。"""

    held_on: date
    members_required: int = Field(ge=0, le=100000)
    members_present: int = Field(ge=0, le=100000)
    votes_for: int = Field(ge=0, le=100000)
    votes_against: int = Field(ge=0, le=100000)
    abstentions: int = Field(ge=0, le=100000)


class NewAttachment(BaseModel):
    purpose: Literal["minutes", "deeds"] = Field("minutes", description="会议记录或事迹材料")
    filename: str = Field(max_length=200)
    content_base64: str = Field(max_length=14_000_000, description="文件内容（Base64）")


class NewNomination(BaseModel):
    """和申报页面同样的内容：对象、事迹、自评分、会议表决、一个附件。"""

    programme: Literal["star_village", "model_household", "moral_exemplar"] = Field(
        description="星级文明村、道德模范户或道德标兵")
    subject_id: str = Field(max_length=64, description="户号或人员编号（本村花名册中）")
    category: str = Field("", max_length=100)
    deeds: str = Field("", max_length=20000)
    marks: dict[str, float] = Field(default_factory=dict,
                                    description="自评分：评分细则项 → 分数；不填或全部填写")
    assembly: Assembly | None = None
    attachment: NewAttachment | None = None


class Resubmission(BaseModel):
    note: str = Field("", max_length=2000, description="补充说明")


class ReviewDecision(BaseModel):
    action: Literal["accept", "return", "reject"] = Field(
        description="accept（初审通过）、return（退回补充）或 reject（不予通过）")
    reason: str = Field("", max_length=2000, description="退回或不予通过时必填")


class Scores(BaseModel):
    """评分（评分细则项 → 分数），或在表决的项目中投票（for / against）：二选一。"""

    marks: dict[str, float] | None = None
    vote: Literal["for", "against"] | None = Field(
        None, description="for（赞成）或 against（反对）")


class Moved(BaseModel):
    """Where a nomination stands after the request."""

    nomination_id: str
    stage: str
    stage_name: str


#: a vetting request as the department's page lists it (the fields of the read side's
#: VettingItem), and whether it is past its due time
VETTING_FIELDS: dict[str, Any] = {name: (kind, ...)
                                  for name, kind in get_type_hints(VettingItem).items()}
VettingRequest: type[BaseModel] = create_model(
    "VettingRequest", overdue=(bool, Field(description="已过答复期限")), **VETTING_FIELDS)


class VettingAnswer(BaseModel):
    outcome: Literal["clear", "veto"] = Field(
        description="clear（无不良记录）或 veto（一票否决，须写明情况）")
    note: str = Field("", max_length=2000)


class ObjectionForm(BaseModel):
    nomination_id: str = Field(max_length=64)
    name: str = Field(max_length=1000, description="真实姓名")
    contact: str = Field(max_length=1000, description="联系方式（手机或电子邮箱）")
    content: str = Field(max_length=20000, description="异议内容")


class Receipt(BaseModel):
    receipt: str = Field(description="回执编号，凭此查询处理情况")
