-- Security records: failed sign-ins counted per name and per address (shared by every instance
-- on the database), and the audit log of sign-ins, role changes, approvals and publications.
CREATE TABLE sign_in_failures (
    key          TEXT PRIMARY KEY,
    failures     BIGINT NOT NULL,
    last_at      TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);

CREATE TABLE audit_log (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The name as it was typed or held then: failed sign-ins have no user, and users get renamed.
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    details  TEXT NOT NULL,
    address  TEXT
);
CREATE INDEX audit_log_action ON audit_log (action, id);
