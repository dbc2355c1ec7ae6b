"""Outlet profiles: who publishes, how much of it is commentary, whom they cover, how they lean.

Every document is attributed to an outlet by resolving its publisher string against the outlet
catalogue (``greatgame.catalogue.outlets``); a document without a publisher belongs to the
outlet ``unknown``. A profile gives the outlet's documents, events, share of commentary (and
appeal) sentences, the actors it mentions most, its genres, and its stance toward each power over
time: the mean of statement stances about the power (positive +1, neutral 0, negative -1) and of
the tone of events the power takes part in (cooperation +1, conflict -1), per period.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pandas as pd

from greatgame.analysis.periods import as_date, check_freq, period_of
from greatgame.catalogue.outlets import Outlet, load_outlets

logger = logging.getLogger(__name__)

POWERS = ("RUS", "CHN", "USA", "EU", "TUR", "IRN", "IND")
OPINION = ("commentary", "appeal")
STANCE = {"positive": 1.0, "negative": -1.0, "neutral": 0.0}
TONE = {
    "verbal_cooperation": 1.0,
    "material_cooperation": 1.0,
    "verbal_conflict": -1.0,
    "material_conflict": -1.0,
}
_UNKNOWN = Outlet(id="unknown", name="(no publisher)", affiliation="unknown", known=False)


def _resolve(publisher: Any) -> Outlet:
    outlet = load_outlets().resolve(publisher if isinstance(publisher, str) else None)
    return outlet or _UNKNOWN


def document_outlets(store) -> pd.DataFrame:
    """One row per document: ``doc``, ``title``, ``publisher``, ``genre``, ``published`` and its outlet's fields."""
    docs = store.documents()
    rows, seen = [], {}
    for d in docs.to_dict("records"):
        pub = d.get("publisher") if isinstance(d.get("publisher"), str) else None
        o = seen[pub] if pub in seen else seen.setdefault(pub, _resolve(pub))
        rows.append({"doc": d["id"], "title": d.get("title"), "publisher": d.get("publisher"), "genre": d.get("genre"),
                     "published": d.get("published"), "events": int(d.get("events") or 0),
                     "outlet": o.id, "outlet_name": o.name, "affiliation": o.affiliation,
                     "owner": o.owner, "country": o.country, "language": o.language, "known": o.known})  # fmt: skip
    cols = ["doc", "title", "publisher", "genre", "published", "events", "outlet", "outlet_name", "affiliation",
            "owner", "country", "language", "known"]  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def write_outlets(store) -> int:
    """Fill the ``outlets`` and ``document_outlets`` tables (one transaction); returns outlets written."""
    from greatgame.analysis.clusters import require_writable

    require_writable(store)
    docs = document_outlets(store)
    seen = {o: _resolve(p) for o, p in zip(docs["outlet"], docs["publisher"], strict=True)}
    con = store.con
    con.begin()
    try:
        con.execute("DELETE FROM document_outlets")
        con.execute("DELETE FROM outlets")
        rows = [(o.id, o.name, o.affiliation, o.owner, o.owner_name, o.actor, o.country, o.language, o.parent,
                 o.known) for o in seen.values()]  # fmt: skip
        if rows:
            con.executemany("INSERT INTO outlets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if len(docs):
            con.register("gg_doc_outlets", docs[["doc", "outlet"]])
            con.execute("INSERT INTO document_outlets SELECT doc, outlet FROM gg_doc_outlets")
            con.unregister("gg_doc_outlets")
        con.commit()
    except Exception:
        con.rollback()
        raise
    return len(seen)


def _role_counts(store) -> pd.DataFrame:
    return store.con.execute("SELECT doc, role, count(*) AS n FROM sentences GROUP BY doc, role").df()


def outlets(store) -> pd.DataFrame:
    """One row per outlet seen in the store, most documents first.

    Columns: ``id, name, affiliation, owner, country, language, known, documents, events,
    sentences, commentary_share`` (commentary and appeal sentences over all sentences) and
    ``genres`` (genre -> documents).
    """
    docs = document_outlets(store)
    cols = ["id", "name", "affiliation", "owner", "country", "language", "known", "documents", "events",
            "sentences", "commentary_share", "genres"]  # fmt: skip
    if docs.empty:
        return pd.DataFrame(columns=cols)
    roles = _role_counts(store).merge(docs[["doc", "outlet"]], on="doc")
    total = roles.groupby("outlet")["n"].sum()
    opinion = roles[roles["role"].isin(OPINION)].groupby("outlet")["n"].sum()
    rows = []
    for oid, part in docs.groupby("outlet"):
        first = part.iloc[0]
        n_sent = int(total.get(oid, 0))
        rows.append({"id": oid, "name": first["outlet_name"], "affiliation": first["affiliation"],
                     "owner": first["owner"], "country": first["country"], "language": first["language"],
                     "known": bool(first["known"]), "documents": len(part), "events": int(part["events"].sum()),
                     "sentences": n_sent,
                     "commentary_share": round(float(opinion.get(oid, 0)) / n_sent, 3) if n_sent else 0.0,
                     "genres": part["genre"].value_counts().to_dict()})  # fmt: skip
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["documents", "id"], ascending=[False, True]).reset_index(drop=True)


