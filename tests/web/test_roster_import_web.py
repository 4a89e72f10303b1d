"""Importing a roster file on the site: a clean file shows up on the village's roster; a
file with any bad row imports nothing and the page names the row; refusals of forms
without a token, another village's rows, and a file that is not what it says."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from staff_logins import create_logins, form_token_of, sign_in
from web_scenario import Township

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))

from roster_rows import OTHER_VILLAGE, VILLAGE, family, id_number, row, table

from models import village_queries as q
from sanchuang.web.app import create_app
from workflows.roster_columns import HEADERS

PATH = "/village/roster/import"


def signed_in(town: Township, username: str) -> TestClient:
    create_logins(town.store)
    client = TestClient(create_app(town.system))
    sign_in(client, username)
    return client


def csv_file(rows: list[list[str]]) -> bytes:
    return "\r\n".join(",".join(r) for r in table(rows)).encode("utf-8-sig")


def upload(client: TestClient, data: bytes, name: str = "花名册.csv",
           token: str | None = None) -> object:
    token = form_token_of(client, PATH) if token is None else token
    return client.post(PATH, data={"csrf_token": token},
                       files={"roster": (name, data, "application/octet-stream")})


def households(town: Township, village: str = VILLAGE) -> int:
    return q.roster_page(town.store, village, 1, 1)[0]


def last_roster_page(client: TestClient) -> str:
    first = client.get("/village/roster").text
    last = re.search(r"<span>1 / (\d+)</span>", first)
    assert last, first
    return client.get(f"/village/roster?page={last.group(1)}").text


def test_a_clean_file_is_imported_and_shows_on_the_villages_roster(town: Township) -> None:
    client = signed_in(town, "clerk")
    before = households(town)
    page = upload(client, csv_file(family()))
    assert page.status_code == 200, page.text
    assert "导入成功" in page.text
    assert "新增户数：1" in page.text
    assert "新增人数：3" in page.text
    assert households(town) == before + 1
    roster = last_roster_page(client)
    head = family()[0][4]
    assert "张建国户" in roster
    assert "李秀英" in roster
    assert head[:6] + "********" + head[-4:] in roster
    assert head not in roster


def test_one_bad_row_imports_nothing_and_the_report_names_it(town: Township) -> None:
    client = signed_in(town, "clerk")
    before = households(town)
    rows = family()
    bad = rows[2][4][:-1] + ("0" if rows[2][4][-1] != "0" else "1")
    rows[2][4] = bad
    page = upload(client, csv_file(rows))
    assert page.status_code == 400
    assert "未导入任何数据" in page.text
    cells = re.findall(r"<td>([^<]*)</td>", page.text.split('class="columns"')[0])
    assert cells[:3] == ["4", "身份证号", bad[:6] + "********" + bad[-4:]]
    assert "校验码不对" in cells[3]
    assert bad not in page.text
    assert households(town) == before


def test_importing_the_same_file_twice_is_refused_row_by_row(town: Township) -> None:
    client = signed_in(town, "clerk")
    assert upload(client, csv_file(family())).status_code == 200
    again = upload(client, csv_file(family()))
    assert again.status_code == 400
    assert again.text.count("花名册中已有此人") == 3


def test_without_the_form_token_the_import_is_refused(town: Township) -> None:
    client = signed_in(town, "clerk")
    before = households(town)
    assert upload(client, csv_file(family()), token="").status_code == 403
    assert households(town) == before


def test_a_clerk_importing_another_villages_rows_gets_errors(town: Township) -> None:
    client = signed_in(town, "clerk")
    before = households(town, OTHER_VILLAGE)
    page = upload(client, csv_file(family("903", village=OTHER_VILLAGE)))
    assert page.status_code == 400
    assert page.text.count("不是本村（居）的人员") == 3
    assert households(town, OTHER_VILLAGE) == before


def test_the_secretariat_may_import_any_village(town: Township) -> None:
    client = signed_in(town, "wenming")
    before = households(town, OTHER_VILLAGE)
    rows = family("903", village=OTHER_VILLAGE) + family("904", k="3")
    page = upload(client, csv_file(rows))
    assert page.status_code == 200, page.text
    assert "新增户数：2" in page.text
    assert households(town, OTHER_VILLAGE) == before + 1


def test_a_binary_renamed_xlsx_is_a_clear_error(town: Township) -> None:
    client = signed_in(town, "clerk")
    page = upload(client, b"MZ\x90\x00" + bytes(range(256)) * 8, "花名册.xlsx")
    assert page.status_code == 400
    assert "这不是有效的 XLSX 文件（可能是改了扩展名的其他文件）" in page.text


def test_an_xlsx_workbook_is_imported(town: Township) -> None:
    book = Workbook()
    book.active.append(list(HEADERS))
    for cells in family("905"):
        book.active.append(cells)
    out = io.BytesIO()
    book.save(out)
    page = upload(signed_in(town, "clerk"), out.getvalue(), "花名册.xlsx")
    assert page.status_code == 200, page.text
    assert "新增人数：3" in page.text


def test_the_form_offers_the_template_and_the_menu_lists_the_page(town: Township) -> None:
    client = signed_in(town, "clerk")
    form = client.get(PATH)
    assert 'href="/village/roster/template.csv"' in form.text
    assert 'name="csrf_token"' in form.text
    assert "身份证号" in form.text
    assert f'href="{PATH}"' in client.get("/desk").text
    template = client.get("/village/roster/template.csv")
    assert template.content.startswith(b"\xef\xbb\xbf")
    assert template.content.decode("utf-8-sig").strip() == ",".join(HEADERS)


@pytest.mark.parametrize("username", ["reviewer", "police", "dangwei"])
def test_other_roles_may_not_import(town: Township, username: str) -> None:
    client = signed_in(town, username)
    assert client.get(PATH).status_code == 403


def test_a_formula_cell_is_reported_as_text(town: Township) -> None:
    formula = '=HYPERLINK("http://evil.example","点我")'
    rows = [row(name=formula, number=id_number("19800506", "131"))]
    page = upload(signed_in(town, "clerk"), csv_file(rows).replace(
        formula.encode(), b'"' + formula.replace('"', '""').encode() + b'"'))
    assert page.status_code == 400
    assert "=HYPERLINK(&#34;http://evil.example&#34;,&#34;点我&#34;)" in page.text
    assert "像是公式" in page.text
