-- The translation workflow: why a unit needs work, who wrote its text, its last approval,
-- assignments, the revision history, comments and immutable publications.

ALTER TABLE units ADD COLUMN reason TEXT CHECK (reason IN ('rejected', 'source_changed'));
ALTER TABLE units ADD COLUMN reason_comment TEXT;
ALTER TABLE units ADD COLUMN old_source TEXT;
ALTER TABLE units ADD COLUMN new_source TEXT;
-- Who wrote the current text: four-eyes review compares it with the reviewer.
ALTER TABLE units ADD COLUMN text_author INTEGER REFERENCES users (id);
-- The last approved text, kept while a correction is under way so it can still be published.
ALTER TABLE units ADD COLUMN approved_text TEXT;
ALTER TABLE units ADD COLUMN approved_by INTEGER REFERENCES users (id);
ALTER TABLE units ADD COLUMN approved_at TEXT;
ALTER TABLE units ADD COLUMN translator_id INTEGER REFERENCES users (id);
ALTER TABLE units ADD COLUMN reviewer_id INTEGER REFERENCES users (id);
ALTER TABLE units ADD COLUMN due_at TEXT;

CREATE TABLE unit_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id    INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    action     TEXT NOT NULL,
    author     INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    text       TEXT NOT NULL,
    comment    TEXT,
    UNIQUE (unit_id, version)
);

CREATE TABLE unit_comments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id    INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    author     INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX unit_comments_unit ON unit_comments (unit_id);

CREATE TABLE publications (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    revision     INTEGER NOT NULL,
    langs        TEXT NOT NULL,
    content      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES users (id),
    created_at   TEXT NOT NULL,
    UNIQUE (statement_id, number)
);

-- A publication is immutable: the database refuses to change or delete one.
CREATE TRIGGER publications_immutable_update BEFORE UPDATE ON publications
BEGIN
    SELECT RAISE(ABORT, 'publications are immutable');
END;
