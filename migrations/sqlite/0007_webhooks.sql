-- Webhooks: URLs that hear about approvals, completed languages and publications. Events wait in an
-- outbox (webhook_events, one row per event, its body signed as stored) with one delivery per hook,
-- written in the transaction of the action that caused them, so a restart loses none.
CREATE TABLE webhooks (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    url          TEXT NOT NULL,
    -- NULL: every statement.
    statement_id INTEGER REFERENCES statements (id) ON DELETE CASCADE,
    -- Comma-separated event types; empty: every type.
    events       TEXT NOT NULL DEFAULT '',
    -- whsec_ + base64; kept readable because every delivery is signed with it.
    secret       TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE webhook_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The webhook-id header: the same on every retry, so receivers can drop duplicates.
    message_id   TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL,
    statement_id INTEGER REFERENCES statements (id) ON DELETE CASCADE,
    -- The signature covers exactly these bytes.
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        INTEGER NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    -- Set by the instance sending it; another instance takes over once it has passed.
    lease_until     TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (webhook_id, id);

CREATE TABLE webhook_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    -- NULL when no answer came (refused, timed out).
    status      INTEGER,
    error       TEXT
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, attempt);
