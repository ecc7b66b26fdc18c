-- Whether every translator of a statement's language may take its units that no translator was
-- given. Off for every statement, existing ones too: such units are their editors' until an
-- editor assigns them or opens the statement.
ALTER TABLE statements ADD COLUMN open_to_translators INTEGER NOT NULL DEFAULT 0
    CHECK (open_to_translators IN (0, 1));
