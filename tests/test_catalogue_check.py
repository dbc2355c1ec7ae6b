"""check() finds inconsistencies; the shipped data has none; loading is fast."""

import textwrap
import time

import pytest

from greatgame.catalogue import load_catalogue
from greatgame.catalogue.loader import _load_cached
from greatgame.errors import CatalogueError


def test_shipped_catalogue_has_no_problems(catalogue):
    assert catalogue.check() == []


def test_shipped_catalogue_loads_in_under_a_second():
    started = time.perf_counter()
    cat = _load_cached.__wrapped__(None)
    assert time.perf_counter() - started < 1.0
    assert len(cat.states()) > 240


def test_load_is_cached():
    assert load_catalogue() is load_catalogue()


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def broken(tmp_path):
    _write(
        tmp_path,
        "organisations.yaml",
        """\
        - {id: ALPHA, name: Alpha Pact, kind: igo, aliases: [The Pact of Steel]}
        - {id: BETA, name: Beta League, kind: igo, aliases: [the pact of steel]}
        - {id: bad id, name: Bad Id, kind: igo}
        - {id: GAMMA, name: Gamma, kind: spaceship, country: XYZ}
        """,
    )
    _write(
        tmp_path,
        "memberships.yaml",
        """\
        - {subject: UZB, relation: member_of, object: ALPHA, start: 2012-06-01, end: 2010-01-01}
        - {subject: KAZ, relation: member_of, object: ALPHA, start: 2012-13-45, end: null}
        - {subject: KAZ, relation: member_of, object: NOWHERE, start: 2012, end: null}
        """,
    )
    _write(
        tmp_path,
        "offices.yaml",
        """\
        - {kind: president, titles: [President]}
        """,
    )
    _write(
        tmp_path,
        "people/x.yaml",
        """\
        - id: Jane_Doe
          name: Jane Doe
          country: UZB
          offices:
            - {of: UZB, kind: president, role: President, start: 2001, end: 2000}
            - {of: ALPHA, kind: emperor, role: Emperor, start: 2001, end: null}
        """,
    )
    return load_catalogue(tmp_path)


def _has(problems, *words):
    return any(all(w in p for w in words) for p in problems)


def test_check_finds_a_shared_alias(broken):
    assert _has(broken.check(), "pact of steel", "ALPHA", "BETA")


def test_check_finds_dates_out_of_order_and_malformed(broken):
    problems = broken.check()
    assert _has(problems, "UZB member_of ALPHA", "after")
    assert _has(problems, "2012-13-45")
    assert _has(problems, "Jane_Doe", "president", "after")


def test_check_finds_bad_ids_and_references(broken):
    problems = broken.check()
    assert _has(problems, "bad id", "^[A-Z]")
    assert _has(problems, "Jane_Doe", "slug")
    assert _has(problems, "NOWHERE", "not in the catalogue")
    assert _has(problems, "XYZ", "not in the catalogue")
    assert _has(problems, "spaceship")
    assert _has(problems, "emperor", "offices.yaml")


def test_listed_ambiguity_is_accepted(tmp_path):
    _write(
        tmp_path,
        "organisations.yaml",
        """\
        - {id: ALPHA, name: Alpha Pact, kind: igo, aliases: [The Pact of Steel]}
        - {id: BETA, name: Beta League, kind: igo, aliases: [the pact of steel]}
        """,
    )
    _write(
        tmp_path,
        "ambiguities.yaml",
        """\
        - {text: pact of steel, candidates: [ALPHA, BETA], prefer: BETA, rule: test}
        """,
    )
    cat = load_catalogue(tmp_path)
    assert cat.check() == []
    assert cat.lookup("The Pact of Steel")[0].actor_id == "BETA"


def test_a_file_that_is_not_a_list_is_an_error(tmp_path):
    _write(tmp_path, "organisations.yaml", "id: ALPHA\n")
    with pytest.raises(CatalogueError, match="organisations.yaml"):
        load_catalogue(tmp_path)


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CatalogueError, match="does not exist"):
        load_catalogue(tmp_path / "nope")
