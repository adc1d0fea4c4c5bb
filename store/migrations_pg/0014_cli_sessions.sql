-- PostgreSQL version of migrations/0014_sessions.sql: the CLI's sessions, by token hash.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    official_id BIGINT NOT NULL REFERENCES officials(id),
    started_at  TEXT NOT NULL,
    last_used   TEXT NOT NULL,
    ended_at    TEXT NOT NULL DEFAULT ''
);

-- A rating typed in by an admin from a paper form; NULL for the kiosk's own.
ALTER TABLE ratings ADD COLUMN entered_by BIGINT REFERENCES officials(id);
