-- Segments of one statement, active or not. Without it every read of a statement's units began by
-- scanning all units of the language in the whole database (through units_lang_state) and looking
-- each one's segment up, so reads grew with the database instead of with the statement.
CREATE INDEX segments_statement ON segments (statement_id);
