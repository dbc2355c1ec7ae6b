"""Cleaning: web chrome goes, the article (body, headings, quotes, other scripts) stays."""

from pathlib import Path

import pytest

from greatgame.config import Settings
from greatgame.errors import UnreadableDocument
from greatgame.ingest import prepare, read_sources
from greatgame.models import RawDocument

DATA = Path(__file__).parent / "data" / "ingest"


def _prepare(name):
    (raw,) = read_sources([DATA / name], Settings())
    return prepare(raw, Settings())


@pytest.fixture(scope="module")
def dump():
    return _prepare("chrome_dump.txt")


@pytest.mark.parametrize(
    "chrome",
    [
        "Main menu",
        "Home | News",
        "Categories:",
        "Time now",
        "14:32",
        "Politics\n",
        "Economy",
        "uses cookies",
        "Font size",
        "Read more",
        "Related articles",
        "Leave a comment",
        "Name *",
        "Email *",
        "HTML code is not allowed",
        "back to top",
    ],
)
def test_chrome_is_removed(dump, chrome):
    assert chrome not in dump.text


@pytest.mark.parametrize(
    "kept",
    [
        "The Water of the Syr Darya Belongs to the Ummah, Not to the Rulers",
        "On 31/07/2021, a website close to the government",
        "The Dispute Over the Reservoir",
        '"Water is a trust from Allah, and no ruler may sell it,"',
        "Вода в Ферганской долине стала вопросом выживания.",
        "بسم الله الرحمن الرحيم",
        "وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ",
        "O Muslims of Central Asia!",
        "Written for the Central Media Office of the Fergana Call Movement by Abdulaziz Karimov",
    ],
)
def test_article_text_is_kept(dump, kept):
    assert kept in dump.text


def test_paragraphs_are_separated_by_blank_lines(dump):
    paragraphs = dump.text.split("\n\n")
    assert "The Dispute Over the Reservoir" in paragraphs
    assert all(p.strip() == p and p for p in paragraphs)


def test_hard_wrapped_prose_is_joined():
    raw = RawDocument(
        id="wrapped.txt",
        kind="txt",
        content="A headline about water\n\nThe ministers of the two countries met in\nTashkent on Tuesday and agreed on quotas.\n",
    )
    doc = prepare(raw, Settings())
    assert "met in Tashkent on Tuesday" in doc.text


def test_markdown_markup_is_removed_but_headings_and_quotes_stay():
    raw = RawDocument(
        id="x.md",
        kind="md",
        content=(
            "# Border talks resume\n\n"
            "[Home](/) · [News](/news) · [Contact](/contact)\n\n"
            "Officials from **Kyrgyzstan** and *Tajikistan* met in [Batken](https://example.org) on Monday "
            "to resume talks on the disputed border.\n\n"
            "## What they said\n\n"
            "> The border will be settled by negotiation, the Kyrgyz envoy said.\n"
        ),
    )
    doc = prepare(raw, Settings())
    assert doc.text.split("\n\n") == [
        "Border talks resume",
        "Officials from Kyrgyzstan and Tajikistan met in Batken on Monday to resume talks on the disputed border.",
        "What they said",
        "The border will be settled by negotiation, the Kyrgyz envoy said.",
    ]


def test_html_keeps_no_script_or_style_text():
    doc = _prepare("script_page.html")
    for secret in ("TRACKER_SCRIPT_TEXT", "WRITTEN_BY_SCRIPT", "INLINE_BODY_SCRIPT", "STYLE_TEXT", "alert("):
        assert secret not in doc.text
    assert "Trade on the rise" in doc.text
    assert '"This crossing will bring our peoples closer,"' in doc.text
    assert "All rights reserved" not in doc.text


def test_html_without_main_text_falls_back_to_lxml():
    raw = RawDocument(
        id="tiny.html",
        kind="html",
        content="<html><body><script>var hidden = 1;</script><div>Almaty, 3 May 2024.</div>"
        "<div>Flights to Tashkent resume.</div></body></html>",
    )
    doc = prepare(raw, Settings())
    assert "Flights to Tashkent resume." in doc.text
    assert "hidden" not in doc.text


def test_nothing_left_after_cleaning_raises_unreadable_document():
    raw = RawDocument(id="menu.txt", kind="txt", content="Main menu\nHome | News | Contact\nback to top\n")
    with pytest.raises(UnreadableDocument) as err:
        prepare(raw, Settings())
    assert err.value.doc_id == "menu.txt"
