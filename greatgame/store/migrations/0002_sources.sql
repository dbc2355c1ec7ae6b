-- Sources: outlets (who published a document) and story clusters (one real-world happening
-- told by several reports). Both are derived data: `greatgame.analysis.outlets.write_outlets`
-- and `greatgame.analysis.clusters.recluster` fill them, and may be rerun at any time.
-- The events table already carries `cluster` (the id of its event_clusters row).

CREATE TABLE outlets (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    affiliation VARCHAR NOT NULL,      -- state_media | government | movement | independent | wire | think_tank | ngo | unknown
    owner VARCHAR,                     -- catalogue actor id of the owner
    owner_name VARCHAR,
    actor VARCHAR,                     -- the outlet's own catalogue id (kind media)
    country VARCHAR,
    language VARCHAR,
    parent VARCHAR,
    known BOOLEAN NOT NULL             -- false: not in the outlet catalogue (id is a slug of the publisher)
);

CREATE TABLE document_outlets (
    doc VARCHAR PRIMARY KEY,
    outlet VARCHAR NOT NULL
);

CREATE TABLE event_clusters (
    id VARCHAR PRIMARY KEY,            -- hash of the earliest event's id (stable as reports join)
    first_event VARCHAR NOT NULL,
    events INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    outlets INTEGER NOT NULL,          -- distinct outlets reporting it
    first_day DATE,
    last_day DATE,
    types VARCHAR[] NOT NULL,
    clustered_at TIMESTAMP NOT NULL
);
