-- A disabled person cannot sign in, and their sessions and API tokens stop working; their
-- history stays. NULL: the person is active.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ;