def _matches(power: str, ids: Sequence, countries: Sequence) -> bool:
    return any(i == power for i in ids) or any(c == power for c in countries)


def _seq(value) -> list:
    return [] if value is None or (isinstance(value, float) and value != value) else list(value)


def stance(store, outlet_id: str, powers: Sequence[str] = POWERS, freq: str = "year") -> pd.DataFrame:
    """Stance of one outlet toward each power per period.

    Columns: ``power, period, statements, statement_stance, events, event_tone, stance`` where
    ``stance`` is the mean over statements and events together (-1 hostile .. +1 friendly).
    Opinion sentences count here (an outlet's commentary is its stance); negated events do not.
    """
    check_freq(freq)
    docs = document_outlets(store)
    mine = set(docs.loc[docs["outlet"] == outlet_id, "doc"])
    acc: dict[tuple[str, str], dict[str, list[float]]] = {}

    def add(power: str, day, kind: str, value: float) -> None:
        d = as_date(day)
        if d is None:
            return
        label = period_of(d, freq)[0]
        acc.setdefault((power, label), {"s": [], "e": []})[kind].append(value)

    st = store.statements()
    for s in st[st["doc"].isin(mine)].to_dict("records"):
        for aid, pos in zip(_seq(s["about_ids"]), _seq(s["about_stances"]), strict=False):
            if aid in powers and pos in STANCE:
                add(aid, s["day"], "s", STANCE[pos])
    ev = store.events()
    for e in ev[ev["doc"].isin(mine)].to_dict("records"):
        if e["modality"] == "negated" or e["quad"] not in TONE:
            continue
        ids = _seq(e["source_ids"]) + _seq(e["target_ids"])
        ctry = _seq(e["source_countries"]) + _seq(e["target_countries"])
        for power in powers:
            if _matches(power, ids, ctry):
                add(power, e["day"], "e", TONE[e["quad"]])
    rows = []
    for (power, label), v in sorted(acc.items()):
        both = v["s"] + v["e"]
        rows.append({"power": power, "period": label, "statements": len(v["s"]),
                     "statement_stance": round(sum(v["s"]) / len(v["s"]), 3) if v["s"] else None,
                     "events": len(v["e"]), "event_tone": round(sum(v["e"]) / len(v["e"]), 3) if v["e"] else None,
                     "stance": round(sum(both) / len(both), 3)})  # fmt: skip
    cols = ["power", "period", "statements", "statement_stance", "events", "event_tone", "stance"]
    return pd.DataFrame(rows, columns=cols)


def top_actors(store, docs: set[str], limit: int = 10) -> pd.DataFrame:
    """The actors mentioned most in these documents: ``actor_id, name, kind, documents, mentions``."""
    if not docs:
        return pd.DataFrame(columns=["actor_id", "name", "kind", "documents", "mentions"])
    sql = """SELECT actor_id, arg_max(name, mentions) AS name, arg_max(kind, mentions) AS kind,
                    count(DISTINCT doc) AS documents, sum(mentions)::BIGINT AS mentions
             FROM actors_in_doc WHERE list_contains(?::VARCHAR[], doc)
             GROUP BY actor_id ORDER BY mentions DESC, actor_id LIMIT ?"""
    return store.con.execute(sql, [sorted(docs), int(limit)]).df()


def profile(
    store, outlet_id: str, powers: Sequence[str] = POWERS, freq: str = "year"
) -> dict[str, Any] | None:
    """Everything about one outlet, or None when no document of the store comes from it.

    Keys: ``outlet`` (catalogue fields), ``documents`` (DataFrame), ``n_documents``, ``n_events``,
    ``sentence_roles`` (role -> count), ``commentary_share``, ``genres``, ``top_actors``
    (DataFrame) and ``stance`` (DataFrame, see ``stance``).
    """
    docs = document_outlets(store)
    part = docs[docs["outlet"] == outlet_id]
    if part.empty:
        return None
    ids = set(part["doc"])
    roles = _role_counts(store)
    roles = roles[roles["doc"].isin(ids)].groupby("role")["n"].sum().to_dict()
    n_sent = sum(roles.values())
    outlet = load_outlets().get(outlet_id) or _resolve(part.iloc[0]["publisher"])
    return {
        "outlet": outlet.to_record(),
        "documents": part.drop(columns=["outlet", "outlet_name", "affiliation", "owner", "country", "language",
                                        "known"]).sort_values("published", ascending=False).reset_index(drop=True),
        "n_documents": len(part),
        "n_events": int(part["events"].sum()),
        "sentence_roles": {k: int(v) for k, v in roles.items()},
        "commentary_share": round(sum(v for k, v in roles.items() if k in OPINION) / n_sent, 3) if n_sent else 0.0,
        "genres": part["genre"].value_counts().to_dict(),
        "top_actors": top_actors(store, ids),
        "stance": stance(store, outlet_id, powers, freq),
    }  # fmt: skip
