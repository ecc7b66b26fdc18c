-- Translation memory: approved (or imported, or aligned) pairs of source and target text,
-- with the neighbouring sources for context matches and where each pair came from.
CREATE TABLE memory_units (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    src_lang      TEXT NOT NULL,
    tgt_lang      TEXT NOT NULL,
    -- 'paragraph' or 'sentence'.
    granularity   TEXT NOT NULL CHECK (granularity IN ('paragraph', 'sentence')),
    source        TEXT NOT NULL,
    target        TEXT NOT NULL,
    -- Lower-cased copies: concordance search must fold Armenian and Cyrillic case too,
    -- which neither database's own lower() does the same way.
    source_folded TEXT NOT NULL,
    target_folded TEXT NOT NULL,
    prev_source   TEXT,
    next_source   TEXT,
    -- 'approved', 'tmx' or 'aligned'.
    origin        TEXT NOT NULL,
    statement_id  INTEGER REFERENCES statements (id) ON DELETE SET NULL,
    statement_title TEXT,
    approved_by   TEXT,
    created_at    TEXT NOT NULL,
    -- One row per distinct pair and context; a repeat refreshes its provenance.
    pair_hash     TEXT NOT NULL UNIQUE
);
CREATE INDEX memory_units_pair ON memory_units (src_lang, tgt_lang, id);
