"""Metadata: headline, publication date (Gregorian and Hijri), publisher, author, genre, language."""

import datetime as dt
import hashlib
import logging
from pathlib import Path

import pytest

from greatgame.config import Settings
from greatgame.ingest import prepare, read_sources
from greatgame.ingest.dates import find_dates
from greatgame.models import RawDocument

DATA = Path(__file__).parent / "data" / "ingest"
BODY = (
    "The foreign ministers of Kazakhstan and Uzbekistan met in Tashkent to discuss water sharing, "
    "transport corridors and the situation on the Afghan border, officials said after the talks."
)


def _file(name):
    (raw,) = read_sources([DATA / name], Settings())
    return prepare(raw, Settings()).meta


def _text(content, kind="txt", **given):
    return prepare(RawDocument(id="doc.txt", kind=kind, content=content, given=given), Settings()).meta


def test_title_is_the_headline_not_a_menu_line_date_or_basmala():
    meta = _file("chrome_dump.txt")
    assert meta.title == "The Water of the Syr Darya Belongs to the Ummah, Not to the Rulers"


def test_english_basmala_and_ref_line_are_not_the_title():
    assert _file("ref_header.txt").title == "Russia Seeks to Tie Uzbekistan to Its Gas Pipelines"


def test_site_name_and_verse_lines_are_not_the_title():
    content = (
        "Steppe Call | Voice of the Steppe Call Movement\n"
        "Home | News | Articles | Contact\n\n"
        "وَلَا تَرْكَنُوا إِلَى الَّذِينَ ظَلَمُوا\n\n"
        "The Rulers Bow to Moscow Again\n\n" + BODY
    )
    assert _text(content).title == "The Rulers Bow to Moscow Again"


@pytest.mark.parametrize(
    "header, expected, hijri",
    [
        ("Tuesday, 12 Jumada al-awwal 1444 | 2022/12/06", dt.date(2022, 12, 6), "12 Jumada al-awwal 1444"),
        (
            "REF: 1446 / 10 Monday, 23rd Shawwal 1446 AH 21/04/2025 CE",
            dt.date(2025, 4, 21),
            "23rd Shawwal 1446 AH",
        ),
    ],
)
def test_hijri_and_gregorian_headers_parse_and_agree(header, expected, hijri, caplog):
    with caplog.at_level(logging.WARNING):
        meta = _text(f"{header}\n\nA Headline About Water\n\n{BODY}")
    assert meta.published == expected
    assert meta.hijri == hijri
    assert not [r for r in caplog.records if "disagree" in r.getMessage()]


def test_hijri_gregorian_disagreement_warns_and_trusts_gregorian(caplog):
    with caplog.at_level(logging.WARNING):
        meta = _file("hijri_mismatch.txt")
    assert meta.published == dt.date(2024, 1, 15)
    assert any(
        "disagree" in r.getMessage() and "hijri_mismatch.txt" in r.getMessage() for r in caplog.records
    )


def test_hijri_date_alone_is_converted():
    meta = _text(f"Friday, 2 Muharram 1443\n\nA Headline About Water\n\n{BODY}")
    assert meta.published == dt.date(2021, 8, 10)


def test_a_date_in_the_body_is_not_the_publication_date():
    content = f"A Headline About Water\n\n{BODY}\n\nOn 31/07/2021, a website published the draft of the deal."
    assert _text(content).published is None


def test_impossible_date_is_rejected_not_guessed():
    assert find_dates("31/02/2024") == []
    assert _text(f"31/02/2024\n\nA Headline About Water\n\n{BODY}").published is None


@pytest.mark.parametrize(
    "written, expected",
    [
        ("2022/12/06", dt.date(2022, 12, 6)),
        ("21/04/2025", dt.date(2025, 4, 21)),
        ("04/21/2025", dt.date(2025, 4, 21)),
        ("03/04/2025", dt.date(2025, 4, 3)),
        ("28.02.2023, 18:40", dt.date(2023, 2, 28)),
        ("November 3, 2025", dt.date(2025, 11, 3)),
        ("Tashkent, 22 January 2025", dt.date(2025, 1, 22)),
    ],
)
def test_numeric_and_written_dates_are_read_by_their_shape(written, expected):
    assert [f.date for f in find_dates(written)] == [expected]


def test_ambiguous_numeric_date_follows_the_documents_other_dates():
    content = f"Published: 03/04/2025\n\nA Headline About Water\n\n{BODY} The deal of 12/25/2024 expired."
    assert _text(content).published == dt.date(2025, 3, 4)


def test_explicit_published_line_counts_even_below_the_headline():
    content = f"A Headline About Water\n\n{BODY}\n\nPublished: 14 May 2024"
    assert _text(content).published == dt.date(2024, 5, 14)


