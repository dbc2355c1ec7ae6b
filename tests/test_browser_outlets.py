"""Outlet pages and the "one row per story" events view in headless Chromium.

Reuses the database, server and browser fixtures of test_browser_dashboard.py (the sample corpus
through the pipeline, whose ingest fills the outlets and story clusters). Every page must open with
no console error, no failed request and no request leaving the server; screenshots go to
tests/_screenshots/.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from test_browser_dashboard import Watched, browser, corpus_db, server  # noqa: F401, F811 - pytest fixtures

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(browser, server):  # noqa: F811 - the fixtures above
    w = Watched(browser, server)
    yield w
    w.context.close()


def _api(base: str, path: str, **params):
    import httpx

    return httpx.get(f"{base}{path}", params=params).json()


def _outlet_of(base: str, affiliation: str) -> str:
    items = _api(base, "/api/outlets", affiliation=affiliation, page_size=200)["items"]
    assert items, f"no {affiliation} outlet in the sample corpus"
    return items[0]["id"]


def test_outlet_list_and_pages_open_cleanly(watched, server):  # noqa: F811
    watched.open("/outlets")
    rows = watched.page.locator("table.outlets tbody tr")
    assert rows.count() == _api(server, "/api/outlets", page_size=200)["total"]
    assert watched.page.locator("a.badge.outlet.aff-movement").count() >= 1
    watched.shot("outlets", full=True)
    for affiliation in ("movement", "government", "wire"):
        outlet = _outlet_of(server, affiliation)
        watched.open(f"/outlets/{quote(outlet, safe='')}")
        page = watched.page
        assert page.locator(".stat-n").first.inner_text().strip() == str(
            _api(server, f"/api/outlets/{outlet}")["n_documents"]
        )
        assert page.locator(".role-bars li").count() == 5
        assert page.locator("a.json-link").get_attribute("href").startswith("/api/outlets/")
        watched.shot(f"outlet_{affiliation}", full=True)
    watched.assert_clean("outlet pages")


def test_movement_outlet_shows_its_commentary_and_links_to_its_documents(watched, server):  # noqa: F811
    outlet = _outlet_of(server, "movement")
    profile = _api(server, f"/api/outlets/{outlet}")
    assert profile["sentence_roles"].get("commentary", 0) + profile["sentence_roles"].get("appeal", 0) > 0
    watched.open(f"/outlets/{quote(outlet, safe='')}")
    link = watched.page.locator("section[aria-labelledby=docs-h] tbody a").first
    link.click()
    watched.page.wait_for_url(re.compile(r"/documents/"))
    badge = watched.page.locator(".meta a.badge.outlet")
    assert badge.count() == 1 and badge.inner_text().strip() == "movement"
    assert watched.page.locator(".sent.role-commentary, .sent.role-appeal").count() >= 1
    watched.shot("document_outlet_badge")
    badge.click()
    watched.page.wait_for_url(re.compile(r"/outlets/"))
    assert watched.page.url.endswith("/outlets/" + quote(outlet, safe=""))
    watched.assert_clean("movement outlet")


def test_one_row_per_story_toggle_groups_reports_and_shows_their_evidence(watched, server):  # noqa: F811
    watched.open("/events")
    page = watched.page
    plain_total = int(page.locator("#event-count").inner_text().split()[0])
    page.locator("input[name=clustered]").check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"clustered=true"))
    page.wait_for_selector("li.cluster-card")
    stories = int(page.locator("#event-count").inner_text().split()[0])
    assert 0 < stories < plain_total
    assert "clustered=true" in page.locator("a.json-link").get_attribute("href")
    # the biggest story of the first page: open its evidence, follow one report to its sentence
    cards = page.locator("li.cluster-card")
    sizes = [int(cards.nth(k).locator(".story-count").inner_text().split()[0]) for k in range(cards.count())]
    card = cards.nth(sizes.index(max(sizes)))
    assert max(sizes) > 1
    card.locator("details.evidence summary").click()
    items = card.locator(".evidence-list li")
    assert items.count() == max(sizes)
    watched.shot("events_by_story")
    sentence = items.first.locator("blockquote").inner_text().strip()
    items.first.locator("a.to-sentence").click()
    page.wait_for_url(re.compile(r"/documents/.+#s-\d+$"))
    target = page.locator("#" + page.url.rsplit("#", 1)[1])
    assert sentence.startswith(target.locator(".sent-text").inner_text().strip()[:40])
    watched.assert_clean("story toggle")
