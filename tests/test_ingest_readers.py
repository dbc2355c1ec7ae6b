"""Readers: files, folders and JSON Lines in; one RawDocument or one Failure per document out."""

import codecs
import json
import os
import sys

import pytest

from greatgame.config import Settings
from greatgame.ingest import read_sources
from greatgame.models import Failure, RawDocument

ARTICLE = "Kazakhstan and Uzbekistan signed a water agreement in Tashkent on Tuesday.\n"


@pytest.fixture
def settings():
    return Settings(max_bytes=10_000)


def _read(paths, settings):
    return list(read_sources(paths, settings))


def _ids(items):
    return [(type(i).__name__, i.id if isinstance(i, RawDocument) else i.doc_id) for i in items]


def test_folder_is_recursed_in_sorted_order_skipping_hidden_and_unknown(tmp_path, settings):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.md").write_text("# Title\n\n" + ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / "sub" / "d.htm").write_text(f"<p>{ARTICLE}</p>")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs = _read([tmp_path], settings)
    assert [d.id for d in docs] == ["a.md", "b.txt", "c.html", "d.htm"]
    assert [d.kind for d in docs] == ["md", "txt", "html", "html"]


def test_document_id_is_the_file_name_not_the_path(tmp_path, settings):
    path = tmp_path / "deep" / "004_x.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE)
    (doc,) = _read([str(path)], settings)
    assert doc.id == "004_x.txt"
    assert doc.content == ARTICLE
    assert doc.path == str(path)


def test_jsonl_gives_one_document_per_line_with_given_fields(tmp_path, settings):
    lines = [
        {
            "id": "n1",
            "text": ARTICLE,
            "published": "2025-04-21",
            "title": "Water deal",
            "publisher": "Steppe Wire",
        },
        {"id": "n2", "text": ARTICLE, "url": "https://example.org/n2"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n")
    first, second = _read([path], settings)
    assert (first.id, first.kind, first.content) == ("n1", "jsonl", ARTICLE)
    assert first.given["title"] == "Water deal" and first.given["publisher"] == "Steppe Wire"
    assert first.given["published"].isoformat() == "2025-04-21"
    assert second.given == {"url": "https://example.org/n2"}


@pytest.mark.parametrize(
    "line, expected_id, words",
    [
        ("{not json", "feed.jsonl:2", "not valid JSON"),
        (json.dumps({"text": ARTICLE}), "feed.jsonl:2", '"id"'),
        (json.dumps({"id": 7, "text": ARTICLE}), "feed.jsonl:2", '"id"'),
        (json.dumps({"id": "bad", "text": ["a list"]}), "bad", '"text" must be a string'),
        (json.dumps({"id": "bad", "text": ARTICLE, "title": 3}), "bad", '"title" must be a string'),
        (json.dumps({"id": "bad", "text": ARTICLE, "published": "21/04/2025"}), "bad", "YYYY-MM-DD"),
        (json.dumps({"id": "bad"}), "bad", 'no "text"'),
        (json.dumps({"id": "bad", "text": "   "}), "bad", "empty"),
        (json.dumps(["a", "list"]), "feed.jsonl:2", "not an object"),
    ],
)
def test_bad_jsonl_line_gives_one_failure_and_the_batch_goes_on(tmp_path, settings, line, expected_id, words):
    good = json.dumps({"id": "ok", "text": ARTICLE})
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([good, line, good.replace('"ok"', '"ok2"')]) + "\n")
    items = _read([path], settings)
    assert _ids(items) == [("RawDocument", "ok"), ("Failure", expected_id), ("RawDocument", "ok2")]
    failure = items[1]
    assert words in failure.reason and "line 2" in failure.reason


def _bad_inputs(tmp_path, settings):
    cases = {
        "binary.txt": b"GIF89a\x00\x01\x02\x00\x00\xff" * 50,
        "undecodable.txt": bytes(range(0x80, 0x100)) * 10,
        "empty.txt": b"",
        "blank.md": b"  \n\t\n   \n",
        "huge.txt": b"word " * (settings.max_bytes // 5 + 10),
        "controls.html": bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 60,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    return cases


@pytest.mark.parametrize(
    "name, words",
    [
        ("binary.txt", "binary"),
        ("undecodable.txt", "could not be decoded"),
        ("empty.txt", "empty"),
        ("blank.md", "only whitespace"),
        ("huge.txt", "--max-bytes"),
        ("controls.html", "binary"),
    ],
)
def test_bad_file_gives_one_failure_naming_it_and_the_batch_goes_on(tmp_path, settings, name, words):
    _bad_inputs(tmp_path, settings)
    (tmp_path / "zz_good.txt").write_text(ARTICLE)
    items = _read([tmp_path], settings)
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 6
    (failure,) = [f for f in failures if f.doc_id == name]
    assert words in failure.reason
    assert isinstance(items[-1], RawDocument) and items[-1].id == "zz_good.txt"


def test_too_large_says_size_limit_and_how_to_raise_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2_000)
    (failure,) = _read([path], Settings(max_bytes=1_000))
    assert "2,000" in failure.reason and "1,000" in failure.reason
    assert "GREATGAME_MAX_BYTES" in failure.reason


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("x" * 5_000)

    def forbidden(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(type(path), "read_bytes", forbidden)
    (failure,) = _read([path], Settings(max_bytes=100))
    assert "too large" in failure.reason


def test_too_long_jsonl_line_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": "y" * 3_000})
    path.write_text(big + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    items = _read([path], Settings(max_bytes=1_000))
    assert _ids(items) == [("Failure", "feed.jsonl:1"), ("RawDocument", "ok")]


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Ташкент — столица Узбекистана.".encode(),
        "Ташкент — столица Узбекистана.".encode("utf-16"),
        "Ташкент — столица Узбекистана, крупнейший город Средней Азии.".encode("cp1251"),
    ],
)
def test_text_in_other_encodings_is_decoded(tmp_path, settings, encoded):
    path = tmp_path / "ru.txt"
    path.write_bytes(encoded)
    (doc,) = _read([path], settings)
    assert doc.content.startswith("Ташкент")


def test_missing_path_and_unknown_file_type_are_failures(tmp_path, settings):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    items = _read([tmp_path / "nope.txt", tmp_path / "scan.pdf"], settings)
    assert [(i.doc_id, "no such file" in i.reason or "unsupported" in i.reason) for i in items] == [
        ("nope.txt", True),
        ("scan.pdf", True),
    ]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_a_failure(tmp_path, settings):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    try:
        (failure,) = _read([path], settings)
    finally:
        path.chmod(0o644)
    assert failure.doc_id == "secret.txt" and "cannot read" in failure.reason


def test_permission_error_while_reading_is_a_failure(tmp_path, settings, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", denied)
    (failure,) = _read([path], settings)
    assert failure.doc_id == "locked.txt"
    assert "Permission denied" in failure.reason and "readable" in failure.reason
