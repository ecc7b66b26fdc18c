-- Segments of one statement, active or not (the partial index on positions covers active ones
-- only); the same index as on SQLite, where unit reads needed it most.
CREATE INDEX segments_statement ON segments (statement_id);
