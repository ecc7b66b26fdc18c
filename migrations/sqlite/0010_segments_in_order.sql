-- A statement's segments in position order, active or not. The unit list walks this index and so
-- reads its rows already in order: with the index on statement_id alone SQLite copied every row
-- of the list into a temporary b-tree to sort it, on the editor's most frequent read.
CREATE INDEX segments_statement_position ON segments (statement_id, position);
DROP INDEX segments_statement;
