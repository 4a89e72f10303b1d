"""Rules for the deterministic seed township."""

from collections import Counter
from datetime import date

import pytest

from sanchuang.sample.township import generate_township
from workflows.identity import age_on, birth_date, validate_id_number, validate_phone

REFERENCE_DAY = date(2026, 1, 1)
PARENT_RELATIONS = {"父亲", "母亲"}
CHILD_RELATIONS = {"子", "女"}
MALE_RELATIONS = {"子", "父亲", "孙子", "女婿"}
FEMALE_RELATIONS = {"女", "母亲", "孙女", "儿媳"}


@pytest.fixture(scope="module")
def township():
    return generate_township()


@pytest.fixture(scope="module")
def small():
    return generate_township(seed=7, households_per_village=3)


def households_of(township):
    return [household for village in township.villages for household in village.households]


def people_of(township):
    return [person for household in households_of(township) for person in household.members]


def age(person):
    return age_on(person.birth_date, REFERENCE_DAY)


def test_township_has_47_villages_and_2_residential_committees(township):
    kinds = Counter(village.kind for village in township.villages)
    assert kinds == {"village": 47, "community": 2}


def test_village_names_are_distinct_and_end_properly(township):
    names = [village.name for village in township.villages]
    assert len(set(names)) == 49
    for village in township.villages:
        suffix = "村" if village.kind == "village" else "居委会"
        assert village.name.endswith(suffix), village.name


def test_villages_from_the_source_document_are_present(township):
    names = {village.name for village in township.villages}
    assert {"湾里村", "杨柳村", "高桥村", "白水洞村"} <= names


def test_township_code_and_name_are_fixed(township):
    assert township.code == "430522100"
    assert township.name == "新坪镇"


def test_village_codes_are_twelve_digits_under_the_township(township):
    codes = [village.code for village in township.villages]
    assert len(set(codes)) == 49
    for village in township.villages:
        assert len(village.code) == 12
        assert village.code.isdigit()
        assert village.code.startswith(township.code)
    village_codes = sorted(v.code for v in township.villages if v.kind == "village")
    assert village_codes[0] == "430522100201"
    assert village_codes[-1] == "430522100247"


def test_household_and_person_codes_extend_their_parent_code(township):
    for village in township.villages:
        for serial, household in enumerate(village.households, start=1):
            assert household.code == f"{village.code}{serial:03d}"
            for number, person in enumerate(household.members, start=1):
                assert person.code == f"{household.code}{number:02d}"


def test_all_codes_are_unique(township):
    households = households_of(township)
    people = people_of(township)
    assert len({household.code for household in households}) == len(households)
    assert len({person.code for person in people}) == len(people)


def test_default_township_has_about_56000_people_in_about_15000_households(township):
    assert 50_000 <= len(people_of(township)) <= 62_000
    assert 13_500 <= len(households_of(township)) <= 16_500


def test_village_population_is_between_600_and_1800_and_matches_members(township):
    for village in township.villages:
        assert 600 <= village.population <= 1_800, village.name
        assert village.population == sum(len(h.members) for h in village.households)


def test_households_have_one_to_seven_members_mostly_three_to_five(township):
    sizes = Counter(len(household.members) for household in households_of(township))
    assert set(sizes) <= set(range(1, 8))
    assert sum(sizes[n] for n in (3, 4, 5)) > 0.5 * sum(sizes.values())


def test_every_household_has_exactly_one_head(township):
    for household in households_of(township):
        heads = [person for person in household.members if person.relation == "户主"]
        assert len(heads) == 1, household.code
        assert household.head is heads[0]
        assert household.display_name == f"{heads[0].name}家庭"


def test_every_id_number_is_valid_unique_and_matches_birth_date_and_gender(township):
    people = people_of(township)
    assert len({person.id_number for person in people}) == len(people)
    for person in people:
        assert validate_id_number(person.id_number) == person.id_number
        assert person.id_number.startswith("430522")
        assert birth_date(person.id_number) == person.birth_date
        expected_gender = "男" if int(person.id_number[16]) % 2 else "女"
        assert person.gender == expected_gender, person.code


def test_genders_are_consistent_with_relations(township):
    for household in households_of(township):
        head = household.head
        for person in household.members:
            if person.relation == "配偶":
                assert person.gender != head.gender
            elif person.relation in MALE_RELATIONS:
                assert person.gender == "男", person.relation
            elif person.relation in FEMALE_RELATIONS:
                assert person.gender == "女", person.relation


def test_ages_are_realistic_for_each_relation(township):
    for household in households_of(township):
        head_age = age(household.head)
        assert 30 <= head_age <= 75
        for person in household.members:
            if person.relation == "配偶":
                assert abs(age(person) - head_age) <= 10
            elif person.relation in CHILD_RELATIONS:
                assert 18 <= head_age - age(person) <= 30
            elif person.relation in PARENT_RELATIONS:
                assert 18 <= age(person) - head_age <= 40


def test_children_of_a_male_head_take_his_surname(township):
    for household in households_of(township):
        head = household.head
        if head.gender == "男":
            for person in household.members:
                if person.relation in CHILD_RELATIONS:
                    assert person.name[0] == head.name[0], household.code


def test_names_are_a_surname_and_one_or_two_given_characters(township):
    for person in people_of(township):
        assert 2 <= len(person.name) <= 3


def test_villages_have_dominant_surnames(township):
    for village in township.villages:
        surnames = Counter(household.head.name[0] for household in village.households)
        top_two = sum(count for _, count in surnames.most_common(2))
        assert top_two >= 0.3 * len(village.households), village.name


def test_only_heads_and_spouses_have_phones_and_they_are_valid_and_unique(township):
    phones = []
    for person in people_of(township):
        if person.phone is None:
            continue
        assert person.relation in {"户主", "配偶"}
        assert validate_phone(person.phone) == person.phone
        phones.append(person.phone)
    assert len(set(phones)) == len(phones)
    assert len(phones) > 0.8 * len(households_of(township))


def test_households_per_village_is_honoured(small):
    assert len(small.villages) == 49
    for village in small.villages:
        assert len(village.households) == 3


@pytest.mark.parametrize("count", [0, 1000])
def test_households_per_village_out_of_range_is_refused(count):
    with pytest.raises(ValueError, match="households_per_village"):
        generate_township(households_per_village=count)


def test_same_seed_gives_identical_township(small):
    assert generate_township(seed=7, households_per_village=3) == small


def test_default_seed_is_reproducible(township):
    again = generate_township()
    assert [p.id_number for p in people_of(again)] == [p.id_number for p in people_of(township)]


def test_different_seed_gives_different_people(small):
    other = generate_township(seed=8, households_per_village=3)
    assert [p.name for p in people_of(other)] != [p.name for p in people_of(small)]
    assert {p.id_number for p in people_of(other)} != {p.id_number for p in people_of(small)}


def test_village_codes_are_stable_for_a_seed(small):
    again = generate_township(seed=7, households_per_village=1)
    assert [(v.code, v.name) for v in again.villages] == [(v.code, v.name) for v in small.villages]
