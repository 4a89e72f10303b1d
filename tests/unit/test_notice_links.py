"""Links in notifications are built at the edge: the domain asks its Links port for them."""

from __future__ import annotations

from dataclasses import replace

from sanchuang.runtime.urls import SiteLinks


class GazetteLinks:
    """A site whose notices live somewhere the domain could not guess."""

    def publicity_notice(self, window_id: str) -> str:
        return f"https://xinping.example.gov.cn/gs/{window_id}.html"

    def nomination_page(self, nomination_id: str) -> str:
        return f"https://xinping.example.gov.cn/sb/{nomination_id}"


def test_the_villages_are_sent_the_link_the_edge_builds_for_the_notice(flow):
    flow.bus.deps = replace(flow.bus.deps, links=GazetteLinks())
    window_id, _ = flow.in_publicity("h-wang", "h-chen")
    notes = flow.notes("publicity_opened", "inbox")
    link = f"https://xinping.example.gov.cn/gs/{window_id}.html"
    assert len(notes) == 2
    assert all(link in note.text for note in notes)
    assert "/publicity/" not in "".join(note.text for note in notes)


def test_without_links_the_notification_names_no_address(flow):
    flow.in_publicity("h-wang")
    [call] = [context for kind, context in flow.renderer.calls if kind == "publicity_opened"]
    assert call["notice_url"] == ""


def test_the_site_links_a_notice_under_its_own_address():
    links = SiteLinks("https://xinping.example.gov.cn")
    assert links.publicity_notice("w-1") == "https://xinping.example.gov.cn/publicity/w-1"


def test_a_villages_stage_notice_links_the_nominations_page(flow):
    flow.bus.deps = replace(flow.bus.deps, links=GazetteLinks())
    flow.in_publicity("h-wang")
    received = flow.notes("received", "inbox")
    assert received
    assert all("https://xinping.example.gov.cn/sb/" in note.text for note in received)


def test_the_site_links_a_nomination_to_the_villages_page():
    links = SiteLinks("https://xinping.example.gov.cn")
    assert links.nomination_page("n-1") == "https://xinping.example.gov.cn/village/nominations/n-1"
