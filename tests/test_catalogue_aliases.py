"""Surface forms: aliases, transliterations, seats, demonyms and places."""

import pytest


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Toshkent", "UZB"),
        ("Nur-Sultan", "KAZ"),
        ("Akmola", "KAZ"),
        ("Kirghizia", "KGZ"),
        ("Kyrgyz Republic", "KGZ"),
        ("Tadjikistan", "TJK"),
        ("Turkmenia", "TKM"),
        ("Ashkhabad", "TKM"),
        ("the Kremlin", "RUS"),
        ("Kremlin", "RUS"),
        ("Ak Orda", "KAZ"),
        ("Zhongnanhai", "CHN"),
        ("Downing Street", "GBR"),
        ("Turkic Council", "OTS"),
        ("OTG", "OTS"),
        ("Daesh", "ISIS"),
        ("ISKP", "ISIS_K"),
        ("Pentagon", "US_DOD"),
        ("U.S.", "USA"),
        ("United States of America", "USA"),
        ("Great Britain", "GBR"),
        ("PRC", "CHN"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Russian Federation", "RUS"),
        ("USSR", "SUN"),
    ],
)
def test_alias_lookup(catalogue, text, actor):
    hits = catalogue.lookup(text)
    assert hits and hits[0].actor_id == actor


def test_single_words_are_case_sensitive_and_phrases_are_not(catalogue):
    assert catalogue.lookup("US") and not catalogue.lookup("us")
    assert catalogue.lookup("IS") and not catalogue.lookup("is")
    assert catalogue.lookup("turkic council")[0].actor_id == "OTS"


def test_lookup_tells_how_a_form_names_the_actor(catalogue):
    assert catalogue.lookup("Kremlin")[0].how == "seat"
    assert catalogue.lookup("Tashkent")[0].how == "capital"
    assert catalogue.lookup("Uzbek")[0].how == "demonym"
    assert catalogue.lookup("Lavrov")[0].how == "surname"


@pytest.mark.parametrize(
    ("word", "state"),
    [("Uzbek", "UZB"), ("Kazakh", "KAZ"), ("Gambian", "GMB"), ("Libyan", "LBY"), ("Israeli", "ISR"),
     ("Iraqi", "IRQ"), ("Yugoslav", "YUG"), ("Soviet", "SUN"), ("Uzbeks", "UZB"), ("Iraqis", "IRQ"),
     ("Czechs", "CZE"), ("British", "GBR"), ("Kyrgyz", "KGZ")],
)  # fmt: skip
def test_demonyms(catalogue, word, state):
    assert catalogue.demonym_country(word) == state


def test_every_pycountry_state_is_in_the_catalogue(catalogue):
    import pycountry

    ids = {e.id for e in catalogue.states()}
    assert {c.alpha_3 for c in pycountry.countries} <= ids
    with_demonyms = [e for e in catalogue.states() if e.demonyms]
    assert len(with_demonyms) >= 240


def test_words_that_are_not_demonyms(catalogue):
    assert catalogue.demonym_country("Tashkent") is None
    assert catalogue.demonym_country("British Petroleum") is None


def test_deliberate_ambiguity_puts_the_preferred_actor_first(catalogue):
    hits = catalogue.lookup("Congolese")
    assert [h.actor_id for h in hits][:1] == [catalogue.ambiguity("Congolese").prefer]
    assert {h.actor_id for h in hits} == {"COD", "COG"}


def test_alias_table_lists_every_form(catalogue):
    table = catalogue.alias_table()
    forms = {(h.text, h.actor_id) for h in table}
    assert ("Toshkent", "UZB") in forms and ("Daesh", "ISIS") in forms
    assert {h.how for h in table} >= {"name", "alias", "demonym", "capital", "seat", "surname", "acronym"}


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [("Termez training ground", "UZB", "training_ground"), ("Termez", "UZB", "city"),
     ("Ashkhabad", "TKM", "capital"), ("Harb-Maidon", "TJK", "training_ground"),
     ("Kant air base", "KGZ", "base"), ("Mazar-e-Sharif", "AFG", "city")],
)  # fmt: skip
def test_place_lookup(catalogue, name, country, kind):
    place = catalogue.place(name)
    assert place is not None and place.country == country and place.kind == kind


def test_corridors_list_their_countries(catalogue):
    corridor = catalogue.place("Middle Corridor")
    assert corridor.kind == "corridor" and {"KAZ", "AZE", "GEO", "TUR"} <= set(corridor.country)
    assert catalogue.place("Trans-Caspian International Transport Route") is corridor


def test_world_capitals_come_from_the_state_entries(catalogue):
    lima = catalogue.place("Lima")
    assert lima is not None and lima.country == "PER"
