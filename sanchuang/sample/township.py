"""Deterministic, plausible seed data for one township next to the 新邵县 county seat.

47 villages and 2 residential committees, about 56,000 people in about 15,000
households by default. The same seed always gives the same township.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from workflows.identity import check_character

TOWNSHIP_CODE = "430522100"
TOWNSHIP_NAME = "新坪镇"
REGION_CODE = "430522"
REFERENCE_DAY = date(2026, 1, 1)
TARGET_POPULATION = 56_000
POPULATION_RANGE = (600, 1_800)
VILLAGE_NAMES = tuple(
    "湾里 杨柳 高桥 白水洞 石门 龙山 新田 塘湾 枫树 茶山 竹山 大坪 长塘 黄泥 清水 双江 "
    "太平 新桥 东山 松林 柏树 金竹 红旗 和平 马鞍 桃花 杉木 大塘 石桥 龙口 荷叶 樟树 "
    "三星 丰收 青山 田心 上湾 横塘 向阳 永丰 新民 陈家 罗家 油溪 楠木 铁山 莲花".split()
)
COMMUNITY_NAMES = ("城东社区居委会", "新坪社区居委会")
# Common surnames, weighted (one digit per surname; Hunan favourites 刘 陈 罗 唐 邓 曾 彭 肖).
SURNAMES = tuple("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢唐邓曾彭肖蒋袁邹谭廖")
SURNAME_CUMULATIVE = tuple(accumulate(int(w) for w in "7869863454323222222622245555533233"))
MALE_CHARS = tuple("伟强军勇杰涛斌波辉刚健明平华建国志文俊峰浩宇鹏磊超林海龙成德福顺泽")
FEMALE_CHARS = tuple("芳娟敏静丽艳霞玲红梅兰英秀燕萍琴莉婷雪慧颖琳洁欣怡佳雨桂凤菊")
MOBILE_PREFIXES = tuple("133 135 136 137 138 139 150 151 152 158 159 173 180 187 189 199".split())
HOUSEHOLD_SIZES = (1, 2, 3, 4, 5, 6, 7)
SIZE_CUMULATIVE = tuple(accumulate((7, 15, 24, 25, 17, 8, 4)))
GENDER_OF = {"子": "男", "女": "女", "父亲": "男", "母亲": "女", "孙子": "男", "孙女": "女"}
GENDER_OF |= {"儿媳": "女", "女婿": "男"}
CHILDREN, GRANDCHILDREN = ("子", "女"), ("孙子", "孙女")
GENERATION = range(20, 31)  # years between a parent and a child
MARRIED_IN = {"配偶", "母亲", "儿媳", "女婿"}


@dataclass(frozen=True)
class SamplePerson:
    code: str
    name: str
    gender: str
    id_number: str
    birth_date: date
    phone: str | None
    relation: str


@dataclass(frozen=True)
class SampleHousehold:
    code: str
    members: tuple[SamplePerson, ...]

    @property
    def head(self) -> SamplePerson:
        return next(member for member in self.members if member.relation == "户主")

    @property
    def display_name(self) -> str:
        return f"{self.head.name}家庭"


@dataclass(frozen=True)
class SampleVillage:
    code: str
    name: str
    kind: str
    population: int
    households: tuple[SampleHousehold, ...]


@dataclass(frozen=True)
class SampleTownship:
    code: str
    name: str
    villages: tuple[SampleVillage, ...]


@dataclass(frozen=True)
class _Role:
    relation: str
    gender: str
    age: int


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()

    def surname(self, dominant: tuple[str, ...] = ()) -> str:
        if dominant and self.rng.random() < 0.6:
            return self.rng.choice(dominant)
        return self.rng.choices(SURNAMES, cum_weights=SURNAME_CUMULATIVE)[0]

    def given_name(self, gender: str) -> str:
        chars = MALE_CHARS if gender == "男" else FEMALE_CHARS
        return "".join(self.rng.sample(chars, self.rng.choice((1, 2, 2, 2))))

    def id_number(self, born: date, gender: str) -> str:
        while True:
            serial = self.rng.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
            first17 = f"{REGION_CODE}{born:%Y%m%d}{serial:03d}"
            candidate = first17 + check_character(first17)
            if candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate

    def phone(self) -> str | None:
        if self.rng.random() < 0.08:
            return None
        while True:
            candidate = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if candidate not in self.used_phones:
                self.used_phones.add(candidate)
                return candidate

    def birth_date(self, age: int) -> date:
        """A day on which someone aged ``age`` on REFERENCE_DAY was born."""
        return date(REFERENCE_DAY.year - 1 - age, 1, 1) + timedelta(self.rng.randint(1, 364))

    def household_size(self, room: int) -> int:
        return min(room, self.rng.choices(HOUSEHOLD_SIZES, cum_weights=SIZE_CUMULATIVE)[0])

    def roles(self, size: int) -> list[_Role]:
        """户主 first, then relatives; ages and genders consistent with relations."""
        head_gender = "男" if self.rng.random() < 0.85 else "女"
        head_age = self.rng.randint(30, 75) if size > 1 else self.rng.randint(40, 75)
        roles = [_Role("户主", head_gender, head_age)]
        if size > 1:
            husband_older_by = self.rng.randint(-2, 6)
            if head_gender == "男":
                roles.append(_Role("配偶", "女", max(22, head_age - husband_older_by)))
            else:
                roles.append(_Role("配偶", "男", head_age + husband_older_by))
        parent_ages = tuple(role.age for role in roles)
        child_limit = 3 if head_age < 55 else 2
        while len(roles) < size and len(roles) < 2 + child_limit:
            roles.append(self.child(parent_ages, CHILDREN, GENERATION))
        children = roles[2:]
        if head_age < 55:
            roles += self.parents(head_age)[: size - len(roles)]
        else:
            roles += self.descendants(children, size - len(roles))
        return roles

    def child(self, parents: tuple[int, ...], relations: tuple[str, str], gap: range) -> _Role:
        """A child ``gap`` years younger than the first parent, never too close to any."""
        relation = self.rng.choice(relations)
        age = min(parents[0] - self.rng.choice(gap), min(parents) - gap.start)
        return _Role(relation, GENDER_OF[relation], max(0, age))

    def parents(self, head_age: int) -> list[_Role]:
        father = _Role("父亲", "男", min(96, head_age + self.rng.randint(24, 34)))
        mother = _Role("母亲", "女", min(96, head_age + self.rng.randint(22, 31)))
        return self.rng.sample([father, mother], 2)

    def descendants(self, children: list[_Role], room: int) -> list[_Role]:
        """A child's spouse (儿媳 or 女婿) and grandchildren for an older 户主."""
        if room <= 0 or not children:
            return []
        eldest = max(children, key=lambda role: role.age)
        in_law = "儿媳" if eldest.gender == "男" else "女婿"
        spouse_age = _clamp(eldest.age + self.rng.randint(-3, 3), 20, 60)
        generation = (eldest.age,)
        grandchildren = [self.child(generation, GRANDCHILDREN, GENERATION) for _ in range(room - 1)]
        return [_Role(in_law, GENDER_OF[in_law], spouse_age), *grandchildren]

    def household(self, code: str, size: int, dominant: tuple[str, ...]) -> SampleHousehold:
        roles = self.roles(size)
        head_surname = self.surname(dominant)
        spouse_surname = self.surname()
        paternal = head_surname if roles[0].gender == "男" else spouse_surname
        members = []
        for serial, role in enumerate(roles, start=1):
            if role.relation in MARRIED_IN:
                surname = spouse_surname if role.relation == "配偶" else self.surname()
            elif role.relation in {"户主", "父亲"}:
                surname = head_surname
            else:
                surname = paternal
            members.append(self.person(f"{code}{serial:02d}", surname, role))
        return SampleHousehold(code=code, members=tuple(members))

    def person(self, code: str, surname: str, role: _Role) -> SamplePerson:
        born = self.birth_date(role.age)
        phone = self.phone() if role.relation in {"户主", "配偶"} else None
        name = surname + self.given_name(role.gender)
        id_number = self.id_number(born, role.gender)
        return SamplePerson(code, name, role.gender, id_number, born, phone, role.relation)

    def sizes(self, target: int, households: int | None) -> list[int]:
        """Household sizes: exactly ``households`` of them, or summing to ``target``."""
        if households is not None:
            return [self.household_size(7) for _ in range(households)]
        sizes: list[int] = []
        remaining = target
        while remaining > 0:
            sizes.append(self.household_size(remaining))
            remaining -= sizes[-1]
        return sizes

    def village(self, code: str, name: str, target: int, households: int | None) -> SampleVillage:
        kind = "community" if name.endswith("居委会") else "village"
        dominant = tuple(self.rng.sample(SURNAMES[:28], self.rng.choice((1, 2))))
        built = tuple(
            self.household(f"{code}{serial:03d}", size, dominant)
            for serial, size in enumerate(self.sizes(target, households), start=1)
        )
        population = sum(len(household.members) for household in built)
        full_name = f"{name}村" if kind == "village" else name
        return SampleVillage(code, full_name, kind, population, built)

    def populations(self, count: int) -> list[int]:
        low, high = POPULATION_RANGE
        raw = [self.rng.randint(low, high) for _ in range(count)]
        scale = TARGET_POPULATION / sum(raw)
        return [_clamp(round(value * scale), low, high) for value in raw]


def generate_township(
    seed: int = 2026, households_per_village: int | None = None
) -> SampleTownship:
    """The seed township: 47 villages (codes ...201-247) and 2 communities (...001-002)."""
    if households_per_village is not None and not 1 <= households_per_village <= 999:
        raise ValueError("households_per_village 应在 1 到 999 之间")
    generator = _Generator(seed)
    units = [(f"{TOWNSHIP_CODE}{i:03d}", name) for i, name in enumerate(COMMUNITY_NAMES, 1)]
    units += [(f"{TOWNSHIP_CODE}{i:03d}", name) for i, name in enumerate(VILLAGE_NAMES, 201)]
    targets = generator.populations(len(units))
    villages = tuple(
        generator.village(code, name, target, households_per_village)
        for (code, name), target in zip(units, targets, strict=True)
    )
    return SampleTownship(code=TOWNSHIP_CODE, name=TOWNSHIP_NAME, villages=villages)
