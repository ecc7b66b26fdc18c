-- Live events too large for a NOTIFY payload, kept for a minute while the other instances read them.
CREATE TABLE live_events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX live_events_created ON live_events (created_at);
