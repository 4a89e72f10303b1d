"""The default campaign policy, built from the township's published plan.

It is the same policy as the shipped file ``sanchuang/rubrics/campaign-default.yaml`` (the file
a township edits); ``tests/unit/test_rubric_files.py`` keeps the two equal."""

from __future__ import annotations

from workflows.policy import (
    Band,
    CampaignPolicy,
    Criterion,
    Programme,
    ProgrammePolicy,
    Quota,
    Rubric,
)

TEN_STAR_CRITERIA = (
    ("patriotic", "爱党爱国"), ("law_abiding", "遵纪守法"), ("honest", "诚实守信"),
    ("hardworking", "勤劳致富"), ("filial", "孝老爱亲"), ("helpful", "助人为乐"),
    ("clean", "环保卫生"), ("thrifty", "勤俭节约"), ("new_customs", "移风易俗"),
    ("courteous", "文明礼貌"),
)

VILLAGE_DIMENSIONS = (
    ("party_building", "党建"), ("integrity", "廉洁守法"), ("safety", "平安法治"),
    ("ecology", "生态"), ("village_customs", "村风"),
)

EXEMPLAR_CATEGORIES = ("助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲")


def default_policy() -> CampaignPolicy:
    household = Rubric(
        style="stars",
        criteria=tuple(Criterion(k, n) for k, n in TEN_STAR_CRITERIA),
        award_threshold=8,
        bands=(Band("铜星", 5), Band("银星", 8), Band("金星", 10)),
    )
    village = Rubric(
        style="stars",
        criteria=tuple(Criterion(k, n, 100) for k, n in VILLAGE_DIMENSIONS),
        star_mark=80,
        award_threshold=3,
    )
    exemplar = Rubric(
        style="points",
        criteria=(
            Criterion("deeds", "事迹突出", 40), Criterion("influence", "社会影响", 30),
            Criterion("public_opinion", "群众评价", 30),
        ),
        apply_threshold=None,
        award_threshold=85,
    )
    return CampaignPolicy(
        programmes={
            Programme.STAR_VILLAGE: ProgrammePolicy(Programme.STAR_VILLAGE, village, Quota(10, 15)),
            Programme.MODEL_HOUSEHOLD: ProgrammePolicy(
                Programme.MODEL_HOUSEHOLD, household, Quota(6, 10)
            ),
            Programme.MORAL_EXEMPLAR: ProgrammePolicy(
                Programme.MORAL_EXEMPLAR, exemplar, Quota(2, 4), EXEMPLAR_CATEGORIES, min_age=16,
                posthumous_exempt=True,
            ),
        },
        publicity_days=7,
        panel_quorum=3,
        stage_deadline_days={
            "preliminary_review": 10, "panel_review": 10, "returned_for_revision": 5,
        },
    )
