"""The notice board's PDFs (publicity notice, commendation decision, certificates), read
back: the honourees' names are there as text, every font is embedded, and no ID number or
phone number slipped in from the deeds."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from sanchuang.documents.certificate_pdf import certificate_pdf, certificates
from sanchuang.documents.fonts import FontMissing, cjk_font_file
from sanchuang.documents.html_pdf import document_pdf
from sanchuang.documents.notice_pdf import decision_pdf, publicity_pdf
from sanchuang.documents.wording import title_name, window_sentence
from workflows.calendar import SHANGHAI
from workflows.disclosure import leaks

ID, MOBILE = "430522199001011235", "13812345678"
ENTRIES = [
    {"nomination_id": "a1", "display_name": "王建国家庭", "village_name": "湾里村",
     "programme": "model_household", "category": "", "star_level": "五星",
     "deeds": f"孝老爱亲，邻里和睦（户主身份证{ID}，电话{MOBILE}）", "id_number": ID},
    {"nomination_id": "a2", "display_name": "李秀英", "village_name": "杨柳村",
     "programme": "moral_exemplar", "category": "孝老爱亲", "star_level": None,
     "gender": "女", "age": "58岁",
     "deeds": "照顾瘫痪婆婆二十年", "phone": MOBILE},
    {"nomination_id": "a3", "display_name": "新田村", "village_name": "新田村",
     "programme": "star_village", "category": "", "star_level": "5星",
     "deeds": "村规民约落实到户"},
]
GROUPS = [{"programme": "star_village", "programme_name": "星级文明村",
           "title_name": title_name("star_village", "5星"), "unit": "个村（居）",
           "entries": ENTRIES[2:]},
          {"programme": "model_household", "programme_name": "道德模范户",
           "title_name": "道德模范户", "unit": "户家庭", "entries": ENTRIES[:1]},
          {"programme": "moral_exemplar", "programme_name": "道德标兵",
           "title_name": "道德标兵", "unit": "名同志", "entries": ENTRIES[1:2]}]
BASE: dict[str, Any] = {"township": "新坪镇", "campaign": {"name": "2026年度“三创”评选活动",
                                                           "year": 2026}}
ORGANS = ["中共新坪镇委员会", "新坪镇人民政府"]


def publicity() -> bytes:
    notice = {"title": "关于2026年度“三创”评选活动拟命名名单的公示", "basis": "根据通知",
              "procedure": "村级推荐、镇党委审定", "opens_on": date(2026, 9, 30),
              "closes_on": date(2026, 10, 12), "objection_deadline": date(2026, 10, 12),
              "window": window_sentence(date(2026, 9, 30), date(2026, 10, 12),
                                        datetime(2026, 10, 13, tzinfo=SHANGHAI), 5, "working"),
              "objection_closing": "10月12日24时",
              "contact": {"phone": "0739-6812345", "email": "wmb@xinping.example",
                          "address": "新坪镇人民政府三楼"},
              "issued_by": ORGANS, "issued_on": date(2026, 9, 29), "version": 1,
              "content_hash": "ab" * 32}
    return publicity_pdf({**BASE, "notice": notice, "groups": GROUPS})


def decision() -> dict[str, Any]:
    return {"number": "新坪发〔2026〕12号", "title": "关于表彰2026年度先进的决定",
            "addressee": "各村（居）", "background": "为推进“三创”活动",
            "procedure": "村级推荐、公示", "issued_by": ORGANS,
            "issued_on": date(2026, 10, 20), "version": 1, "content_hash": "cd" * 32}


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def all_pdfs() -> dict[str, bytes]:
    found = {"publicity": publicity(),
             "decision": decision_pdf({**BASE, "decision": decision(), "groups": GROUPS})}
    for cert in certificates(decision(), BASE["campaign"], GROUPS):
        found[cert.honouree] = certificate_pdf(cert)
    found["launch"] = document_pdf(LAUNCH, "关于开展2026年度“三创”评选活动的通知", "新坪镇")
    return found


LAUNCH = """<html><head><title>x</title><style>p { color: red }</style></head><body>
<div class="red-head"><div class="single">中共新坪镇委员会文件</div></div>
<p class="doc-number">新坪发〔2026〕3号</p>
<h1 class="doc-title">关于开展2026年度“三创”评选活动的通知</h1>
<p class="section">五、名额</p>
<p class="para">道德模范户：每村（居）推荐不超过 3 户 &lt;b&gt;（以正式通知为准）</p>
<table><tr><td>项目</td><td>名额</td></tr></table>
</body></html>"""


def test_an_html_document_is_laid_out_again_as_a_pdf_in_its_order() -> None:
    text = text_of(all_pdfs()["launch"]).replace("\n", "")
    for part in ("中共新坪镇委员会文件", "新坪发〔2026〕3号", "五、名额",
                 "关于开展2026年度“三创”评选活动的通知", "每村（居）推荐不超过 3 户 <b>"):
        assert part in text, part
    assert re.search(r"项目\s名额", text), "a table row's cells, in order"
    assert text.index("五、名额") < text.index("每村（居）推荐")
    assert "color: red" not in text


def test_the_notice_and_the_decision_name_every_honouree_without_ids_or_phones() -> None:
    for name in ("publicity", "decision"):
        text = text_of(all_pdfs()[name])
        assert "王建国家庭" in text
        assert "李秀英" in text
        assert ID not in text
        assert MOBILE not in text
        assert leaks(text) == []
    assert "孝老爱亲，邻里和睦" in text_of(publicity())


def test_one_certificate_per_honouree_with_the_title_awarded() -> None:
    pdfs = all_pdfs()
    assert "五星道德模范户" in text_of(pdfs["王建国家庭"])
    text = text_of(pdfs["李秀英"])
    for shown in ("荣", "李秀英", "道德标兵"):
        assert shown in text
    assert len(PdfReader(BytesIO(pdfs["李秀英"])).pages) == 1


def test_levels_and_the_window_read_as_the_html_documents_do() -> None:
    pdfs = all_pdfs()
    notice = text_of(pdfs["publicity"]).replace("\n", "")
    decision_text = text_of(pdfs["decision"]).replace("\n", "")
    assert "公示期为2026年9月30日至10月12日（5个工作日），10月12日24时截止。" in notice
    assert "五星级" in notice
    assert "授予新田村“五星级文明村”称号" in decision_text
    for text in (notice, decision_text):
        assert "5星" not in text
        assert "共13天" not in text
    exemplars = decision_text[decision_text.index("道德标兵（1名）"):]
    assert "姓名性别年龄所在村（居）类别" in exemplars.replace(" ", "")
    assert "星级" not in exemplars
    assert "李秀英女58岁杨柳村孝老爱亲" in exemplars.replace(" ", "")
    assert "五星级文明村" in text_of(pdfs["新田村"])


def test_pdffonts_lists_every_font_as_embedded(tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.fail("pdffonts is missing: apt-get install poppler-utils")
    for name, pdf in all_pdfs().items():
        path = tmp_path / "doc.pdf"
        path.write_bytes(pdf)
        lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines, name
        for line in lines:  # name type encoding emb sub uni ...: "emb" is the 4th from the end
            assert line.split()[-5] == "yes", f"{name}: {line}"


def test_without_a_chinese_font_the_error_names_the_package(tmp_path: Path) -> None:
    with pytest.raises(FontMissing, match="fonts-wqy-microhei"):
        cjk_font_file(None, (("fonts-wqy-microhei", str(tmp_path / "none.ttc")),))
    with pytest.raises(FontMissing, match="SANCHUANG_CJK_FONT"):
        cjk_font_file(tmp_path / "missing.ttf")
