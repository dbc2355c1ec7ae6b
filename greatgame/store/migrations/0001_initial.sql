-- The first schema of a greatgame database. One row per thing the pipeline found; every row
-- points back to its document (`doc`) and, where it has one, its sentence (`sentence_idx`).
-- The whole file runs in one transaction, recorded in the `migrations` table.

CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR,
    published DATE,
    publisher VARCHAR,
    author VARCHAR,
    genre VARCHAR,
    language VARCHAR,
    url VARCHAR,
    path VARCHAR,
    hijri VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE sentences (
    doc VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    parsed BOOLEAN NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE entities (
    doc VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    actor_id VARCHAR
);

CREATE TABLE mentions (
    doc VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    how VARCHAR NOT NULL
);

CREATE TABLE actors_in_doc (
    doc VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    role VARCHAR,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, actor_id)
);

CREATE TABLE relations (
    doc VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    relation VARCHAR NOT NULL,
    object VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    negated BOOLEAN NOT NULL
);

CREATE TABLE events (
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
    cluster VARCHAR
);

CREATE TABLE event_actors (
    event VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    side VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    country VARCHAR,
    kind VARCHAR,
    name VARCHAR
);

CREATE TABLE statements (
    doc VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    speaker VARCHAR,
    speaker_role VARCHAR,
    quote VARCHAR NOT NULL,
    about_ids VARCHAR[] NOT NULL,
    about_stances VARCHAR[] NOT NULL,
    sentence_idx INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    date DATE,
    PRIMARY KEY (doc, idx)
);
