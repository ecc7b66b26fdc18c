-- The translation workflow: why a unit needs work, who wrote its text, its last approval,
-- assignments, the revision history, comments and immutable publications.

ALTER TABLE units
    ADD COLUMN reason TEXT CHECK (reason IN ('rejected', 'source_changed')),
    ADD COLUMN reason_comment TEXT,
    ADD COLUMN old_source TEXT,
    ADD COLUMN new_source TEXT,
    -- Who wrote the current text: four-eyes review compares it with the reviewer.
    ADD COLUMN text_author BIGINT REFERENCES users (id),
    -- The last approved text, kept while a correction is under way so it can still be published.
    ADD COLUMN approved_text TEXT,
    ADD COLUMN approved_by BIGINT REFERENCES users (id),
    ADD COLUMN approved_at TIMESTAMPTZ,
    ADD COLUMN translator_id BIGINT REFERENCES users (id),
    ADD COLUMN reviewer_id BIGINT REFERENCES users (id),
    ADD COLUMN due_at TIMESTAMPTZ;

CREATE TABLE unit_revisions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    BIGINT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    version    BIGINT NOT NULL,
    action     TEXT NOT NULL,
    author     BIGINT REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    text       TEXT NOT NULL,
    comment    TEXT,
    UNIQUE (unit_id, version)
);

CREATE TABLE unit_comments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    BIGINT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    author     BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX unit_comments_unit ON unit_comments (unit_id);

CREATE TABLE publications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    number       BIGINT NOT NULL,
    revision     BIGINT NOT NULL,
    langs        TEXT NOT NULL,
    -- TEXT, not JSONB: the stored bytes are exactly the ones the hash was computed over.
    content      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    created_by   BIGINT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (statement_id, number)
);

-- A publication is immutable: the database refuses to change one.
CREATE FUNCTION publications_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'publications are immutable';
END;
$$;
CREATE TRIGGER publications_immutable_update BEFORE UPDATE ON publications
    FOR EACH ROW EXECUTE FUNCTION publications_immutable();
