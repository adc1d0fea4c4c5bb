-- PostgreSQL version of migrations/0002_lifecycle.sql (see migrations_pg/0001_init.sql).
-- Issue 4: the dossier's life after intake. The history is in dossier_events; these columns are
-- a denormalised summary kept in the same transaction as each event, so the tracking book, the
-- reports and the desk read one row per dossier instead of replaying events.
-- Times are UTC text like in 0001; NULL means "not yet".

ALTER TABLE dossiers ADD COLUMN transferred_at TEXT;          -- first handover away from the counter
ALTER TABLE dossiers ADD COLUMN resolved_at TEXT;             -- Đã xử lý xong
ALTER TABLE dossiers ADD COLUMN returned_at TEXT;             -- Đã trả kết quả
ALTER TABLE dossiers ADD COLUMN ended_at TEXT;                -- refused, withdrawn or stopped
-- When processing ended, for timeliness: resolved_at, else ended_at. NULL while the dossier is open.
ALTER TABLE dossiers ADD COLUMN closed_at TEXT;
-- 1 when closed after the due minute. Open dossiers are late by "closed_at IS NULL AND due_at < now",
-- which the partial index dossiers_open_due answers; closed ones by this stored flag.
ALTER TABLE dossiers ADD COLUMN late BIGINT NOT NULL DEFAULT 0 CHECK (late IN (0, 1));
ALTER TABLE dossiers ADD COLUMN holder_id BIGINT REFERENCES officials(id);      -- NULL: the receiving official
ALTER TABLE dossiers ADD COLUMN pending_to_id BIGINT REFERENCES officials(id);  -- handover awaiting confirmation
ALTER TABLE dossiers ADD COLUMN supplements BIGINT NOT NULL DEFAULT 0;          -- supplement requests so far
ALTER TABLE dossiers ADD COLUMN rescheduled BIGINT NOT NULL DEFAULT 0 CHECK (rescheduled IN (0, 1));
ALTER TABLE dossiers ADD COLUMN result_note TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN recipient TEXT NOT NULL DEFAULT '';               -- who collected the result
ALTER TABLE dossiers ADD COLUMN recipient_idno TEXT NOT NULL DEFAULT '';

-- The tracking book reads in (book_year, book_no) order (the UNIQUE constraint's index); each
-- filter has an index that keeps that order within the year.
CREATE INDEX dossiers_status_book ON dossiers(status, book_year, book_no);
CREATE INDEX dossiers_procedure_book ON dossiers(procedure_id, book_year, book_no);
CREATE INDEX dossiers_received_by_book ON dossiers(received_by, book_year, book_no);
CREATE INDEX dossiers_holder ON dossiers(holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX dossiers_pending ON dossiers(pending_to_id) WHERE pending_to_id IS NOT NULL;
CREATE INDEX dossiers_due ON dossiers(due_at);
CREATE INDEX dossiers_open_due ON dossiers(due_at) WHERE closed_at IS NULL;
CREATE INDEX dossiers_late_book ON dossiers(book_year, book_no) WHERE late = 1;
