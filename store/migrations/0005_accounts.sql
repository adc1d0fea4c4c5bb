-- Issue 7: accounts. Secrets are bcrypt hashes (never the secret itself); '' means not set.
ALTER TABLE officials ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE officials ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';

-- Wrong login tries in a row, per login text (also for logins that do not exist, so a guesser
-- learns nothing from the delay). Kept in the file, so switching the PC off does not reset it.
CREATE TABLE login_failures (
    login        TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    locked_until TEXT NOT NULL DEFAULT ''    -- UTC; '' when not locked
) STRICT, WITHOUT ROWID;

-- The audit trail is filtered by official and period on the leader's screen.
CREATE INDEX audit_by ON audit(by_login, id);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX dossier_events_recorded ON dossier_events(recorded_at);
