-- Issue 8: the officials' scorecards read who resolved a dossier and whether it was early from
-- the dossier itself, kept by the lifecycle in the same transaction as the resolve, instead of
-- joining every resolve event of the period back to its dossier and working out the calendar
-- day of two timestamps per row (≈ 700 ms for a year of a large ward; now one index range).

-- The official who recorded "Đã xử lý xong"; NULL while unresolved (and for refused, withdrawn
-- or stopped dossiers).
ALTER TABLE dossiers ADD COLUMN resolved_by INTEGER REFERENCES officials(id);
-- 1 when processing ended on a calendar day (Vietnam time) before the due day: "trước hạn".
ALTER TABLE dossiers ADD COLUMN early INTEGER NOT NULL DEFAULT 0 CHECK (early IN (0, 1));

-- Existing dossiers: the resolver from their resolve event (the event index by kind holds it),
-- the early flag from the times, each row written once.
UPDATE dossiers SET resolved_by = e.by_id,
    early = CASE WHEN date(dossiers.closed_at, '+7 hours') < date(dossiers.due_at, '+7 hours') THEN 1 ELSE 0 END
    FROM dossier_events e WHERE e.kind = 'resolve' AND e.dossier_id = dossiers.id;
UPDATE dossiers SET early = 1
    WHERE closed_at IS NOT NULL AND resolved_at IS NULL AND date(closed_at, '+7 hours') < date(due_at, '+7 hours');

-- The period's closed dossiers, answered from the index alone, now with the two columns.
DROP INDEX dossiers_closed_cover;
CREATE INDEX dossiers_closed_cover ON dossiers(closed_at, received_at, procedure_id, resolved_at, due_at, late, early,
    received_by, resolved_by, supplements) WHERE closed_at IS NOT NULL;
-- The late ones' codes on a scorecard (a few percent of the dossiers).
CREATE INDEX dossiers_late_closed ON dossiers(closed_at, received_by, resolved_by, code) WHERE late = 1 AND resolved_at IS NOT NULL;
-- The book filtered by official (received, holds or is to confirm): the page's ids from the
-- index in book order, without reading the table's rows. Its condition is always true and only
-- the official filter states it (store/book.go): other filters of a year keep their own indexes
-- (the late-only page went from 3 to 25 ms when the planner took this one for "book_year = ?").
CREATE INDEX dossiers_book_officials ON dossiers(book_year, book_no, received_by, holder_id, pending_to_id) WHERE received_by > 0;
