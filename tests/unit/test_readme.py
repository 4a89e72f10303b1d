"""The README's stage diagram is the stage table, not a drawing that drifts from it."""

from pathlib import Path

from workflows.stages import mermaid

README = Path(__file__).parents[2] / "README.md"


def test_readme_stage_diagram_is_generated_from_the_stage_table() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert block == mermaid()


def test_readme_names_the_ci_test_command() -> None:
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    last = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last.strip() in README.read_text(encoding="utf-8")
