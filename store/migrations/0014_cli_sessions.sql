-- Issue 23.8: the CLI's sessions. A login from the command line gets a random token; only its
-- SHA-256 is kept here, so the ledger (or a backup of it) gives no one a working token. A session
-- ends at logout or after the admin's idle minutes without use (rows stay: the app's PostgreSQL
-- role has no DELETE).
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    official_id INTEGER NOT NULL REFERENCES officials(id),
    started_at  TEXT NOT NULL,
    last_used   TEXT NOT NULL,
    ended_at    TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

-- Issue 23.8: a rating typed in from a paper form by an admin (`motcua rate`) is marked with who
-- entered it; NULL for the citizen's own answer at the kiosk.
ALTER TABLE ratings ADD COLUMN entered_by INTEGER REFERENCES officials(id);
