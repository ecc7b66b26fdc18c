-- The glossary: how a term of one language is rendered in another, and whether that rendering
-- is preferred, forbidden, or the term stays untranslated.
CREATE TABLE glossary_terms (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    src_lang    TEXT NOT NULL,
    tgt_lang    TEXT NOT NULL,
    term        TEXT NOT NULL,
    translation TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('preferred', 'forbidden', 'do_not_translate')),
    note        TEXT NOT NULL DEFAULT '',
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (src_lang, tgt_lang, term, translation)
);
