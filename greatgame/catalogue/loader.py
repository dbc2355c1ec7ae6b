"""Read the catalogue data files (YAML) into a :class:`Catalogue`.

The shipped files live in ``greatgame/catalogue/data`` and are read with ``importlib.resources``;
``load_catalogue(path)`` reads another folder of the same layout (tests build small ones).
Every state of pycountry is loaded first and ``states.yaml`` is merged over it.

Problems in the data (a malformed date, a missing field) do not stop loading: the record is kept
as well as it can be and the problem is remembered for :meth:`Catalogue.check`. Only a file that
is not YAML, or not a list, raises :class:`~greatgame.errors.CatalogueError`.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from pathlib import Path
from typing import Any

import pycountry
import yaml

from greatgame.catalogue.catalogue import Catalogue
from greatgame.catalogue.model import Ambiguity, Entry, Membership, Office, Place, date_precision, parse_date
from greatgame.errors import CatalogueError

logger = logging.getLogger(__name__)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The fast safe YAML loader, keeping dates as written (``parse_date`` reads and checks them)."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load the catalogue, cached: the shipped data, or the data folder at ``path``."""
    return _load_cached(str(Path(path).resolve()) if path is not None else None)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str | None) -> Catalogue:
    root = importlib.resources.files("greatgame.catalogue") / "data" if path is None else Path(path)
    if path is not None and not Path(path).is_dir():
        raise CatalogueError(
            f"catalogue folder '{path}' does not exist: pass a folder holding states.yaml etc."
        )
    reader = _Reader(root)
    return reader.build()


