"""Databases for the dashboard tests (a helper module: it holds no tests of its own).

``build_database(path)`` ingests the sample corpus through the real pipeline when the pipeline
runs, and falls back to hand-written documents when it does not yet (the reason is returned, so
the tests can say which corpus they saw). Either way it adds ``hostile_document()``: a page whose
every stored field carries script, ``onerror=``, ``javascript:`` and attribute-breaking payloads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from greatgame.models import (
    QUAD,
    Actor,
    ActorRef,
    Document,
    DocumentMeta,
    Event,
    Mention,
    Sentence,
    Statement,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "articles"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
SVG = '"><svg onload=alert(1)>'
PAYLOADS = (SCRIPT, IMG, JS_URL, SVG)

ACTORS = {  # id -> (name, kind, country)
    "RUS": ("Russia", "state", "RUS"), "CHN": ("China", "state", "CHN"), "USA": ("United States", "state", "USA"),
    "EU": ("European Union", "igo", None), "TUR": ("Turkey", "state", "TUR"), "UZB": ("Uzbekistan", "state", "UZB"),
    "KAZ": ("Kazakhstan", "state", "KAZ"), "sergey-lavrov": ("Sergey Lavrov", "person", "RUS"),
    "SCO": ("Shanghai Cooperation Organisation", "igo", None),
}  # fmt: skip

# (id, title, published, publisher, [(sentence, role, [(type, sources, targets, contexts, modality)])])
STORIES = [
    ("web_lavrov_tashkent.txt", "Lavrov holds talks in Tashkent", "2024-02-12", "Central Asia Wire", [
        ("Russian Foreign Minister Sergey Lavrov arrived in Tashkent on Monday for talks with Uzbek officials.",
         "fact", [("CONSULT", ["sergey-lavrov"], ["UZB"], ["diplomatic"], "asserted")]),
        ("The two sides signed an agreement on energy cooperation.", "fact",
         [("AGREE", ["RUS"], ["UZB"], ["economic"], "asserted")]),
        ("\u201cWe value our strategic partnership with Uzbekistan,\u201d Lavrov told reporters.", "speech", []),
        ("Analysts say Moscow is trying to keep its grip on the region.", "commentary", []),
    ]),
    ("web_china_rail.txt", "China and Uzbekistan agree on railway financing", "2024-05-20", "Silk Road Daily", [
        ("China agreed to finance a new railway line through Uzbekistan.", "fact",
         [("AGREE", ["CHN"], ["UZB"], ["economic"], "asserted")]),
        ("Construction is expected to start next year, officials said.", "fact",
         [("COOPERATE", ["CHN"], ["UZB"], ["economic"], "planned")]),
        ("Chinese engineers have already surveyed the route.", "fact",
         [("COOPERATE", ["CHN"], ["UZB"], ["economic"], "reported")]),
    ]),
    ("web_us_talks.txt", "US and Uzbekistan hold strategic dialogue", "2023-09-19", "Central Asia Wire", [
        ("US officials met their Uzbek counterparts in Washington for a strategic dialogue.", "fact",
         [("CONSULT", ["USA"], ["UZB"], ["diplomatic"], "asserted")]),
        ("Washington criticised Tashkent over press freedom.", "fact",
         [("DISAPPROVE", ["USA"], ["UZB"], ["governance"], "asserted")]),
        ("The meeting followed the C5+1 summit in New York.", "boilerplate", []),
    ]),
    ("web_eu_aid.txt", "EU announces aid package for Uzbekistan", "2024-11-05", "Europe Desk", [
        ("The European Union announced 40 million euros in aid to Uzbekistan.", "fact",
         [("AID", ["EU"], ["UZB"], ["economic"], "asserted")]),
        ("Brussels also urged Tashkent to speed up judicial reform.", "fact",
         [("DEMAND", ["EU"], ["UZB"], ["governance"], "asserted")]),
    ]),
    ("web_eaeu_refusal.txt", "Uzbekistan declines full EAEU membership", "2024-08-14", "Tashkent Times", [
        ("Uzbekistan rejected a Russian proposal to become a full member of the Eurasian Economic Union.",
         "fact", [("REJECT", ["UZB"], ["RUS"], ["economic"], "asserted")]),
        ("Russia threatened to restrict imports of Uzbek fruit.", "fact",
         [("THREATEN", ["RUS"], ["UZB"], ["economic"], "asserted")]),
        ("Moscow should respect the choices of its neighbours, an editorial argued.", "appeal", []),
    ]),
    ("web_turkey_drills.txt", "Turkish and Uzbek troops hold joint drills", "2025-03-03", "Defence Monitor", [
        ("Turkish and Uzbek special forces held joint exercises near Termez.", "fact",
         [("COOPERATE", ["TUR"], ["UZB"], ["military"], "asserted")]),
        ("Russia sent military instructors to Uzbekistan in the same month.", "fact",
         [("AID", ["RUS"], ["UZB"], ["military"], "asserted")]),
    ]),
    ("web_kazakh_sco.txt", "Kazakhstan hosts SCO ministers", "2025-01-22", "Astana Today", [
        ("Kazakhstan hosted the foreign ministers of the Shanghai Cooperation Organisation in Astana.", "fact",
         [("CONSULT", ["KAZ"], ["SCO"], ["diplomatic"], "asserted")]),
        ("China promised Kazakhstan new loans for roads.", "fact",
         [("AID", ["CHN"], ["KAZ"], ["economic"], "asserted")]),
        ("Uzbekistan and China signed a memorandum on digital trade.", "fact",
         [("AGREE", ["UZB"], ["CHN"], ["economic"], "asserted")]),
    ]),
]  # fmt: skip


def _ref(actor_id: str) -> ActorRef:
    name, kind, country = ACTORS.get(actor_id, (actor_id, "other", None))
    return ActorRef(actor_id, country, kind, name)


def make_story(doc_id: str, title: str, published: str, publisher: str, rows: list, author: str = "Staff",
               url: str | None = None, actors: dict | None = None) -> Document:  # fmt: skip
    """A Document from hand-written sentences with their roles and events."""
    known = {**ACTORS, **(actors or {})}
    text = ""
    sentences, events, mentions = [], [], []
    day = dt.date.fromisoformat(published)
    for i, (sentence, role, evs) in enumerate(rows):
        text += ("\n\n" if i and i % 2 == 0 else " " if i else "") + sentence
        start = len(text) - len(sentence)
        sentences.append(Sentence(i, start, len(text), sentence, [], role, parsed=True))
        for type_, sources, targets, context, modality in evs:
            assert type_ in QUAD, type_
            events.append(Event(
                type=type_, source=[_ref(a) for a in sources], target=[_ref(a) for a in targets],
                sentence=sentence, sentence_index=i, char_start=start, char_end=len(text), context=list(context),
                date=day, date_precision="day", modality=modality, confidence=0.9, sentence_role=role,
                trigger=sentence.split()[1].strip(",."),
            ))  # fmt: skip
            for a in sources + targets:
                mentions.append(Mention(a, start, start + 5, sentence[:5], i))
    ids = sorted({m.actor_id for m in mentions})
    doc_actors = [Actor(a, known.get(a, (a,))[0], known.get(a, (a, "other"))[1], known.get(a, (a, "", None))[2],
                        None, sum(m.actor_id == a for m in mentions)) for a in ids]  # fmt: skip
    meta = DocumentMeta(id=doc_id, title=title, published=day, publisher=publisher, author=author, genre="news",
                        url=url or f"https://example.org/{doc_id}")  # fmt: skip
    statements = []
    for i, (sentence, role, _) in enumerate(rows):
        if role == "speech":
            statements.append(Statement("sergey-lavrov", "Minister of Foreign Affairs of Russia", sentence,
                                        [{"id": "UZB", "stance": "positive"}], i, sentences[i].start,
                                        sentences[i].end, day))  # fmt: skip
    return Document(meta, text, sentences, doc_actors, mentions, [], events, statements)


def hand_made_documents() -> list[Document]:
    """The hand-written sample stories."""
    return [make_story(*story) for story in STORIES]


HOSTILE_ID = "hostile-x"  # a plain id, so the page is easy to open; the payloads sit in the fields
HOSTILE_ACTOR = 'evil"><svg onload=alert(1)>'


def hostile_document() -> Document:
    """A document whose title, text, publisher, author, URL, actor and statement carry XSS payloads.

    It also holds a RUS -> UZB event dated 2024-08-20, so the country page's chart has a point
    whose events list shows the payloads.
    """
    rows = [
        (f"Russia signed a deal with Uzbekistan {SCRIPT} and {IMG} near the border.", "fact",
         [("AGREE", ["RUS"], ["UZB"], ["economic", SCRIPT], "asserted")]),
        (f"Officials in {SVG} praised the {JS_URL} plan.", "speech",
         [("SUPPORT", [HOSTILE_ACTOR], ["UZB"], [IMG], "asserted")]),
        (f"Read more at {JS_URL} or {SVG}.", "boilerplate", []),
    ]  # fmt: skip
    doc = make_story(HOSTILE_ID, f"Breaking {SCRIPT}{IMG}{SVG}", "2024-08-20", f"Publisher {SCRIPT}{SVG}",
                     rows, author=f"Author {IMG}{SVG}", url=JS_URL,
                     actors={HOSTILE_ACTOR: (f"Evil {SCRIPT}{IMG}", "person", "UZB")})  # fmt: skip
    for s in doc.statements:
        s.speaker = HOSTILE_ACTOR
        s.speaker_role = f"role {IMG}"
        s.about = [{"id": "UZB", "stance": f"positive{SVG}"}]
    return doc


HOSTILE_HTML = f"""<!doctype html><html><head><title>Attack {SCRIPT}{SVG}</title>
<meta name="author" content='Mallory {IMG}'><meta property="og:site_name" content="Evil {SVG} News"></head>
<body><article><h1>Russia {SCRIPT} and Uzbekistan</h1>
<p>Russian Foreign Minister Sergey Lavrov met Uzbek officials in Tashkent on 3 June 2024 {IMG}.</p>
<p>Uzbekistan signed an agreement with China on trade, <a href="{JS_URL}">officials said</a> {SVG}.</p>
<p>&lt;script&gt;alert(1)&lt;/script&gt; was printed in the text itself.</p></article></body></html>
"""


def build_database(path: Path, work: Path) -> str:
    """Fill a fresh database at ``path``; returns which corpus it holds, in words."""
    from greatgame.store import Store

    with Store(path) as store:
        how = _ingest_corpus(store, work)
        if how.startswith("hand-made"):
            for doc in hand_made_documents():
                store.write_document(doc)
        store.write_document(hostile_document())
    return how


def _ingest_corpus(store, work: Path) -> str:
    """The sample corpus (plus a hostile HTML page) through the real pipeline, if it runs."""
    try:
        from greatgame.config import Settings
        from greatgame.pipeline import run_ingest

        hostile = work / "hostile_page.html"
        hostile.write_text(HOSTILE_HTML, encoding="utf-8")
        progress = run_ingest([CORPUS, hostile], Settings(workers=1, db=store.path), store)
    except Exception as exc:  # the pipeline is still being finished by others
        return f"hand-made documents (the pipeline failed: {type(exc).__name__}: {exc})"
    if not store.count_events():
        return f"hand-made documents (the pipeline stored no events from {progress.done} documents)"
    return f"the sample corpus through the pipeline ({progress.done} documents, {progress.failed} failed)"
