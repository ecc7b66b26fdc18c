-- Core tables: languages, users and their roles, sign-in sessions and API tokens,
-- statements with their source revisions, segments and translation units.

CREATE TABLE languages (
    tag         TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    native_name TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO languages (tag, name, native_name) VALUES
    ('hy', 'Armenian', 'Հայերեն'),
    ('en', 'English', 'English'),
    ('ru', 'Russian', 'Русский');

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    is_editor     INTEGER NOT NULL DEFAULT 0 CHECK (is_editor IN (0, 1)),
    created_at    TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('translator', 'reviewer')),
    lang    TEXT NOT NULL REFERENCES languages (tag),
    PRIMARY KEY (user_id, role, lang)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL
);

CREATE TABLE statements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    source_lang TEXT NOT NULL REFERENCES languages (tag),
    format      TEXT NOT NULL CHECK (format IN ('text', 'markdown')),
    revision    INTEGER NOT NULL DEFAULT 1,
    created_by  INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE statement_targets (
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL REFERENCES languages (tag),
    position     INTEGER NOT NULL,
    PRIMARY KEY (statement_id, lang)
);

-- Every version of the source text, so a source change never loses the old one.
CREATE TABLE statement_revisions (
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    revision     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    format       TEXT NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES users (id),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (statement_id, revision)
);

-- A segment removed by a source change stays (active = 0) so its units keep their history.
CREATE TABLE segments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('paragraph', 'heading', 'quote', 'list_item')),
    level        INTEGER,
    source       TEXT NOT NULL,
    sentences    TEXT NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX segments_active_position ON segments (statement_id, position) WHERE active = 1;

CREATE TABLE units (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL REFERENCES languages (tag),
    state      TEXT NOT NULL DEFAULT 'untranslated'
               CHECK (state IN ('untranslated', 'draft', 'translated', 'needs_work', 'approved')),
    text       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    UNIQUE (segment_id, lang)
);
CREATE INDEX units_lang_state ON units (lang, state);
