"""The one masking policy: public output blanks ID numbers and phones out whole and shows
only the published fields; internal lists show an ID's first 6 and last 4."""

from __future__ import annotations

from workflows.disclosure import HIDDEN, leaks, mask_id_number, public_entry, public_text

ID = "430522199001011235"


def test_public_text_blanks_out_id_numbers_mobiles_and_landlines() -> None:
    text = public_text(f"身份证{ID}，电话 138 1234 5678，座机0739-6812345，邻居称赞。")
    for hidden in (ID, "5678", "6812345"):
        assert hidden not in text
    assert text.count(HIDDEN) == 3
    assert text.endswith("邻居称赞。")
    assert leaks(text) == []


def test_full_width_digits_are_read_as_digits() -> None:
    assert leaks(public_text("电话１３８１２３４５６７８")) == []


def test_a_public_entry_keeps_only_the_published_fields() -> None:
    entry = {"nomination_id": "n1", "display_name": "王建国家庭", "village_name": "湾里村",
             "programme": "model_household", "category": "", "star_level": "五星",
             "deeds": f"联系人{ID}", "id_number": ID, "phone": "13812345678",
             "address": "湾里村3组12号"}
    shown = public_entry(entry)
    assert set(shown) == {"nomination_id", "display_name", "village_name", "programme",
                          "category", "star_level", "deeds", "gender", "age"}
    assert shown["deeds"] == f"联系人{HIDDEN}"
    assert "湾里村3组12号" not in str(shown)


def test_internal_lists_show_the_first_six_and_the_last_four_of_an_id() -> None:
    assert mask_id_number(ID) == "430522********1235"
    assert leaks(mask_id_number(ID)) == []
