"""The catalogue ruler's pattern cache: a second start reads it, and a stale or damaged one is rebuilt."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

import pytest
import spacy

from greatgame.nlp.ruler import ACTORS, PLACES, TITLES, CatalogueRuler


@dataclass(frozen=True)
class Hit:
    text: str
    actor_id: str


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    aliases: tuple[str, ...] = ()


@dataclass
class FakeCatalogue:
    aliases: list[Hit] = field(default_factory=lambda: [
        Hit("Kassym-Jomart Tokayev", "kassym-jomart-tokayev"), Hit("Tokayev", "kassym-jomart-tokayev"),
        Hit("Shanghai Cooperation Organisation", "SCO"), Hit("SCO", "SCO"), Hit("Kazakhstan", "KAZ"),
    ])

    def alias_table(self):
        return self.aliases

    def office_titles(self):
        return {"Foreign Minister": "foreign_minister"}

    def places(self):
        return [Place("Samarkand", "UZB", ("Samarqand",))]


TEXT = "Tokayev met the Foreign Minister in Samarqand before the SCO summit in Kazakhstan."


def found(ruler: CatalogueRuler, nlp, text: str = TEXT) -> dict[str, list[str]]:
    doc = ruler(nlp.make_doc(text))
    return {g: [s.text for s in doc.spans[g]] for g in (ACTORS, TITLES, PLACES)}


@pytest.fixture
def nlp():
    return spacy.blank("en")


def build(nlp, catalogue, cache_dir) -> CatalogueRuler:
    ruler = CatalogueRuler(nlp)
    ruler.add_catalogue(catalogue, cache_dir=cache_dir)
    return ruler


def test_a_second_start_reads_the_patterns_instead_of_tokenising(nlp, tmp_path, monkeypatch):
    first = found(build(nlp, FakeCatalogue(), tmp_path), nlp)
    assert first == {ACTORS: ["Tokayev", "SCO", "Kazakhstan"], TITLES: ["Foreign Minister"], PLACES: ["Samarqand"]}
    assert len(list(tmp_path.glob("ruler-*.json"))) == 1

    def no_tokenising(self, text):
        raise AssertionError(f"{text!r} was tokenised although the cache holds it")

    monkeypatch.setattr(CatalogueRuler, "_pattern", no_tokenising)
    assert found(build(spacy.blank("en"), FakeCatalogue(), tmp_path), nlp) == first


@pytest.mark.parametrize("damage", ["garbage", "truncated", "tampered norms"])
def test_a_damaged_cache_is_rebuilt_not_trusted(nlp, tmp_path, caplog, damage):
    expected = found(build(nlp, FakeCatalogue(), tmp_path), nlp)
    (path,) = tmp_path.glob("ruler-*.json")
    text = path.read_text(encoding="utf-8")
    if damage == "garbage":
        path.write_bytes(b"\x00\xffnot json")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    else:  # valid JSON whose patterns no longer match what was written (checksum fails)
        data = json.loads(text)
        data["patterns"][0][2] = [1, 2, 3]
        path.write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="greatgame.nlp.pattern_cache"):
        ruler = build(spacy.blank("en"), FakeCatalogue(), tmp_path)
    assert "rebuilding" in caplog.text
    assert found(ruler, nlp) == expected
    json.loads(path.read_text(encoding="utf-8"))  # rewritten whole


def test_a_changed_catalogue_gets_new_patterns(nlp, tmp_path):
    build(nlp, FakeCatalogue(), tmp_path)
    (old,) = tmp_path.glob("ruler-*.json")
    grown = FakeCatalogue()
    grown.aliases = [*grown.aliases, Hit("Shavkat Mirziyoyev", "shavkat-mirziyoyev")]
    ruler = build(spacy.blank("en"), grown, tmp_path)
    assert found(ruler, nlp, "Shavkat Mirziyoyev flew to Samarkand.")[ACTORS] == ["Shavkat Mirziyoyev"]
    (new,) = tmp_path.glob("ruler-*.json")
    assert new != old  # the stale file is replaced, not left to pile up


def test_an_unwritable_cache_folder_costs_speed_not_results(nlp, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    ruler = build(nlp, FakeCatalogue(), blocker / "cache")
    assert found(ruler, nlp)[ACTORS] == ["Tokayev", "SCO", "Kazakhstan"]


def test_spellings_with_the_same_norms_keep_the_spelling_written(nlp, tmp_path):
    cat = FakeCatalogue()
    cat.aliases = [Hit("Ministry of Defense", "RUS_MOD"), Hit("Ministry of Defence", "RUS_MOD")]
    ruler = build(nlp, cat, tmp_path)
    doc = ruler(nlp.make_doc("The Ministry of Defence said so."))
    assert [s.label_ for s in doc.spans[ACTORS]] == ["actors:ministry of defence"]
    assert [h.actor_id for s in doc.spans[ACTORS] for h in ruler.hits(s)] == ["RUS_MOD"]
