-- Core tables: languages, users and their roles, sign-in sessions and API tokens,
-- statements with their source revisions, segments and translation units.

CREATE TABLE languages (
    tag         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    native_name TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO languages (tag, name, native_name) VALUES
    ('hy', 'Armenian', 'Հայերեն'),
    ('en', 'English', 'English'),
    ('ru', 'Russian', 'Русский');

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
    is_editor     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('translator', 'reviewer')),
    lang    TEXT NOT NULL REFERENCES languages (tag),
    PRIMARY KEY (user_id, role, lang)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE statements (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    source_lang TEXT NOT NULL REFERENCES languages (tag),
    format      TEXT NOT NULL CHECK (format IN ('text', 'markdown')),
    revision    BIGINT NOT NULL DEFAULT 1,
    created_by  BIGINT NOT NULL REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE statement_targets (
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL REFERENCES languages (tag),
    position     BIGINT NOT NULL,
    PRIMARY KEY (statement_id, lang)
);

-- Every version of the source text, so a source change never loses the old one.
CREATE TABLE statement_revisions (
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    revision     BIGINT NOT NULL,
    text         TEXT NOT NULL,
    format       TEXT NOT NULL,
    created_by   BIGINT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (statement_id, revision)
);

-- A segment removed by a source change stays (active = false) so its units keep their history.
CREATE TABLE segments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    position     BIGINT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('paragraph', 'heading', 'quote', 'list_item')),
    level        BIGINT,
    source       TEXT NOT NULL,
    sentences    JSONB NOT NULL,
    active       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX segments_active_position ON segments (statement_id, position) WHERE active;

CREATE TABLE units (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    segment_id BIGINT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL REFERENCES languages (tag),
    state      TEXT NOT NULL DEFAULT 'untranslated'
               CHECK (state IN ('untranslated', 'draft', 'translated', 'needs_work', 'approved')),
    text       TEXT NOT NULL DEFAULT '',
    version    BIGINT NOT NULL DEFAULT 1,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (segment_id, lang)
);
CREATE INDEX units_lang_state ON units (lang, state);
