-- PostgreSQL version of migrations/0005_accounts.sql: secrets as bcrypt hashes ('' = not set), the
-- wrong-try counts per login, and the audit trail's filter indexes.
ALTER TABLE officials ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE officials ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';

CREATE TABLE login_failures (
    login        TEXT PRIMARY KEY,
    failures     BIGINT NOT NULL CHECK (failures >= 0),
    locked_until TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_by ON audit(by_login, id);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX dossier_events_recorded ON dossier_events(recorded_at);
