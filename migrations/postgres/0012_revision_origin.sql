-- What a revision records besides its text, kept as data so that the desk says it in the
-- reader's language: where its text came from (a person, the memory with its score, a machine),
-- how it arrived (an imported file, the aligner) and which source revision a source change made.
ALTER TABLE unit_revisions ADD COLUMN origin TEXT NOT NULL DEFAULT 'human'
    CHECK (origin IN ('human', 'memory', 'machine'));
ALTER TABLE unit_revisions ADD COLUMN origin_score INTEGER;
ALTER TABLE unit_revisions ADD COLUMN via TEXT CHECK (via IN ('import', 'alignment'));
ALTER TABLE unit_revisions ADD COLUMN via_file TEXT;
ALTER TABLE unit_revisions ADD COLUMN source_revision BIGINT;

-- The English notes written until now become that data; a person's comment is never touched
-- (each note was written only by its own kind of change).
UPDATE unit_revisions
SET origin = 'memory',
    origin_score = substring(comment FROM '^from the translation memory \((\d+)%\)$')::INTEGER,
    comment = NULL
WHERE action = 'save' AND comment ~ '^from the translation memory \(\d+%\)$';

UPDATE unit_revisions
SET source_revision = substring(comment FROM '^source revision (\d+)$')::BIGINT,
    comment = NULL
WHERE action IN ('source_changed', 'minor_source_change') AND comment ~ '^source revision \d+$';

UPDATE unit_revisions SET via = 'alignment', comment = NULL
WHERE action = 'approve' AND comment = 'aligned with an earlier translation';

UPDATE unit_revisions SET via = 'import', via_file = substring(comment FROM 15), comment = NULL
WHERE action IN ('save', 'submit') AND comment LIKE 'imported from %';