def test_wire_dateline_gives_date_and_agency():
    meta = _file("wire.txt")
    assert (meta.published, meta.publisher, meta.author, meta.genre) == (
        dt.date(2022, 6, 29),
        "Steppe Wire",
        None,
        "news",
    )


def test_dateline_without_a_year_gives_no_date():
    meta = _text(f"Leaders Meet in Astana\n\nASTANA, Nov 3 (Steppe Wire) — {BODY}")
    assert meta.published is None
    assert meta.publisher == "Steppe Wire"


def test_signoff_with_writer_gives_publisher_author_and_commentary():
    meta = _file("chrome_dump.txt")
    assert meta.publisher == "Central Media Office of the Fergana Call Movement"
    assert meta.author == "Abdulaziz Karimov"
    assert meta.genre == "commentary"


def test_name_above_media_office_signoff_is_the_author():
    meta = _file("ref_header.txt")
    assert meta.publisher == "Media Office of the Steppe Call Movement in Wilayah Uzbekistan"
    assert meta.author == "Muhammad Mansour"
    assert meta.genre == "commentary"


def test_press_service_header_makes_a_press_release():
    meta = _file("press_release.txt")
    assert meta.publisher == "Press Service of the Ministry of Foreign Affairs of the Republic of Uzbekistan"
    assert meta.genre == "press_release"
    assert meta.published == dt.date(2025, 1, 22)
    assert meta.title == "Foreign Minister of Uzbekistan holds talks with the Foreign Minister of Kazakhstan"


def test_statement_title_makes_a_statement():
    content = f"Ministry of Foreign Affairs of the Kyrgyz Republic\n\nStatement of the Ministry on the border incident\n\n{BODY}"
    meta = _text(content)
    assert meta.genre == "statement"
    assert meta.title == "Statement of the Ministry on the border incident"


def test_author_bio_line_makes_an_op_ed():
    meta = _file("oped.md")
    assert (meta.author, meta.genre, meta.published) == ("Jane Okafor", "op_ed", dt.date(2024, 3, 3))
    assert meta.title == "Why Central Asia Needs Its Own Water Council"


def test_html_metadata_comes_from_the_page_head_and_byline():
    meta = _file("script_page.html")
    assert meta.title == "Kazakhstan and Kyrgyzstan open new border crossing"
    assert (meta.publisher, meta.author, meta.published) == (
        "Steppe Herald",
        "Aida Nurlanova",
        dt.date(2024, 5, 14),
    )


def test_html_json_ld_is_read():
    html = (
        '<html><head><title>Deal signed - Steppe Herald</title><script type="application/ld+json">'
        '{"@type": "OpinionNewsArticle", "datePublished": "2023-06-01", "author": {"name": "Aida Nurlanova"},'
        ' "publisher": {"name": "Steppe Herald"}}</script></head>'
        f"<body><article><h1>Deal signed</h1><p>{BODY}</p></article></body></html>"
    )
    meta = _text(html, kind="html")
    assert (meta.published, meta.author, meta.publisher, meta.genre) == (
        dt.date(2023, 6, 1), "Aida Nurlanova", "Steppe Herald", "op_ed",
    )  # fmt: skip


def test_given_jsonl_fields_win_over_inference():
    content = f"Press release\n\nMinistry of Defence of Uzbekistan\n\n5 August 2021\n\nTroops start drills\n\n{BODY}"
    meta = _text(
        content, kind="jsonl", title="Given title", publisher="Given Wire", published=dt.date(2021, 8, 6)
    )
    assert (meta.title, meta.publisher, meta.published) == ("Given title", "Given Wire", dt.date(2021, 8, 6))


@pytest.mark.parametrize(
    "text, language",
    [
        (BODY, "en"),
        ("Министр иностранных дел России провёл переговоры в Ташкенте с коллегой из Узбекистана.", "ru"),
        ("وزير الخارجية الروسي يجري محادثات في طشقند مع نظيره الأوزبكي حول التعاون", "ar"),
        (
            "Türkiye ve Özbekistan arasında ticaret ve ulaşım alanında bir anlaşma imzalandı, bu da iki ülke için önemli.",
            "tr",
        ),
        (
            "O'zbekiston va Qozog'iston tashqi ishlar vazirlari suv masalasi bo'yicha muzokaralar o'tkazdi va bu uchun kelishdi.",
            "uz",
        ),
    ],
)
def test_language_is_detected(text, language):
    assert _text(f"Headline\n\n{text}").language == language


def test_content_hash_is_sha256_of_the_raw_content():
    content = f"A Headline About Water\n\n{BODY}"
    assert _text(content).content_hash == hashlib.sha256(content.encode("utf-8")).hexdigest()
