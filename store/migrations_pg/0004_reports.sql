-- PostgreSQL version of migrations/0004_reports.sql (the same indexes).
-- Issue 6: reports read aggregates straight from the dossier summary columns (0002), the
-- append-only events and the ratings; these indexes keep a year's report to the rows of that
-- year and answer it from the index alone (no row of the wide dossiers table is read).

-- II.06a, on-time by month, the officials' on-time figures: dossiers whose processing ended in a
-- period, and the ones still open at its end, without touching earlier years.
CREATE INDEX dossiers_closed_cover ON dossiers(closed_at, received_at, procedure_id, resolved_at, due_at, late, received_by, supplements)
    WHERE closed_at IS NOT NULL;
CREATE INDEX dossiers_open_cover ON dossiers(received_at, procedure_id, due_at, status) WHERE closed_at IS NULL;
-- Scorecards: who received how many in a period.
CREATE INDEX dossiers_received_by_at ON dossiers(received_at, received_by);
-- Scorecards: handovers, resolutions and returns an official recorded in a period.
CREATE INDEX dossier_events_kind_at ON dossier_events(kind, at, by_id, dossier_id);
