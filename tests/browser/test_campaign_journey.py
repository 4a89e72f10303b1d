"""A whole campaign through the web pages, in headless Chromium, on the system as a new user
starts it (``sanchuang up``: web server, worker and beat on the embedded store and broker):

a village clerk on a 375-px phone submits two nominations with the assembly's minutes
attached; the secretariat accepts them and sets the panel; the four vetting departments
answer; three reviewers score; the secretariat ranks; the party committee approves the list,
which opens publicity, and the secretariat sees the window open; a member of the public
files an objection and gets a receipt; the secretariat upholds it; publicity runs out (the
shared clock is moved on by the operator's CLI and beat closes the window); the commendation
is published; the honour roll shows the honouree with no ID number or phone anywhere on the
page. Each step's screenshot is saved."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_kit import PHONE, Shot
from running_system import RunningSystem, system_up

from sanchuang.runtime.processes import wait_for

DESKTOP = {"width": 1280, "height": 900}
ID_NUMBER = re.compile(r"\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx]")
PHONE_NUMBER = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
MINUTES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
           b"/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
DEPARTMENTS = ("police", "sifa", "jiwei", "xinfang")
REVIEWERS = ("reviewer1", "reviewer2", "reviewer3")
PANEL = "section:has(input[name=programme][value=model_household])"


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSystem]:
    with system_up(tmp_path_factory.mktemp("journey") / "sanchuang-data") as running:
        yield running


def submit(page: Any, target: Any) -> None:
    """Click a form's button; wait until the server has answered the POST and the page it
    leads to has loaded (so the next step cannot cut the submission short)."""
    with page.expect_response(lambda response: response.request.method == "POST"):
        (page.locator(target) if isinstance(target, str) else target).click()
    page.wait_for_load_state()


class Journey:
    """Tabs signed in as each user, and the screenshots of the steps."""

    def __init__(self, browser: Any, system: RunningSystem, shot: Shot) -> None:
        self.browser, self.system, self.shot = browser, system, shot
        self.contexts: list[Any] = []

    def tab(self, username: str | None, viewport: dict[str, int] = DESKTOP) -> Any:
        context = self.browser.new_context(viewport=viewport, locale="zh-CN")
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if username:
            page.goto(f"{self.system.url}/login")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", self.system.password)
            submit(page, "main form button[type=submit]")
            assert page.url == f"{self.system.url}/desk", page.url
        return page

    def go(self, page: Any, path: str) -> None:
        page.goto(f"{self.system.url}{path}")

    def until(self, page: Any, path: str, ready: Callable[[Any], bool],
              what: str, timeout: float = 60) -> None:
        """Reload ``path`` until ``ready(page)`` (the workers move things on their own)."""
        def reloaded() -> bool:
            self.go(page, path)
            return ready(page)
        assert wait_for(reloaded, timeout, interval=0.5), f"{what} within {timeout} s"

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def journey(browser: Any, system: RunningSystem, shot: Shot) -> Iterator[Journey]:
    trip = Journey(browser, system, shot)
    yield trip
    trip.close()


def submit_nomination(j: Journey, clerk: Any, tmp: Path, skip: set[str]) -> str:
    """Fill the model-household form for the first household not yet tried; the id."""
    minutes = tmp / "会议记录.pdf"
    minutes.write_bytes(MINUTES)
    for _ in range(10):
        j.go(clerk, "/village/nominations/new?programme=model_household")
        options = clerk.locator("select[name=subject_id] option").evaluate_all(
            "options => options.map(o => o.value).filter(v => v)")
        household = next(o for o in options if o not in skip)
        skip.add(household)
        clerk.select_option("select[name=subject_id]", household)
        clerk.fill("textarea[name=deeds]", "孝老爱亲，邻里和睦，多年照料患病老人。")
        for mark in clerk.locator("input[name=marks]").all():
            mark.fill(mark.get_attribute("max") or "1")
        clerk.fill("input[name=held_on]", "2026-03-01")
        for field, value in (("members_required", "40"), ("members_present", "36"),
                             ("votes_for", "33"), ("votes_against", "2"),
                             ("abstentions", "1")):
            clerk.fill(f"input[name={field}]", value)
        clerk.set_input_files("input[name=attachment]", str(minutes))
        if len(skip) == 1:
            j.shot(clerk, "clerk-fills-the-form")
        submit(clerk, "form.form button[type=submit]")
        if "已申报" in clerk.content() or "申报已提交" in clerk.content():
            return household
    raise AssertionError("no household of the village could be nominated")


def test_a_campaign_from_nomination_to_the_honour_roll(journey: Journey,
                                                       tmp_path: Path) -> None:
    j = journey
    clerk = j.tab("village", PHONE)
    tried: set[str] = set()
    submit_nomination(j, clerk, tmp_path, tried)
    j.shot(clerk, "clerk-submitted")
    submit_nomination(j, clerk, tmp_path, tried)
    j.go(clerk, "/village/nominations")
    assert clerk.locator(".stage:text-matches('已申报|初审中')").count() >= 2
    j.shot(clerk, "clerk-nominations")

    office = j.tab("wenming")
    j.go(office, "/township/panel")
    households = office.locator(PANEL)
    for reviewer in ("reviewer-1", "reviewer-2", "reviewer-3"):
        households.locator(f"input[name=reviewer_ids][value='{reviewer}']").check()
    submit(office, households.locator("form[action='/township/panel/assign'] button"))
    assert "刘志明" in office.locator(PANEL).inner_text()
    j.shot(office, "secretariat-sets-the-panel")
    j.until(office, "/township/review",
            lambda p: p.locator("form[action^='/township/review/'] input[value=accept]")
            .count() >= 2, "both nominations in the preliminary review queue")
    while office.locator("form[action^='/township/review/'] input[value=accept]").count():
        submit(office, office.locator("form[action^='/township/review/']:has("
                                      "input[value=accept]) button").first)
    j.shot(office, "secretariat-accepted")

    for department in DEPARTMENTS:
        officer = j.tab(department)
        j.until(officer, "/vetting", lambda p: p.locator("main a[href^='/vetting/']").count()
                >= 2, f"{department} sees both vetting requests")
        for link in officer.locator("main a[href^='/vetting/']").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"):
            j.go(officer, link)
            officer.check("input[name=outcome][value=clear]")
            submit(officer, "main form button[type=submit]")
        if department == DEPARTMENTS[0]:
            j.shot(officer, "department-answered")

    for reviewer in REVIEWERS:
        tab = j.tab(reviewer)
        j.until(tab, "/reviewing", lambda p: p.locator("main a[href^='/reviewing/']").count()
                >= 2, f"{reviewer} sees both nominations")
        for link in tab.locator("main a[href^='/reviewing/']").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"):
            j.go(tab, link)
            for mark in tab.locator("input[name^=mark_]").all():
                mark.fill(mark.get_attribute("max") or "1")
            if reviewer == REVIEWERS[0] and not tab.locator("text=已评").count():
                j.shot(tab, "reviewer-scores")
            submit(tab, "form[action$='/score'] button[type=submit]")
            refused = tab.locator(".error")
            assert not refused.count(), f"{reviewer}: {refused.first.inner_text()}"

    j.until(office, "/township/panel", lambda p: not p.locator(f"{PANEL} tbody tr").count(),
            "the panel's results (no nomination left in panel review)")
    submit(office, office.locator(PANEL).locator("form[action='/township/panel/rank'] button"))
    assert not office.locator(".error").count(), office.locator(".error").first.inner_text()
    j.shot(office, "secretariat-ranked")

    approver = j.tab("dangwei")
    j.until(approver, "/approval", lambda p: p.locator("input[name=listed]").count() >= 2,
            "the ranked list before the party committee")
    j.shot(approver, "approver-list")
    # The party committee's approval of the ranked list opens publicity (审定 → 公示, one
    # decision in this system); the township office then runs the window.
    submit(approver, "form[action='/approval'] button[type=submit]")
    j.until(office, "/township/publicity", lambda p: p.locator(
        "main a[href^='/publicity/']").count() > 0, "the window on the office's page")
    j.shot(office, "secretariat-publicity-open")

    public = j.tab(None, PHONE)
    j.until(public, "/publicity", lambda p: p.locator("main a[href^='/publicity/']").count()
            > 0, "the publicity notice")
    j.go(public, public.locator("main a[href^='/publicity/']").first.get_attribute("href"))
    j.shot(public, "public-notice")
    public.select_option("select[name=nomination_id]", index=1)
    public.fill("input[name=name]", "赵群众")
    public.fill("input[name=contact]", "zhao@example.com")
    public.fill("textarea[name=content]", "该户长期拒不赡养老人，村里多人可以作证。")
    submit(public, "#objection button[type=submit]")
    assert re.search(r"/objections/receipt/[0-9A-F]{8}$", public.url), public.url
    assert "回执编号" in public.content()
    j.shot(public, "public-receipt")

    j.until(office, "/township/objections", lambda p: p.locator(
        "textarea[name=findings]").count() > 0, "the objection in the secretariat's cases")
    office.fill("textarea[name=findings]", "经入户走访核实，异议反映情况属实。")
    submit(office, "button[name=outcome][value=upheld]")
    j.shot(office, "secretariat-upheld")

    j.system.cli("clock", "advance", "9d")
    j.until(office, "/township/commendation", lambda p: p.locator(
        "form[action='/township/commendation'] button").count() > 0,
        "publicity closed by beat and the commendation ready", timeout=90)
    office.fill("input[name=number]", "新坪发〔2026〕12号")
    submit(office, "form[action='/township/commendation'] button[type=submit]")
    j.shot(office, "secretariat-published")

    j.until(public, "/honours", lambda p: "新坪发〔2026〕12号" in p.content(),
            "the honour roll")
    j.shot(public, "honour-roll")
    text = public.content()
    rows = public.locator("main tbody tr").count()
    assert rows == 1, "one honouree: the other's objection was upheld"
    assert not ID_NUMBER.search(text), "an ID number on the public honour roll"
    assert not PHONE_NUMBER.search(text), "a phone number on the public honour roll"


STAFF_PAGES = [
    ("village", "/village/nominations"), ("village", "/village/nominations/new?programme="
                                                     "model_household"),
    ("village", "/village/roster"), ("village", "/village/roster/import"),
    ("wenming", "/township"), ("wenming", "/township/review"), ("wenming", "/township/panel"),
    ("wenming", "/township/publicity"), ("wenming", "/township/objections"),
    ("wenming", "/township/commendation"), ("wenming", "/township/campaign"),
    ("reviewer1", "/reviewing"), ("police", "/vetting"), ("dangwei", "/approval"),
    ("admin", "/admin/users"), ("wenming", "/inbox"), ("wenming", "/desk"),
]


@pytest.mark.parametrize(("username", "path"), STAFF_PAGES,
                         ids=[f"{u}{p}" for u, p in STAFF_PAGES])
def test_staff_page_has_no_serious_accessibility_violations(
        browser: Any, system: RunningSystem, username: str, path: str) -> None:
    from test_accessibility import AXE, BLOCKING, describe

    # as in test_accessibility: this context alone bypasses CSP so that axe can be added
    context = browser.new_context(viewport=PHONE, locale="zh-CN", bypass_csp=True)
    try:
        tab = context.new_page()
        tab.goto(f"{system.url}/login")
        tab.fill("input[name=username]", username)
        tab.fill("input[name=password]", system.password)
        submit(tab, "main form button[type=submit]")
        answer = tab.goto(f"{system.url}{path}")
        assert answer is not None
        assert answer.status == 200
        tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        results = tab.evaluate("() => axe.run(document)")
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
        assert not blocking, f"{path}:\n{describe(blocking)}"
    finally:
        context.close()
