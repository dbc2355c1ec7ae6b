"""The actor catalogue: states, organisations, groups and people, with dated offices and memberships.

Data lives in ``greatgame/catalogue/data`` (see ``docs/catalogue-format.md``); this package loads
and queries it::

    from greatgame.catalogue import load_catalogue
    cat = load_catalogue()
    cat.holder(of="RUS", kind="defence_minister", on=datetime.date(2025, 1, 22))
    cat.is_member("UZB", "CSTO", on=datetime.date(2010, 1, 1))

Metonymy policy: a building that houses a head of state or government is a ``seat`` of the state
(the Kremlin -> RUS, Ak Orda -> KAZ); a building that houses one agency is an alias of that agency
(the Pentagon -> US_DOD, Foggy Bottom -> US_STATE_DEPT), whose ``country`` is the state.
"""

from greatgame.catalogue.catalogue import Catalogue
from greatgame.catalogue.explain import explain
from greatgame.catalogue.loader import load_catalogue
from greatgame.catalogue.model import AliasHit, Ambiguity, Entry, Membership, Office, Place, parse_date

__all__ = [
    "AliasHit",
    "Ambiguity",
    "Catalogue",
    "Entry",
    "Membership",
    "Office",
    "Place",
    "explain",
    "load_catalogue",
    "parse_date",
]
