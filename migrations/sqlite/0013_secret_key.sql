-- Secrets the server keeps (webhook signing secrets) are sealed under a key that is never stored
-- here (TANDEM_SECRET_KEY or a key file). This one row holds a fixed text sealed under that key,
-- so a start with another key fails at once instead of at the first delivery. The secrets an
-- older version wrote in clear are sealed by the server when it starts: SQL cannot encrypt.
CREATE TABLE secret_key_check (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    sealed     TEXT NOT NULL,
    -- When the key was first used or last rotated.
    changed_at TEXT NOT NULL
);
