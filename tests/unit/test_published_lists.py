"""Frozen public lists: the content hash covers every public field and the meta, and the
difference between two versions names what was added, removed and changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from workflows.publicity import PUBLIC_FIELDS, PublishedList, content_hash, diff

WANLI = {"nomination_id": "n-wanli", "display_name": "湾里村", "village_name": "湾里村",
         "programme": "star_village", "category": "", "star_level": 3,
         "deeds": "村规民约修订，红白理事会运转良好"}
WANG = {"nomination_id": "n-wang", "display_name": "王建国家庭", "village_name": "湾里村",
        "programme": "model_household", "category": "孝老爱亲", "star_level": None,
        "deeds": "照顾瘫痪婆婆十二年"}
META = {"round": 1, "starts_on": "2026-11-20"}
NOTICE = PublishedList("d-1", "c-2026", "publicity_notice", 1, (WANLI, WANG),
                       content_hash((WANLI, WANG), META), datetime(2026, 11, 20, tzinfo=UTC), META)
PINNED = "8661f564ac8155d44eb1774e963f6e36936ef73185db78da76e2aa2c59f50445"


def test_the_hash_of_a_known_notice_is_pinned() -> None:
    assert NOTICE.content_hash == PINNED


def changed(value: Any) -> Any:
    if value is None:
        return 4
    return value + 1 if isinstance(value, int) else f"{value}（改）"


@pytest.mark.parametrize("name", PUBLIC_FIELDS)
def test_changing_any_public_field_changes_the_hash(name: str) -> None:
    edited = {**WANG, name: changed(WANG[name])}
    assert content_hash((WANLI, edited), META) != content_hash((WANLI, WANG), META)


@pytest.mark.parametrize("meta", [
    {"round": 2, "starts_on": "2026-11-20"},
    {"round": 1, "starts_on": "2026-11-21"},
    {"round": 1},
    {**META, "township": "新坪镇"},
])
def test_changing_the_meta_changes_the_hash(meta: dict[str, Any]) -> None:
    assert content_hash((WANLI, WANG), meta) != content_hash((WANLI, WANG), META)


def version_two(*entries: dict[str, Any]) -> PublishedList:
    return replace(NOTICE, id="d-2", version=2, entries=entries,
                   content_hash=content_hash(entries, META))


def test_the_difference_names_what_a_new_version_added_removed_and_changed() -> None:
    chen = {**WANG, "nomination_id": "n-chen", "display_name": "陈志强家庭",
            "village_name": "石门村", "category": "助人为乐", "deeds": "义务修路三公里"}
    wang = {**WANG, "deeds": "照顾瘫痪婆婆十三年"}
    assert diff(NOTICE, version_two(wang, chen)) == {
        "added": [chen], "removed": [WANLI], "changed": [wang]}


def test_a_new_version_with_the_same_entries_differs_in_nothing() -> None:
    again = replace(version_two(WANG, WANLI), meta={"round": 2, "starts_on": "2026-12-01"})
    assert diff(NOTICE, again) == {"added": [], "removed": [], "changed": []}


def test_the_difference_lists_entries_in_the_order_of_the_lists() -> None:
    first, second = ({**WANG, "nomination_id": f"n-{i}"} for i in (1, 2))
    assert diff(NOTICE, version_two(second, WANG, first, WANLI))["added"] == [second, first]
    assert diff(version_two(second, first), NOTICE)["removed"] == [second, first]
