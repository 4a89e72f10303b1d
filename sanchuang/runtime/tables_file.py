"""Reading an uploaded table (CSV or the first sheet of an XLSX workbook) into text cells.

Every cell comes back as text: a formula as the text of the formula (never evaluated), a
date as YYYY-MM-DD, a whole number without ``.0``. A file that is not what it says, too
big, too long, unpacks to too much, or holds binary gives a ``TableFileError`` whose
message says what is wrong; nothing else is raised for bad content.

CSV is read as UTF-8 (with or without BOM), else as GB18030 (what Excel on a Chinese
Windows saves).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook

from workflows.roster_import import Sheet

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 40
MAX_CELL = 1000
MAX_UNPACKED = 60 * 1024 * 1024
MAX_MEMBERS = 200
ZIP_MAGIC = b"PK\x03\x04"
UTF8_BOM = b"\xef\xbb\xbf"
KINDS = ("csv", "xlsx")


class TableFileError(ValueError):
    """The file cannot be read as a table; the message is for the person who uploaded it."""


def kind_of(filename: str) -> str:
    kind = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if kind not in KINDS:
        raise TableFileError("只接受 .xlsx 或 .csv 文件（Excel 请另存为 .xlsx 或 CSV UTF-8）")
    return kind


def read_table(data: bytes, filename: str) -> Sheet:
    kind = kind_of(filename)
    if not data:
        raise TableFileError("文件是空的")
    if len(data) > MAX_BYTES:
        raise TableFileError(f"文件太大：最大 {MAX_BYTES // (1024 * 1024)} MB，请分成几个文件导入")
    rows = xlsx_rows(data) if kind == "xlsx" else csv_rows(data)
    return sheet(rows)


def sheet(rows: Iterable[list[str]]) -> Sheet:
    """Header row first; blank rows skipped, numbered as in the file."""
    headers: tuple[str, ...] | None = None
    body = []
    for number, cells in enumerate(rows, start=1):
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            raise TableFileError(f"第{number}行的列数太多：最多 {MAX_COLUMNS} 列")
        if any(len(c) > MAX_CELL for c in cells):
            raise TableFileError(f"第{number}行有内容太长的单元格（超过 {MAX_CELL} 个字符）")
        if not any(c.strip() for c in cells):
            continue
        if headers is None:
            if number != 1:
                raise TableFileError("第1行应为列名（可下载模板对照）")
            headers = tuple(cells)
            continue
        body.append((number, tuple(cells[:MAX_COLUMNS])))
        if len(body) > MAX_ROWS:
            raise TableFileError(f"行数太多：最多 {MAX_ROWS} 行，请分成几个文件导入")
    if headers is None:
        raise TableFileError("文件中没有内容")
    return Sheet(headers, tuple(body))


def decode(data: bytes) -> str:
    if b"\x00" in data:
        raise TableFileError("这不是文本格式的 CSV 文件（含有二进制内容）")
    encodings: tuple[str, ...] = ("utf-8", "gb18030")
    if data.startswith(UTF8_BOM):
        encodings = ("utf-8-sig",)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
            break
        return text
    raise TableFileError("无法识别文件的编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")


def csv_rows(data: bytes) -> list[list[str]]:
    text = decode(data)
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as wrong:
        raise TableFileError(f"CSV 格式有误：{wrong}") from None


def xlsx_rows(data: bytes) -> list[list[str]]:
    if not data.startswith(ZIP_MAGIC):
        raise TableFileError("这不是有效的 XLSX 文件（可能是改了扩展名的其他文件）："
                             "请用 Excel 另存为 .xlsx 后再导入")
    check_archive(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            return list(xlsx_cells(book.worksheets[0]))
        finally:
            book.close()
    except TableFileError:
        raise
    except Exception:  # any failure to parse a hostile workbook is the file's
        raise TableFileError("无法读取这个 XLSX 文件：文件可能已损坏，"
                             "请用 Excel 打开后另存为 .xlsx 再导入") from None


def check_archive(data: bytes) -> None:
    """Refuse what unpacks to far more than a roster could: a zip bomb, or no workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise TableFileError("这不是有效的 XLSX 文件（压缩包已损坏）") from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise TableFileError("XLSX 文件解压后过大，不像是花名册：请检查文件")
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise TableFileError("这不是有效的 XLSX 文件（压缩包中没有工作簿）")


def xlsx_cells(worksheet: Any) -> Iterable[list[str]]:
    for count, values in enumerate(worksheet.iter_rows(values_only=True)):
        if count > MAX_ROWS + 1:
            raise TableFileError(f"行数太多：最多 {MAX_ROWS} 行，请分成几个文件导入")
        yield [text(v) for v in values[:MAX_COLUMNS + 1]]


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)
