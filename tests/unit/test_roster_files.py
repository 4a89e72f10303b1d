"""Reading roster files: CSV in the encodings Excel writes, the first sheet of an XLSX
workbook with formulas kept as text, and hostile files refused with a clear message."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook
from roster_rows import family, table

from sanchuang.policy.roster_files import template_csv
from sanchuang.runtime.tables_file import MAX_ROWS, TableFileError, read_table
from workflows.roster_columns import HEADERS


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    return "\r\n".join(",".join(r) for r in rows).encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    """The rows on the first sheet; a second sheet of notes that the import ignores."""
    book = Workbook()
    sheet = book.active
    for cells in rows:
        sheet.append(cells)
    book.create_sheet("说明").append(["这一页不导入"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_utf8_with_or_without_bom_and_gb18030_reads_the_same(encoding: str) -> None:
    rows = table(family())
    sheet = read_table(csv_bytes(rows, encoding), "花名册.csv")
    assert sheet.headers == HEADERS
    assert [list(cells) for _, cells in sheet.rows] == rows[1:]
    assert [n for n, _ in sheet.rows] == [2, 3, 4]


def test_blank_rows_are_skipped_and_the_rows_keep_their_numbers_in_the_file() -> None:
    rows = table(family())
    rows.insert(2, [""] * len(HEADERS))
    sheet = read_table(csv_bytes(rows, "utf-8"), "x.CSV")
    assert [n for n, _ in sheet.rows] == [2, 4, 5]


def test_xlsx_first_sheet_keeps_formulas_as_text_and_dates_as_iso() -> None:
    head = family()[0]
    cells: list[object] = list(head)
    cells[3] = '=HYPERLINK("http://evil.example","点我")'
    cells[7] = datetime(1980, 5, 6)
    cells[1] = 901
    sheet = read_table(xlsx_bytes([list(HEADERS), cells]), "花名册.xlsx")
    (number, read), = sheet.rows
    assert number == 2
    assert read[3] == '=HYPERLINK("http://evil.example","点我")'
    assert read[7] == "1980-05-06"
    assert read[1] == "901"
    assert read[4] == head[4]


def test_a_binary_renamed_xlsx_is_refused_clearly() -> None:
    with pytest.raises(TableFileError, match="这不是有效的 XLSX 文件（可能是改了扩展名"):
        read_table(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4, "花名册.xlsx")


def test_a_zip_that_unpacks_to_far_too_much_is_refused_before_parsing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (80 * 1024 * 1024))
    with pytest.raises(TableFileError, match="解压后过大"):
        read_table(out.getvalue(), "bomb.xlsx")


def test_a_zip_that_is_no_workbook_or_a_broken_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TableFileError, match="没有工作簿"):
        read_table(out.getvalue(), "a.xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not xml")
    with pytest.raises(TableFileError, match="无法读取这个 XLSX 文件"):
        read_table(out.getvalue(), "b.xlsx")


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"a,b\x00c\n", "x.csv", "含有二进制内容"),
    (b"\xff\xfe\x00\x00garbage", "x.csv", "二进制"),
    (b"", "x.csv", "文件是空的"),
    (b"a,b\n", "x.xls", "只接受 .xlsx 或 .csv"),
    (b"a,b\n", "x", "只接受 .xlsx 或 .csv"),
    (b"x" * (5 * 1024 * 1024 + 1), "x.csv", "文件太大"),
    ("a,\"" + "长" * 2000 + "\"\n", "x.csv", "内容太长的单元格"),
])
def test_hostile_or_wrong_files_give_a_clear_error(data: bytes | str, name: str,
                                                   message: str) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(TableFileError, match=message):
        read_table(raw, name)


def test_too_many_rows_are_refused() -> None:
    rows = [",".join(HEADERS)] + ["1,2"] * (MAX_ROWS + 1)
    with pytest.raises(TableFileError, match=f"最多 {MAX_ROWS} 行"):
        read_table("\n".join(rows).encode(), "big.csv")


def test_the_template_is_the_header_row_in_utf8_with_a_bom() -> None:
    data = template_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").strip() == ",".join(HEADERS)
    assert read_table(data, "模板.csv").headers == HEADERS
