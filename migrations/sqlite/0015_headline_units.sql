-- A statement's headline becomes a unit like its paragraphs: a segment of kind 'headline' at
-- place 0, with a unit per target language. The segments table accepts that kind once the
-- store has rebuilt it (src/store/sqlite/segment_kinds.rs), just before this runs: SQLite
-- changes a CHECK constraint only by rebuilding the table, with foreign keys off, which cannot
-- happen inside the transaction a migration runs in.

-- Each statement's title, as one sentence, at place 0.
INSERT INTO segments (statement_id, position, kind, level, source, sentences, active, created_at)
    SELECT s.id, 0, 'headline', NULL, s.title,
           json_array(json_array(0, length(CAST(s.title AS BLOB)))), 1, s.created_at
    FROM statements s;
-- Untranslated in every target language.
INSERT INTO units (segment_id, lang, updated_at)
    SELECT g.id, t.lang, g.created_at
    FROM segments g JOIN statement_targets t ON t.statement_id = g.statement_id
    WHERE g.kind = 'headline';
