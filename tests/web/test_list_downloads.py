"""Everything public about a commended campaign — the public pages, the notice board's PDFs,
the list downloads — shows the names and never an ID number or a phone number of anyone in
the roster (a household head is renamed to carry a phone number in its name, too)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from staff_logins import create_logins, sign_in
from web_scenario import HOUSEHOLDS, Township, commended, in_publicity

from models import tables as t
from models.store import Store
from sanchuang.documents.files import write_campaign, write_lists
from sanchuang.web.app import create_app
from workflows.disclosure import leaks

PHONE_IN_NAME = "13907391234"


@pytest.fixture
def awarded(sqlite_store: Store, tmp_path: Path) -> Township:
    town = in_publicity(sqlite_store, tmp_path, {HOUSEHOLDS[0]: f"王{PHONE_IN_NAME}"})
    commended(town)
    return town


def secrets_of(store: Store) -> set[str]:
    """Every ID number and phone of the roster."""
    with store.sessions() as session:
        people = session.execute(select(t.PersonRow.id_number, t.PersonRow.phone)).all()
    return {value for person in people for value in person if value} | {PHONE_IN_NAME}


def file_text(path: Path) -> str:
    """The text a reader of this file sees: a document, a PDF, a sheet."""
    if path.suffix == ".pdf":
        return "".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(str(cell) for sheet in book.worksheets
                         for row in sheet.iter_rows(values_only=True) for cell in row if cell)
    return path.read_text(encoding="utf-8-sig")


def assert_public(text: str, secrets: set[str], where: str) -> None:
    assert leaks(text) == [], where
    assert not [s for s in secrets if s in text], where


def test_public_pages_pdfs_and_downloads_show_no_id_number_or_phone(
        awarded: Township, tmp_path: Path) -> None:
    secrets = secrets_of(awarded.store)
    assert len(secrets) > 100
    public = TestClient(create_app(awarded.system))
    for path in ("/", "/publicity", f"/publicity/{awarded.window_id}", "/honours",
                 "/campaigns", f"/campaigns/{awarded.campaign_id}/log"):
        page = public.get(path)
        assert page.status_code == 200, path
        assert_public(page.text, secrets, path)
    written = write_campaign(awarded.store, awarded.system.documents, awarded.campaign_id,
                             tmp_path / "out")
    assert {p.suffix for p in written} == {".html", ".pdf", ".xlsx", ".csv"}
    for path in written:
        assert_public(file_text(path), secrets, path.name)
    create_logins(awarded.store)
    staff = TestClient(create_app(awarded.system))
    sign_in(staff, "wenming")
    for kind in ("publicity", "commendation", "honour-roll"):
        sheet = staff.get(f"/township/exports/{kind}.csv")
        assert sheet.status_code == 200
        assert_public(sheet.content.decode("utf-8-sig"), secrets, kind)


def test_the_lists_open_in_excel_with_the_chinese_intact(awarded: Township,
                                                          tmp_path: Path) -> None:
    written = {p.name: p for p in write_lists(awarded.store, awarded.campaign_id, tmp_path)}
    raw = written["commendation-list.csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["序号", "评选项目", "名称", "所在村（居）"]
    names = {row[2] for row in rows[1:]}
    assert len(names) == 2
    assert "王［已隐去］家庭" in names
    book = load_workbook(written["publicity-list.xlsx"])
    cells = [[c.value for c in row] for row in book.active.iter_rows()]
    assert "公示名单" in str(cells[0][0])
    assert {row[2] for row in cells[2:]} == names


def test_the_commendation_page_links_the_downloads_for_staff_only(awarded: Township) -> None:
    create_logins(awarded.store)
    staff = TestClient(create_app(awarded.system))
    sign_in(staff, "wenming")
    page = staff.get("/township/commendation").text
    assert "/township/exports/commendation.xlsx" in page
    assert "/township/exports/honour-roll.csv" in page
    sheet = staff.get("/township/exports/commendation.xlsx")
    assert sheet.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in sheet.headers["content-disposition"]
    assert staff.get("/township/exports/secrets.csv").status_code == 404
    anonymous = TestClient(create_app(awarded.system))
    assert anonymous.get("/township/exports/commendation.csv",
                         follow_redirects=False).status_code in (303, 401, 403)
