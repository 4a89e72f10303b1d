"""Three years running, and only unbroken and unrevoked, are flagged for the county."""

from datetime import date

from workflows.county_recommendation import three_years_running
from workflows.title_record import TitleRecord


def title(subject: str, year: int, status: str = "active") -> TitleRecord:
    return TitleRecord(f"n-{subject}-{year}", subject, "model_household", "金星", year,
                       date(year, 12, 1), status=status)


def test_only_unbroken_unrevoked_runs_of_three_are_flagged() -> None:
    titles = [title("h-wang", 2024), title("h-wang", 2025), title("h-wang", 2026),
              title("h-liu", 2024), title("h-liu", 2026),
              title("h-li", 2024), title("h-li", 2025), title("h-li", 2026, "revoked"),
              title("h-chen", 2023), title("h-chen", 2024), title("h-chen", 2025)]
    assert three_years_running(titles, 2026) == ["h-wang"]
    assert three_years_running(titles, 2025) == ["h-chen"]
