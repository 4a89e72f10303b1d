"""What the JSON API answers, declared for its OpenAPI schema: only the published fields of a
notice or a decision (masked name, village, programme, level), never ID numbers or phones."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class Problem(BaseModel):
    """A refusal: what went wrong, in Chinese."""

    detail: str


class NoticeSummary(BaseModel):
    window_id: str
    campaign_name: str
    round: int = Field(description="第几批公示")
    first_day: date
    last_day: date
    last_objection_day: date = Field(description="异议受理的最后一天")
    accepting: bool = Field(description="现在是否受理异议")
    version: int
    content_hash: str = Field(description="公示文件的内容摘要（SHA-256）")
    count: int = Field(description="名单中的项数")


class Nominee(BaseModel):
    nomination_id: str
    display_name: str = Field(description="公示用名称（个人姓名已遮蔽）")
    village_name: str
    programme_name: str
    star_level: str = Field(description="星级文明村的等级；其他项目为空")


class ProgrammeGroup(BaseModel):
    programme_name: str
    entries: list[Nominee]


class Notice(NoticeSummary):
    groups: list[ProgrammeGroup]


class HonourRoll(BaseModel):
    campaign_name: str
    number: str = Field(description="表彰决定的文号")
    issued_at: datetime
    version: int
    groups: list[ProgrammeGroup]


class VerifiedDocument(BaseModel):
    kind_name: str
    campaign_name: str
    version: int
    issued_at: datetime
    content_hash: str


class Me(BaseModel):
    """The login a token or session belongs to."""

    username: str
    name: str
    role: str
    village_id: str | None
    department: str | None
