-- Columns the read queries need, computed once at write time instead of on every query.
--   day     the event's own date, or its document's publication date when it has none (the
--           date every filter and sort of events uses; NULL when neither has one);
--   actors  the distinct actor ids on either side (what the `actor` filter matches);
--   keys    the distinct actor ids and countries on either side (what `country` matches).
-- Store.write_documents (and the Dask loader, through greatgame.store.rows) fill them. Here the
-- table is rebuilt with them (much faster than an UPDATE of list columns), in day order, so
-- that DuckDB's zone maps on `day` skip most row groups of a date filter or a newest-first page.

CREATE TABLE events_v3 (
    id VARCHAR PRIMARY KEY,
    doc VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    quad VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[] NOT NULL,
    source_ids VARCHAR[] NOT NULL,
    source_countries VARCHAR[] NOT NULL,
    target_ids VARCHAR[] NOT NULL,
    target_countries VARCHAR[] NOT NULL,
    date DATE,
    date_end DATE,
    date_precision VARCHAR NOT NULL,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    modality VARCHAR NOT NULL,
    attributed_to VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    sentence_role VARCHAR NOT NULL,
    trigger VARCHAR,
    sentence VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    cluster VARCHAR,
    day DATE,
    actors VARCHAR[] NOT NULL,
    keys VARCHAR[] NOT NULL
);

INSERT INTO events_v3
SELECT e.*, coalesce(e.date, d.published),
       list_sort(list_distinct(list_concat(e.source_ids, e.target_ids))),
       list_sort(list_distinct(list_concat(e.source_ids, e.target_ids, e.source_countries, e.target_countries)))
FROM events e LEFT JOIN documents d ON d.id = e.doc
ORDER BY coalesce(e.date, d.published) NULLS FIRST, e.doc, e.char_start, e.id;

DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
