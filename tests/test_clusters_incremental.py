"""Clustering after every ingest is incremental: new reports join the stored clusters block by block.

The sample corpus' gold events are stored as documents; storing them in two halves (each
followed by the clustering an ingest runs) must group every event as storing them at once does,
and as the in-memory ``cluster_events`` the benchmark measures. Cluster ids stay put.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from greatgame.analysis.clusters import (
    cluster_events,
    events_from_frame,
    load_params,
    recluster,
    refresh_sources,
    update_clusters,
)
from greatgame.models import ActorRef, Document, DocumentMeta, Event, Location, Sentence
from greatgame.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "gold"


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        return dt.date.fromisoformat(value)
    return None


@pytest.fixture(scope="module")
def corpus_documents() -> list[Document]:
    """The gold annotation of the sample corpus as stored documents (one sentence per event)."""
    from greatgame.catalogue import load_catalogue

    cat = load_catalogue()

    def refs(ids):
        return [ActorRef(i, cat.country_of(i) if cat.get(i) else None) for i in ids or []]

    docs = []
    for path in sorted(CORPUS.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        meta = gold.get("meta") or {}
        sentences, events, pos = [], [], 0
        for n, e in enumerate(gold.get("events") or []):
            text = e.get("sentence") or ""
            sentences.append(Sentence(n, pos, pos + len(text), text))
            loc = e.get("location") or None
            date = _day(e.get("date"))
            events.append(Event(
                type=e["type"], source=refs(e.get("source")), target=refs(e.get("target")), sentence=text,
                sentence_index=n, char_start=pos, char_end=pos + len(text), date=date, date_end=_day(e.get("date_end")),
                date_precision="day" if date else "none",
                location=Location(loc["name"], loc.get("country")) if loc and loc.get("name") else None,
            ))  # fmt: skip
            pos += len(text) + 1
        doc_meta = DocumentMeta(id=gold["id"], title=meta.get("title"), published=_day(meta.get("published")),
                                publisher=meta.get("publisher"), content_hash=f"hash-{gold['id']}")  # fmt: skip
        text = " ".join(s.text for s in sentences)
        docs.append(Document(doc_meta, text, sentences, [], [], [], events, []))
    return docs


def _groups(store) -> set[frozenset[str]]:
    """The stored clusters as sets of event ids (what does not depend on ids)."""
    out = defaultdict(set)
    for eid, cid in store.con.execute("SELECT id, cluster FROM events").fetchall():
        assert cid is not None, f"event {eid} was left without a cluster"
        out[cid].add(eid)
    return {frozenset(v) for v in out.values()}


def _ids(store) -> dict[str, str]:
    return dict(store.con.execute("SELECT id, cluster FROM events").fetchall())


def _halves(docs: list[Document], split: str) -> tuple[list[Document], list[Document]]:
    """Two ingests: by a hash of the document id, or a few early documents stored last."""
    if split == "hash":
        second = [d for d in docs if int(hashlib.md5(d.meta.id.encode()).hexdigest(), 16) % 2 == 0]
    else:
        dated = sorted((d for d in docs if d.meta.published), key=lambda d: (d.meta.published, d.meta.id))
        second = dated[: len(dated) // 2 : 3]
    return [d for d in docs if d not in second], second


@pytest.mark.parametrize(("block_days", "split"), [(91, "hash"), (14, "hash"), (14, "early"), (91, "early")])
def test_two_ingests_group_events_as_one_ingest_does(tmp_path, corpus_documents, block_days, split):
    params = dataclasses.replace(load_params(), block_days=block_days)
    with Store(tmp_path / "once.duckdb") as st:
        for d in corpus_documents:
            st.write_document(d)
        update_clusters(st, params)
        at_once = _groups(st)
        in_memory = cluster_events(events_from_frame(st.events()), params)
    first, second = _halves(corpus_documents, split)  # the second ingest reaches back in time
    with Store(tmp_path / "halves.duckdb") as st:
        for d in first:
            st.write_document(d)
        update_clusters(st, params)
        for d in second:
            st.write_document(d)
        update_clusters(st, params)
        assert _groups(st) == at_once
        stored = st.con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
        assert stored == len(at_once)  # one summary row per cluster, none left over from the first ingest
    members = defaultdict(set)
    for eid, cid in in_memory.items():
        members[cid].add(eid)
    assert {frozenset(v) for v in members.values()} == at_once  # the benchmark measures what the store does
    assert sum(len(g) > 1 for g in at_once) >= 40  # the corpus' stories are told by several reports


def test_cluster_ids_of_earlier_ingests_stay(tmp_path, corpus_documents):
    """Documents published later join the clusters of earlier ones, which keep their ids."""
    ordered = sorted(corpus_documents, key=lambda d: (d.meta.published or dt.date.min, d.meta.id))
    cut = len(ordered) * 2 // 3
    with Store(tmp_path / "later.duckdb") as st:
        for d in ordered[:cut]:
            st.write_document(d)
        refresh_sources(st)
        before = _ids(st)
        for d in ordered[cut:]:
            st.write_document(d)
        refresh_sources(st)
        after = _ids(st)
        old_members = defaultdict(set)
        for eid, cid in before.items():
            old_members[cid].add(eid)
        whole = [cid for cid, evs in old_members.items() if len({after[e] for e in evs}) == 1]
        assert len(whole) >= 0.9 * len(old_members)
        kept = [cid for cid in whole if after[next(iter(old_members[cid]))] == cid]
        assert len(kept) >= 0.95 * len(whole)  # a bookmark to a cluster keeps working
        joined = {after[e] for e in after if e not in before} & set(before.values())
        assert joined, "no later report joined an earlier cluster"
        assert recluster(st) == len(_groups(st))  # reclustering everything changes no grouping ...
        assert _ids(st) == after  # ... and no id


def test_a_rerun_with_nothing_new_changes_nothing(tmp_path, corpus_documents):
    with Store(tmp_path / "rerun.duckdb") as st:
        for d in corpus_documents[:20]:
            st.write_document(d)
        n = update_clusters(st)
        stamp = st.con.execute("SELECT max(clustered_at) FROM event_clusters").fetchone()[0]
        assert update_clusters(st) == n
        assert st.con.execute("SELECT max(clustered_at) FROM event_clusters").fetchone()[0] == stamp


def test_a_failed_run_leaves_the_clusters_as_they_were(tmp_path, corpus_documents, monkeypatch):
    from greatgame.analysis import cluster_store

    with Store(tmp_path / "fail.duckdb") as st:
        for d in corpus_documents[:10]:
            st.write_document(d)
        update_clusters(st)
        before = _ids(st)
        for d in corpus_documents[10:20]:
            st.write_document(d)

        def broken(self):
            raise RuntimeError("disk full")

        monkeypatch.setattr(cluster_store._Run, "summaries", broken)
        with pytest.raises(RuntimeError, match="disk full"):
            update_clusters(st)
        assert {k: v for k, v in _ids(st).items() if k in before} == before
        assert all(v is None for k, v in _ids(st).items() if k not in before)
