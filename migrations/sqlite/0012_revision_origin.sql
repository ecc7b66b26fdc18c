-- What a revision records besides its text, kept as data so that the desk says it in the
-- reader's language: where its text came from (a person, the memory with its score, a machine),
-- how it arrived (an imported file, the aligner) and which source revision a source change made.
ALTER TABLE unit_revisions ADD COLUMN origin TEXT NOT NULL DEFAULT 'human'
    CHECK (origin IN ('human', 'memory', 'machine'));
ALTER TABLE unit_revisions ADD COLUMN origin_score INTEGER;
ALTER TABLE unit_revisions ADD COLUMN via TEXT CHECK (via IN ('import', 'alignment'));
ALTER TABLE unit_revisions ADD COLUMN via_file TEXT;
ALTER TABLE unit_revisions ADD COLUMN source_revision INTEGER;

-- The English notes written until now become that data; a person's comment is never touched
-- (each note was written only by its own kind of change).
UPDATE unit_revisions
SET origin = 'memory',
    origin_score = CAST(substr(comment, 30, length(comment) - 31) AS INTEGER),
    comment = NULL
WHERE action = 'save' AND comment LIKE 'from the translation memory (%\%)' ESCAPE '\';

UPDATE unit_revisions
SET source_revision = CAST(substr(comment, 17) AS INTEGER),
    comment = NULL
WHERE action IN ('source_changed', 'minor_source_change') AND comment LIKE 'source revision %';

UPDATE unit_revisions SET via = 'alignment', comment = NULL
WHERE action = 'approve' AND comment = 'aligned with an earlier translation';

UPDATE unit_revisions SET via = 'import', via_file = substr(comment, 15), comment = NULL
WHERE action IN ('save', 'submit') AND comment LIKE 'imported from %';
