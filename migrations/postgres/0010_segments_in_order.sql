-- A statement's segments in position order, active or not: the same index as on SQLite, where it
-- spares the unit list a sort. It serves every lookup the index on statement_id alone did.
CREATE INDEX segments_statement_position ON segments (statement_id, position);
DROP INDEX segments_statement;
