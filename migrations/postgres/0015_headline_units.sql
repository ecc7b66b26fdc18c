-- A statement's headline becomes a unit like its paragraphs: a segment of kind 'headline' at
-- place 0, with an untranslated unit per target language.
ALTER TABLE segments DROP CONSTRAINT segments_kind_check;
ALTER TABLE segments ADD CONSTRAINT segments_kind_check
    CHECK (kind IN ('headline', 'paragraph', 'heading', 'quote', 'list_item'));

-- Each statement's title, as one sentence, at place 0.
INSERT INTO segments (statement_id, position, kind, level, source, sentences, active, created_at)
    SELECT s.id, 0, 'headline', NULL, s.title,
           jsonb_build_array(jsonb_build_array(0, octet_length(s.title))), TRUE, s.created_at
    FROM statements s;
INSERT INTO units (segment_id, lang, updated_at)
    SELECT g.id, t.lang, g.created_at
    FROM segments g JOIN statement_targets t ON t.statement_id = g.statement_id
    WHERE g.kind = 'headline';
