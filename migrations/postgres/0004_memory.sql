-- Translation memory: approved (or imported, or aligned) pairs of source and target text,
-- with the neighbouring sources for context matches and where each pair came from.
CREATE TABLE memory_units (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    src_lang      TEXT NOT NULL,
    tgt_lang      TEXT NOT NULL,
    granularity   TEXT NOT NULL CHECK (granularity IN ('paragraph', 'sentence')),
    source        TEXT NOT NULL,
    target        TEXT NOT NULL,
    -- Lower-cased copies, folded in Rust, so both databases search the same way.
    source_folded TEXT NOT NULL,
    target_folded TEXT NOT NULL,
    prev_source   TEXT,
    next_source   TEXT,
    origin        TEXT NOT NULL,
    statement_id  BIGINT REFERENCES statements (id) ON DELETE SET NULL,
    statement_title TEXT,
    approved_by   TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    pair_hash     TEXT NOT NULL UNIQUE
);
CREATE INDEX memory_units_pair ON memory_units (src_lang, tgt_lang, id);
