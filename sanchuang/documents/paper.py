"""The paper channel: printable PDF forms for meetings held on paper — the panel's score sheet
(评审打分表) and the village assembly's attendance-and-vote sheet (村民代表会议签到及表决表).
The clerk enters the results afterwards by the code printed on each row.

Sheets show the public name only (households as "<head>家庭"), never ID numbers or phones."""

from __future__ import annotations

from dataclasses import dataclass

from models import paper_queries as q
from models.queries import latest_campaign_id
from models.store import Store
from sanchuang.documents.assembly_sheet import TITLE as ASSEMBLY_TITLE
from sanchuang.documents.assembly_sheet import AssemblySheet, assembly_story
from sanchuang.documents.pdf import Page, render
from sanchuang.documents.score_sheet import ScoreSheet, score_story
from workflows.errors import InvalidInput, NotFound
from workflows.policy import PROGRAMME_NAMES_ZH, Programme
from workflows.stages import STAGE_NAMES_ZH, Stage

CODE_LENGTH = 6
MAX_SIGN_IN_ROWS = 300
#: Nominations a village assembly still votes on: not yet past the township's first check.
BEFORE_PANEL = (Stage.DRAFT, Stage.SUBMITTED, Stage.RETURNED, Stage.PRELIMINARY_REVIEW)


@dataclass(frozen=True)
class ScoreSheetRequest:
    programme: str
    campaign_id: str | None = None  # None: the latest campaign
    reviewer_ids: tuple[str, ...] = ()  # none and not all_reviewers: one blank sheet
    all_reviewers: bool = False
    blind: bool = False
    stage: str = Stage.PANEL_REVIEW.value


def row_codes(ids: list[str], length: int = CODE_LENGTH) -> dict[str, str]:
    """The first ``length`` characters of each id, longer where two ids would share a code."""
    while length < max((len(i) for i in ids), default=0):
        codes = {i: i[:length] for i in ids}
        if len(set(codes.values())) == len(set(ids)):
            return codes
        length += 1
    return {i: i for i in ids}


def programme_key(text: str) -> str:
    """The programme's key from its key or its Chinese name (道德模范户 -> model_household);
    anything else is passed on for the campaign to refuse."""
    names = {name: p.value for p, name in PROGRAMME_NAMES_ZH.items()}
    return names.get(text.strip(), text.strip())


def resolve_campaign(store: Store, campaign_id: str | None) -> q.CampaignHeading:
    campaign_id = campaign_id or latest_campaign_id(store)
    if campaign_id is None:
        raise NotFound("还没有评选活动：先创建一次评选（或运行 sanchuang demo），再打印表格")
    return q.campaign_heading(store, campaign_id)


def _stage(value: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        names = "、".join(s.value for s in Stage)
        raise InvalidInput(f"没有阶段 {value}：可选 {names}") from None


def _reviewer_names(store: Store, request: ScoreSheetRequest) -> list[str | None]:
    if request.all_reviewers:
        names: list[str | None] = [a.name for a in q.reviewers(store)]
        if not names:
            raise NotFound("没有评委账号：先载入账号（sanchuang load-sample），"
                           "或不带 --all-reviewers 打印空白表")
        return names
    if request.reviewer_ids:
        return [q.reviewer(store, account).name for account in request.reviewer_ids]
    return [None]


def _rows_to_score(store: Store, campaign_id: str, programme: Programme, stage_value: str
                   ) -> list[q.SheetNomination]:
    stage = _stage(stage_value)
    rows = q.sheet_nominations(store, campaign_id, programme=programme.value,
                               stages=[stage.value])
    if not rows:
        raise InvalidInput(
            f"评选活动 {campaign_id} 的{PROGRAMME_NAMES_ZH[programme]}"
            f"没有处于“{STAGE_NAMES_ZH[stage]}”阶段的申报："
            "先由镇文明办初审通过（进入评审），或用 --stage 指定其他阶段")
    return rows


def score_sheet_pdf(store: Store, request: ScoreSheetRequest) -> bytes:
    """The panel score sheets of one programme as a PDF (A4 landscape)."""
    campaign = resolve_campaign(store, request.campaign_id)
    rubric = q.programme_rubric(campaign, request.programme)
    programme = Programme(request.programme)
    rows = _rows_to_score(store, campaign.id, programme, request.stage)
    reviewers = _reviewer_names(store, request)
    if request.blind:  # in code order: the village order would hint at who is who
        rows = sorted(rows, key=lambda r: r.id)
    categories = campaign.policy.programme(programme).categories
    sheet = ScoreSheet(campaign.name, PROGRAMME_NAMES_ZH[programme], rubric, rows,
                       row_codes([r.id for r in rows]),
                       with_category=bool(categories) or any(r.category for r in rows),
                       blind=request.blind)
    page = Page(f"{campaign.township}　{campaign.name}", wide=True)
    return render(page, score_story(sheet, page, reviewers), "评审打分表")


def assembly_sheet_pdf(store: Store, village_id: str, campaign_id: str | None = None,
                       sign_in_rows: int = 40) -> bytes:
    """A village assembly's sign-in and vote sheet as a PDF (A4 portrait)."""
    if not 1 <= sign_in_rows <= MAX_SIGN_IN_ROWS:
        raise InvalidInput(f"签到行数 {sign_in_rows} 不合理：请填 1 到 {MAX_SIGN_IN_ROWS} 之间的数")
    campaign = resolve_campaign(store, campaign_id)
    village = q.village(store, village_id)
    nominees = q.sheet_nominations(store, campaign.id, village_id=village.id,
                                   stages=[s.value for s in BEFORE_PANEL])
    if not nominees:
        raise InvalidInput(
            f"{village.name}在评选活动 {campaign.id} 中没有待村民代表会议表决的推荐对象"
            "（草稿、已申报、初审或退回补充阶段）：先在系统中录入推荐对象，再打印表决表")
    sheet = AssemblySheet(campaign.name, village, nominees,
                          row_codes([n.id for n in nominees]), sign_in_rows)
    page = Page(f"{campaign.township}　{campaign.name}")
    return render(page, assembly_story(sheet, page.frame_width), ASSEMBLY_TITLE)
