-- PostgreSQL version of migrations/0010_lifecycle_law.sql (the same columns, backfill and indexes).

ALTER TABLE dossiers ADD COLUMN channel TEXT NOT NULL DEFAULT 'direct' CHECK (channel IN ('direct', 'post', 'online'));
ALTER TABLE dossiers ADD COLUMN portal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN resolving_agency TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN representative TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN cutoff TEXT NOT NULL DEFAULT '' CHECK (cutoff IN ('', 'next_day', 'receipt'));
ALTER TABLE dossiers ADD COLUMN recorded_at TEXT;
UPDATE dossiers SET recorded_at = (SELECT MIN(e.recorded_at) FROM dossier_events e
    WHERE e.dossier_id = dossiers.id AND e.kind IN ('receive', 'refuse'));
UPDATE dossiers SET recorded_at = received_at WHERE recorded_at IS NULL;
ALTER TABLE dossiers ADD COLUMN late_by BIGINT REFERENCES officials(id);
UPDATE dossiers SET late_by = COALESCE((SELECT o.id FROM dossier_events e JOIN officials o ON o.login = CAST(e.data AS jsonb)->>'to'
    WHERE e.dossier_id = dossiers.id AND e.kind = 'handover' AND e.at <= dossiers.due_at ORDER BY e.id DESC LIMIT 1), received_by)
    WHERE late = 1 AND resolved_at IS NOT NULL;

UPDATE dossiers SET late = 0, early = 0 WHERE closed_at IS NOT NULL AND resolved_at IS NULL;

ALTER TABLE procedures ADD COLUMN cutoff TEXT NOT NULL DEFAULT '' CHECK (cutoff IN ('', 'next_day', 'receipt'));

CREATE INDEX dossiers_online ON dossiers(received_at, procedure_id) WHERE channel = 'online';
DROP INDEX dossiers_late_closed;
CREATE INDEX dossiers_late_closed ON dossiers(closed_at, received_by, resolved_by, late_by, code) WHERE late = 1 AND resolved_at IS NOT NULL;
