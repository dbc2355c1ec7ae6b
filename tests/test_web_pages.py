"""The dashboard's HTML pages over a small hand-made database (no browser, no spaCy).

Each page names its JSON twin, is escaped, carries a strict CSP, loads nothing from elsewhere,
and shows what an analyst needs: event sentences highlighted, roles, filters that work.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from importlib import resources
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from test_web_samples import HOSTILE_ACTOR, HOSTILE_ID, PAYLOADS, hand_made_documents, hostile_document

from greatgame.api import create_app
from greatgame.api.render import external_url
from greatgame.config import Settings
from greatgame.store import Store

PAGES = ["/", "/events", "/events?type=AGREE&country=UZB", "/actors", "/actors/RUS", "/actors/sergey-lavrov",
         "/countries/UZB", "/network", "/documents", "/documents/web_lavrov_tashkent.txt"]  # fmt: skip
CSP_PARTS = ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
             "frame-ancestors 'none'")  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "pages.duckdb"
    with Store(path) as store:
        for doc in [*hand_made_documents(), hostile_document()]:
            store.write_document(doc)
    return TestClient(create_app(Settings(db=path)))


def _json_link(html: str) -> str:
    found = re.findall(r'<a class="json-link" href="([^"]+)"', html)
    assert len(found) == 1, "a page must have exactly one JSON link"
    return found[0].replace("&amp;", "&")


@pytest.mark.parametrize("path", PAGES)
def test_page_names_its_json_twin_and_the_twin_answers(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    twin = _json_link(page.text)
    assert twin.startswith("/api/")
    answer = client.get(twin)
    assert answer.status_code == 200, twin
    assert answer.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("path", PAGES)
def test_page_has_strict_csp_and_nothing_inline_or_third_party(client, path):
    page = client.get(path)
    csp = page.headers["content-security-policy"]
    assert all(part in csp for part in CSP_PARTS), csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    for tag, attrs in _elements(page.text):
        assert tag != "style" and "style" not in attrs, "inline style"
        assert not [a for a in attrs if a.startswith("on")], f"inline event handler on <{tag}>"
        assert tag != "script" or attrs.get("src"), "inline <script>"
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            url = attrs.get("src") or attrs.get("href") or ""
            assert url.startswith("/") and not url.startswith("//"), f"{url} is not served by the app"


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every element of the page as (tag, attributes), as a browser's parser sees them."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, {k.lower(): v or "" for k, v in attrs}))

    Collector().feed(html)
    return found


def test_document_page_highlights_event_sentences_and_shows_roles(client):
    doc = hand_made_documents()[0]
    html = client.get(f"/documents/{doc.id}").text
    with_events = {e.sentence_index for e in doc.events}
    for s in doc.sentences:
        row = re.search(rf'<div class="([^"]*)" id="s-{s.index}"', html)
        assert row, f"sentence {s.index} has no #s-{s.index} anchor"
        assert ("has-event" in row.group(1)) == (s.index in with_events)
        assert f"role-{s.role}" in row.group(1)
    assert '<span class="role-tag role-speech">speech</span>' in html
    assert '<span class="role-tag role-commentary">commentary</span>' in html
    assert '<mark class="trigger">' in html
    for e in doc.events:
        assert f'href="#s-{e.sentence_index}"' in html


def test_event_links_jump_to_the_sentence_in_the_document(client):
    html = client.get("/events?country=UZB").text
    links = re.findall(r'class="to-sentence" href="/documents/([^"#]+)#s-(\d+)"', html)
    assert links
    doc_id, idx = links[0]
    doc_html = client.get(f"/documents/{doc_id}").text
    assert f'id="s-{idx}"' in doc_html


HOSTILE_PAGES = [f"/documents/{HOSTILE_ID}", "/events", "/events?context=" + quote(PAYLOADS[0]), "/actors",
                 "/actors/" + quote(HOSTILE_ACTOR, safe=""), "/countries/UZB", "/documents", "/"]  # fmt: skip


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_text_is_escaped(client, path):
    page = client.get(path)
    assert page.status_code == 200
    html = page.text
    for raw in ("<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>"):
        assert raw not in html, f"{raw!r} reached {path} unescaped"
    assert not re.search(r'href="\s*javascript:', html, re.IGNORECASE)


def test_hostile_document_shows_every_payload_as_text(client):
    html = client.get(f"/documents/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:alert(1)" in html  # shown as text, never as a link
    assert "source: javascript:alert(1)" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", "//evil.example/x", "https:", None, 42])  # fmt: skip
def test_only_http_links_leave_the_site(url):
    assert external_url(url) is None


def test_http_links_are_kept():
    assert external_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert external_url("http://example.org") == "http://example.org"


def test_event_filters_narrow_the_list_like_the_api(client):
    html = client.get("/events?type=AGREE").text
    chips = re.findall(r'<span class="chip quad-[a-z_]+" title="[^"]*">([A-Z]+)</span>', html)
    assert chips and set(chips) == {"AGREE"}
    total = client.get("/api/events", params={"type": "AGREE"}).json()["total"]
    assert re.search(rf'id="event-count">{total} events', html)
    assert 'href="/api/events?type=AGREE&amp;page=1"' in html


def test_blank_and_bad_filters_are_not_errors(client):
    blank = client.get("/events?actor=&country=&type=&quad=&context=&modality=&since=&until=")
    assert blank.status_code == 200
    everything = client.get("/api/events").json()["total"]
    assert f'id="event-count">{everything} events' in blank.text
    bad = client.get("/events?since=yesterday&type=HUG")
    assert bad.status_code == 200
    assert "since: &#39;yesterday&#39; is not understood" in bad.text
    assert "type: &#39;HUG&#39; is not understood" in bad.text


def test_date_filters_keep_only_events_in_the_window(client):
    html = client.get("/events?since=2024-01-01&until=2024-06-30").text
    days = re.findall(r'<span class="day">(\d{4}-\d{2}-\d{2})</span>', html)
    assert days and all("2024-01-01" <= d <= "2024-06-30" for d in days)


def test_paging_links_keep_the_filters(client):
    html = client.get("/events?country=UZB&page=1").text
    assert 'rel="next"' not in html  # fewer events than a page
    past = client.get("/events?country=UZB&page=3").text
    assert "No events match" in past
    assert 'href="/events?country=UZB&amp;page=2" rel="prev"' in past


def test_actor_page_gives_memberships_on_the_chosen_day(client):
    from greatgame.catalogue import load_catalogue

    catalogue = load_catalogue()
    seen = []
    for day in (dt.date(2010, 6, 1), dt.date(2020, 6, 1)):
        html = client.get(f"/actors/UZB?date={day}").text
        table = html.split("<h2>Memberships on")[1].split("</section>")[0]
        shown = set(re.findall(r'<td><a href="/actors/[^"]+">([^<]+)</a></td>', table))
        expected = {catalogue.get(m.object).name if catalogue.get(m.object) else m.object
                    for m in catalogue.memberships(subject="UZB", on=day)}  # fmt: skip
        assert shown == expected
        seen.append(shown)
    assert seen[0] != seen[1], "the catalogue's memberships of UZB changed between the two days"


def test_person_page_lists_offices_with_dates(client):
    html = client.get("/actors/sergey-lavrov").text
    assert "<h2>Offices</h2>" in html
    assert re.search(r'<td class="nowrap">\d{4}-\d{2}-\d{2}</td>', html)
    assert "Statements by Sergey Lavrov" in html


def test_country_page_carries_what_its_script_needs(client):
    html = client.get("/countries/uzb?freq=year").text
    assert 'data-country="UZB"' in html and 'data-freq="year"' in html
    assert 'href="/api/influence?country=UZB&amp;freq=year"' in html
    assert '<script src="/static/country.js"></script>' in html


def test_network_page_draws_the_engaged_actors(client):
    html = client.get("/network").text
    net = client.get("/api/network").json()
    drawn = {unescape(i) for i in re.findall(r'class="node kind-[a-z_]+" data-id="([^"]+)"', html)}
    assert drawn and drawn <= {n["id"] for n in net["nodes"]}
    assert {"RUS", "UZB"} <= drawn
    for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', html):
        assert 0 <= float(x) <= 960 and 0 <= float(y) <= 620


@pytest.mark.parametrize("path", ["/documents/no-such-doc", "/actors/no-such-actor", "/countries/ZZQ"])
def test_unknown_things_give_an_html_404_that_says_what_to_do(client, path):
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Back to the overview" in page.text
    assert "content-security-policy" in page.headers


def test_static_files_have_their_types_and_nothing_else_is_served(client):
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/country.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/favicon.ico").status_code == 200
    for path in (
        "/static/..%2Fapi%2Fpages.py",
        "/static/templates/base.html",
        "/static/nope.js",
        "/static/x.py",
    ):
        assert client.get(path).status_code == 404, path


def test_scripts_write_text_only_and_fetch_only_our_api():
    static = resources.files("greatgame.web") / "static"
    scripts = [p for p in static.iterdir() if p.name.endswith(".js")]
    assert len(scripts) >= 3
    for script in scripts:
        code = script.read_text(encoding="utf-8")
        for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                       'setAttribute("on', "javascript:"):  # fmt: skip
            assert banned not in code, f"{script.name} uses {banned}"
        for url in re.findall(r'getJSON\(\s*"([^"]*)"', code):
            assert url.startswith("/api/"), f"{script.name} fetches {url}"


def test_templates_autoescape_and_link_no_external_assets():
    templates = resources.files("greatgame.web") / "templates"
    for template in templates.iterdir():
        text = template.read_text(encoding="utf-8")
        assert "| safe" not in text and "|safe" not in text and "autoescape false" not in text, template.name
        assert "http://" not in text and "https://" not in text, f"{template.name} links elsewhere"
