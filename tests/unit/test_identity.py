"""Rules for PRC resident ID numbers and mobile numbers."""

from datetime import date

import pytest

from workflows.disclosure import mask_id_number, mask_phone
from workflows.identity import (
    InvalidIdNumber,
    InvalidPhone,
    age_on,
    birth_date,
    check_character,
    validate_id_number,
    validate_phone,
)

GOOD_ID = "430522199001011235"  # 1990-01-01, male (sequence 123, odd)
GOOD_ID_ENDING_IN_X = "43052219850315002X"  # 1985-03-15, female (sequence 002, even)
STANDARD_EXAMPLE = "11010519491231002X"  # the worked example from GB 11643


@pytest.mark.parametrize("id_number", [GOOD_ID, GOOD_ID_ENDING_IN_X, STANDARD_EXAMPLE])
def test_valid_id_number_is_accepted_unchanged(id_number):
    assert validate_id_number(id_number) == id_number


def test_check_character_follows_gb_11643():
    assert check_character(GOOD_ID[:17]) == "5"
    assert check_character(GOOD_ID_ENDING_IN_X[:17]) == "X"
    assert check_character(STANDARD_EXAMPLE[:17]) == "X"


def test_lower_case_x_is_accepted_and_normalised_to_upper_case():
    assert validate_id_number(GOOD_ID_ENDING_IN_X.lower()) == GOOD_ID_ENDING_IN_X


def test_surrounding_whitespace_is_ignored():
    assert validate_id_number(f"  {GOOD_ID}\n") == GOOD_ID


def test_id_number_with_wrong_check_character_is_refused():
    with pytest.raises(InvalidIdNumber, match="校验码不对"):
        validate_id_number(GOOD_ID[:17] + "6")


def test_id_number_ending_in_x_where_a_digit_is_due_is_refused():
    with pytest.raises(InvalidIdNumber, match="校验码不对"):
        validate_id_number(GOOD_ID[:17] + "X")


@pytest.mark.parametrize("id_number", [GOOD_ID[:17], GOOD_ID + "1", "", "43052219900101"])
def test_id_number_of_wrong_length_is_refused(id_number):
    with pytest.raises(InvalidIdNumber, match="长度不对"):
        validate_id_number(id_number)


@pytest.mark.parametrize(
    "id_number", ["43052219900101123A", "4305221990O1011235", "X30522199001011235"]
)
def test_id_number_with_bad_characters_is_refused(id_number):
    with pytest.raises(InvalidIdNumber, match="非法字符"):
        validate_id_number(id_number)


def test_id_number_with_impossible_birth_date_is_refused():
    first17 = "43052219900230123"  # 30 February
    with pytest.raises(InvalidIdNumber, match="出生日期不存在"):
        validate_id_number(first17 + check_character(first17))


def test_id_number_born_in_the_future_is_refused():
    first17 = "43052221000101123"
    with pytest.raises(InvalidIdNumber, match="出生日期不合理"):
        validate_id_number(first17 + check_character(first17))


def test_refusal_message_shows_what_a_valid_number_looks_like():
    with pytest.raises(InvalidIdNumber) as refused:
        validate_id_number("123")
    message = str(refused.value)
    assert "18位" in message
    assert "430522199001011235" in message
    assert isinstance(refused.value, ValueError)


def test_birth_date_is_read_from_the_id_number():
    assert birth_date(GOOD_ID) == date(1990, 1, 1)
    assert birth_date(GOOD_ID_ENDING_IN_X.lower()) == date(1985, 3, 15)


def test_birth_date_of_invalid_id_number_is_refused():
    with pytest.raises(InvalidIdNumber):
        birth_date(GOOD_ID[:17] + "0")


def test_age_turns_over_on_the_birthday_itself():
    assert age_on(GOOD_ID_ENDING_IN_X, date(2025, 3, 14)) == 39
    assert age_on(GOOD_ID_ENDING_IN_X, date(2025, 3, 15)) == 40


def test_age_accepts_a_birth_date():
    assert age_on(date(2000, 12, 31), date(2025, 12, 30)) == 24
    assert age_on(date(2000, 12, 31), date(2025, 12, 31)) == 25


def test_leap_day_birthday_counts_from_first_of_march_in_common_years():
    assert age_on(date(2000, 2, 29), date(2025, 2, 28)) == 24
    assert age_on(date(2000, 2, 29), date(2025, 3, 1)) == 25


def test_age_before_birth_is_refused():
    with pytest.raises(ValueError, match="早于出生日期"):
        age_on(date(2000, 1, 2), date(2000, 1, 1))


def test_masking_keeps_exactly_first_six_and_last_four():
    masked = mask_id_number(GOOD_ID)
    assert masked == "430522********1235"
    assert len(masked) == 18
    assert masked.count("*") == 8


def test_masking_upper_cases_a_trailing_x():
    assert mask_id_number(GOOD_ID_ENDING_IN_X.lower()) == "430522********002X"


def test_masking_a_short_value_hides_all_but_the_last_four():
    assert mask_id_number("1234567") == "***4567"
    assert mask_id_number("123") == "***"


def test_mobile_number_is_masked_in_the_middle():
    assert mask_phone("13812345678") == "138****5678"


def test_other_phone_numbers_are_masked_except_the_last_four():
    assert mask_phone("0739-3621234") == "********1234"
    assert mask_phone("12345") == "*2345"


def test_valid_mobile_number_is_accepted():
    assert validate_phone("13812345678") == "13812345678"


def test_mobile_number_separators_and_country_code_are_removed():
    assert validate_phone("+86 138-1234-5678") == "13812345678"


@pytest.mark.parametrize(
    ("phone", "problem"),
    [
        ("1381234567", "长度不对"),
        ("138123456789", "长度不对"),
        ("12812345678", "号段不对"),
        ("23812345678", "号段不对"),
        ("1381234567a", "非数字"),
    ],
)
def test_invalid_mobile_number_is_refused(phone, problem):
    with pytest.raises(InvalidPhone, match=problem):
        validate_phone(phone)
