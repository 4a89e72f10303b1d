"""The public log of a campaign's official actions: dates and counts from the audit log, and
no personal data anywhere on the page."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_scenario import Township, commended

from sanchuang.accounts import SECRETARIAT
from workflows import commands as c

COMPLAINANTS = (("赵群众", "zhao@example.com"), ("钱某某", "13812345678"))
FACTS = "该户长期拒不赡养老人，村里多人可以作证。"
FINDINGS = "经走访核实，所反映情况不属实。"


def objected_and_commended(town: Township) -> None:
    """Two objections to the first nominee, both dismissed; then the decision is published."""
    for name, contact in COMPLAINANTS:
        objection_id = town.run(c.FileObjection(town.nomination_ids[0], name, contact, FACTS))
        town.run(c.ResolveObjection(str(objection_id), "dismissed", FINDINGS, SECRETARIAT))
    commended(town)


def private_data(town: Township) -> list[str]:
    with town.store.uow() as uow:
        nominations = uow.nominations.get_many(town.nomination_ids)
    return ([n.display_name for n in nominations] + [n.subject_id for n in nominations]
            + [part for pair in COMPLAINANTS for part in pair] + [FACTS, FINDINGS])


def test_the_log_shows_dates_and_counts_and_no_personal_data(client: TestClient,
                                                             town: Township) -> None:
    objected_and_commended(town)
    page = client.get(f"/campaigns/{town.campaign_id}/log")
    assert page.status_code == 200
    assert "拟命名名单公示开始（2 名）" in page.text
    assert "收到异议 2 件" in page.text
    assert "异议办结 2 件（不成立）" in page.text
    assert "共收到异议 2 件；成立 0 件；不成立 2 件；已撤回 0 件" in page.text
    assert "公示期满，2 名通过公示" in page.text
    assert "表彰决定发布（新坪发〔2026〕12号）" in page.text
    for private in private_data(town):
        assert private not in page.text


def test_the_log_before_any_objection_shows_publicity_opened(client: TestClient,
                                                             town: Township) -> None:
    page = client.get(f"/campaigns/{town.campaign_id}/log")
    assert "拟命名名单公示开始（2 名）" in page.text
    assert "共收到异议 0 件" in page.text
    assert "表彰决定发布" not in page.text


def test_the_home_page_and_the_notice_link_to_the_log(client: TestClient,
                                                      town: Township) -> None:
    assert 'href="/campaigns"' in client.get("/").text
    listing = client.get("/campaigns")
    assert f'href="/campaigns/{town.campaign_id}/log"' in listing.text
    notice = client.get(f"/publicity/{town.window_id}")
    assert f'href="/publicity/{town.window_id}/log"' in notice.text
    moved = client.get(f"/publicity/{town.window_id}/log", follow_redirects=False)
    assert moved.headers["location"] == f"/campaigns/{town.campaign_id}/log"


def test_an_unknown_campaign_or_notice_is_404(client: TestClient) -> None:
    assert client.get("/campaigns/nosuchcampaign/log").status_code == 404
    assert client.get("/campaigns/..%2F/log").status_code == 404
    assert client.get("/publicity/nosuchwindow/log").status_code == 404
