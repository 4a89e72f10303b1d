"""``sanchuang roster import``: a file with a bad row is reported and exits 2 with nothing
imported; a clean file is imported and the counts printed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))

from roster_rows import OTHER_VILLAGE, VILLAGE, family, table

from models import village_queries as q
from sanchuang.bootstrap import System
from sanchuang.cli.app import app
from sanchuang.sample.roster import load_sample

runner = CliRunner()


@pytest.fixture
def system(cli_system: System) -> System:
    load_sample(cli_system.store, households_per_village=2)
    return cli_system


def households(system: System, village: str = VILLAGE) -> int:
    return q.roster_page(system.store, village, 1, 1)[0]


def write(tmp_path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "花名册.csv"
    path.write_bytes("\r\n".join(",".join(r) for r in table(rows)).encode(encoding))
    return path


def test_a_clean_file_is_imported_and_the_counts_printed(system: System,
                                                         tmp_path: Path) -> None:
    rows = family() + family("903", village=OTHER_VILLAGE, k="2")
    result = runner.invoke(app, ["roster", "import", str(write(tmp_path, rows, "gb18030"))])
    assert result.exit_code == 0, result.output
    assert "已导入：6 行，新增 2 户、6 人" in result.stdout
    assert households(system) == 3
    assert households(system, OTHER_VILLAGE) == 3


def test_a_bad_row_exits_2_with_the_report_and_nothing_imported(system: System,
                                                                 tmp_path: Path) -> None:
    rows = family()
    rows[1][7] = "1982-13-04"
    result = runner.invoke(app, ["roster", "import", str(write(tmp_path, rows))])
    assert result.exit_code == 2, result.output
    assert "没有这一天" in result.stdout
    assert "1982-13-04" in result.stdout
    assert "未执行：文件中有 1 处问题（共 3 行数据），未导入任何数据" in result.stderr
    assert households(system) == 2


def test_with_village_only_that_villages_rows_may_be_imported(system: System,
                                                             tmp_path: Path) -> None:
    path = write(tmp_path, family("903", village=OTHER_VILLAGE))
    result = runner.invoke(app, ["roster", "import", str(path), "--village", VILLAGE])
    assert result.exit_code == 2, result.output
    assert "未执行：文件中有 3 处问题" in result.stderr
    assert households(system, OTHER_VILLAGE) == 2
    unknown = runner.invoke(app, ["roster", "import", str(path), "--village", "430522999999"])
    assert unknown.exit_code == 2
    assert "本镇没有村（居）代码 430522999999" in unknown.stderr


def test_a_file_that_is_not_a_table_exits_2(system: System, tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["roster", "import", str(path)])
    assert result.exit_code == 2
    assert "这不是有效的 XLSX 文件" in result.stderr
    missing = runner.invoke(app, ["roster", "import", str(tmp_path / "无.csv")])
    assert missing.exit_code == 2
    assert "无法读写文件" in missing.stderr