class _Reader:
    """Reads one data folder; collects problems instead of failing on them."""

    def __init__(self, root: Any):
        self.root = root
        self.problems: list[str] = []

    def build(self) -> Catalogue:
        states = self.states()
        orgs = [self.org(r, "organisations.yaml") for r in self.read("organisations.yaml")]
        people = self.people()
        memberships = [self.membership(r) for r in self.read("memberships.yaml")]
        titles, kinds = self.offices()
        places = [self.place(r) for r in self.read("places.yaml")]
        ambiguities = [self.ambiguity(r) for r in self.read("ambiguities.yaml")]
        entries = [e for e in states + orgs + people if e is not None]
        return Catalogue(
            entries=entries,
            memberships=[m for m in memberships if m is not None],
            titles=titles,
            office_kinds=kinds,
            places=[p for p in places if p is not None],
            ambiguities=[a for a in ambiguities if a is not None],
            problems=self.problems,
        )

    # ------------------------------------------------------------------ files
    def read(self, name: str) -> list[dict[str, Any]]:
        node = self.root / name
        if not node.is_file():
            if name != "ambiguities.yaml":
                logger.info("catalogue file %s is missing; treated as empty", name)
            return []
        return self._parse(node, name)

    def _parse(self, node: Any, name: str) -> list[dict[str, Any]]:
        try:
            data = yaml.load(node.read_text(encoding="utf-8"), Loader=_Loader)
        except yaml.YAMLError as exc:
            raise CatalogueError(f"catalogue file {name} is not valid YAML ({exc}); fix the file") from exc
        if data is None:
            return []
        if not isinstance(data, list):
            raise CatalogueError(
                f"catalogue file {name} must hold a list of records, not {type(data).__name__}"
            )
        good = []
        for i, rec in enumerate(data):
            if isinstance(rec, dict):
                rec.setdefault("_src", f"{name}#{i + 1}")
                good.append(rec)
            else:
                self.problems.append(f"{name}: record {i + 1} is not a mapping: {rec!r}")
        return good

    def date(self, rec: dict[str, Any], key: str, *, end: bool = False) -> Any:
        try:
            return parse_date(rec.get(key), end=end)
        except ValueError as exc:
            self.problems.append(f"{rec['_src']}: bad {key} date: {exc}")
            return None

    # ------------------------------------------------------------------ states
    def states(self) -> list[Entry]:
        by_id: dict[str, Entry] = {}
        for c in pycountry.countries:
            official = getattr(c, "official_name", None)
            common = getattr(c, "common_name", None)
            by_id[c.alpha_3] = Entry(
                id=c.alpha_3,
                name=common or c.name,
                kind="state",
                country=c.alpha_3,
                aliases=[n for n in (c.name, common) if n and "," not in n],
                official_name=official.removeprefix("the ") if official and "," not in official else None,
                source="pycountry",
            )
        seen: set[str] = set()
        for rec in self.read("states.yaml"):
            sid = str(rec.get("id", ""))
            if sid in seen:
                self.problems.append(f"{rec['_src']}: state {sid} is defined twice in states.yaml")
            seen.add(sid)
            by_id[sid] = self.state(rec, by_id.get(sid))
        return list(by_id.values())

    def state(self, rec: dict[str, Any], base: Entry | None) -> Entry:
        sid = str(rec.get("id", ""))
        if base is None and not rec.get("name"):
            self.problems.append(f"{rec['_src']}: state {sid} is not in pycountry and has no name")
        e = base or Entry(id=sid, name=str(rec.get("name") or sid), kind="state", country=sid)
        if base is not None and rec.get("name") and rec["name"] != base.name and "," not in base.name:
            e.aliases.append(base.name)
        e.name = str(rec.get("name") or e.name)
        e.aliases = _dedupe(e.aliases + _strs(rec, "aliases", self) + _strs(rec, "former_names", self))
        e.demonyms = _strs(rec, "demonyms", self)
        e.capital = rec.get("capital")
        e.capital_aliases = _strs(rec, "capital_aliases", self)
        e.seats = _strs(rec, "seats", self)
        e.former_names = _strs(rec, "former_names", self)
        e.founded = self.date(rec, "founded")
        e.dissolved = self.date(rec, "dissolved", end=True)
        e.successor = rec.get("successor")
        e.note = rec.get("note")
        e.source = "states.yaml" if base is None else "pycountry+states.yaml"
        return e

    # ------------------------------------------------------------------ organisations and people
    def org(self, rec: dict[str, Any], source: str) -> Entry:
        return Entry(
            id=str(rec.get("id", "")),
            name=str(rec.get("name") or rec.get("id", "")),
            kind=str(rec.get("kind") or ""),
            country=rec.get("country"),
            aliases=_strs(rec, "aliases", self),
            seats=_strs(rec, "seats", self),
            founded=self.date(rec, "founded"),
            dissolved=self.date(rec, "dissolved", end=True),
            headquarters=rec.get("headquarters"),
            parent=rec.get("parent"),
            note=rec.get("note"),
            source=source,
        )

    def people(self) -> list[Entry]:
        folder = self.root / "people"
        if not folder.is_dir():
            return []
        out = []
        for node in sorted(folder.iterdir(), key=lambda n: n.name):
            if node.name.endswith((".yaml", ".yml")):
                out.extend(
                    self.person(r, f"people/{node.name}") for r in self._parse(node, f"people/{node.name}")
                )
        return out

    def person(self, rec: dict[str, Any], source: str) -> Entry:
        pid = str(rec.get("id", ""))
        name = str(rec.get("name") or pid)
        offices = []
        for o in rec.get("offices") or []:
            if not isinstance(o, dict):
                self.problems.append(f"{rec['_src']}: an office of {pid} is not a mapping: {o!r}")
                continue
            o = {**o, "_src": f"{rec['_src']} ({pid})"}
            offices.append(
                Office(
                    of=str(o.get("of", "")),
                    kind=str(o.get("kind", "")),
                    role=str(o.get("role") or o.get("kind", "")),
                    start=self.date(o, "start"),
                    end=self.date(o, "end", end=True),
                    person=pid,
                    start_precision=date_precision(o.get("start")),
                    end_precision=date_precision(o.get("end")),
                )
            )
        return Entry(
            id=pid,
            name=name,
            kind="person",
            country=rec.get("country"),
            aliases=_strs(rec, "aliases", self),
            offices=offices,
            surname=str(rec.get("surname") or name.split()[-1]),
            note=rec.get("note"),
            source=source,
        )

    # ------------------------------------------------------------------ relations, offices, places
    def membership(self, rec: dict[str, Any]) -> Membership | None:
        missing = [k for k in ("subject", "relation", "object") if not rec.get(k)]
        if missing:
            self.problems.append(f"{rec['_src']}: membership lacks {', '.join(missing)}")
            return None
        m = Membership(
            subject=str(rec["subject"]),
            relation=str(rec["relation"]),
            object=str(rec["object"]),
            start=self.date(rec, "start"),
            end=self.date(rec, "end", end=True),
            note=rec.get("note"),
            src=rec["_src"],
        )
        return m

    def offices(self) -> tuple[dict[str, str], list[str]]:
        titles: dict[str, str] = {}
        kinds: list[str] = []
        for rec in self.read("offices.yaml"):
            kind = str(rec.get("kind") or "")
            if not kind:
                self.problems.append(f"{rec['_src']}: office record without kind")
                continue
            kinds.append(kind)
            for title in _strs(rec, "titles", self):
                key = " ".join(title.lower().split())
                if key in titles and titles[key] != kind:
                    self.problems.append(
                        f"offices.yaml: title '{title}' names both {titles[key]} and {kind}; keep it in one kind"
                    )
                titles.setdefault(key, kind)
        return titles, kinds

    def place(self, rec: dict[str, Any]) -> Place | None:
        if not rec.get("name"):
            self.problems.append(f"{rec['_src']}: place without name")
            return None
        p = Place(
            name=str(rec["name"]),
            aliases=_strs(rec, "aliases", self),
            kind=str(rec.get("kind") or "other"),
            country=rec.get("country"),
            lat=rec.get("lat"),
            lon=rec.get("lon"),
            src=rec["_src"],
        )
        return p

    def ambiguity(self, rec: dict[str, Any]) -> Ambiguity | None:
        if not rec.get("text"):
            self.problems.append(f"{rec['_src']}: ambiguity without text")
            return None
        return Ambiguity(
            text=str(rec["text"]),
            candidates=[str(c) for c in rec.get("candidates") or []],
            prefer=rec.get("prefer"),
            rule=str(rec.get("rule") or ""),
        )


def _strs(rec: dict[str, Any], key: str, reader: _Reader) -> list[str]:
    value = rec.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        reader.problems.append(f"{rec['_src']}: {key} must be a list")
        return []
    return [str(v) for v in value if v is not None and str(v).strip()]


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
