-- PostgreSQL version of migrations/0008_report_columns.sql (the same columns, backfill and indexes).
-- Issue 8: the officials' scorecards read who resolved a dossier and whether it was early from
-- the dossier itself, kept by the lifecycle in the same transaction as the resolve.

ALTER TABLE dossiers ADD COLUMN resolved_by BIGINT REFERENCES officials(id);
ALTER TABLE dossiers ADD COLUMN early BIGINT NOT NULL DEFAULT 0 CHECK (early IN (0, 1));

UPDATE dossiers SET resolved_by = e.by_id,
    early = CASE WHEN CAST(CAST(dossiers.closed_at AS timestamp) + interval '7 hours' AS date)
        < CAST(CAST(dossiers.due_at AS timestamp) + interval '7 hours' AS date) THEN 1 ELSE 0 END
    FROM dossier_events e WHERE e.kind = 'resolve' AND e.dossier_id = dossiers.id;
UPDATE dossiers SET early = 1
    WHERE closed_at IS NOT NULL AND resolved_at IS NULL
    AND CAST(CAST(closed_at AS timestamp) + interval '7 hours' AS date) < CAST(CAST(due_at AS timestamp) + interval '7 hours' AS date);

DROP INDEX dossiers_closed_cover;
CREATE INDEX dossiers_closed_cover ON dossiers(closed_at, received_at, procedure_id, resolved_at, due_at, late, early,
    received_by, resolved_by, supplements) WHERE closed_at IS NOT NULL;
CREATE INDEX dossiers_late_closed ON dossiers(closed_at, received_by, resolved_by, code) WHERE late = 1 AND resolved_at IS NOT NULL;
CREATE INDEX dossiers_book_officials ON dossiers(book_year, book_no, received_by, holder_id, pending_to_id) WHERE received_by > 0;
