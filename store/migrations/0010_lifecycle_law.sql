-- Issue 15: the ledger after Decree 118/2025 and Circular 03/2025.

-- How the dossier came in (Biểu II.06a counts online ones apart) and, for online ones, the
-- portal's own dossier code.
ALTER TABLE dossiers ADD COLUMN channel TEXT NOT NULL DEFAULT 'direct' CHECK (channel IN ('direct', 'post', 'online'));
ALTER TABLE dossiers ADD COLUMN portal_code TEXT NOT NULL DEFAULT '';
-- The agency that resolves the dossier, when it is not the receiving one ('' = this agency): a
-- ward receives dossiers of procedures resolved elsewhere in the province.
ALTER TABLE dossiers ADD COLUMN resolving_agency TEXT NOT NULL DEFAULT '';
-- The authorised representative who filed for the applicant, JSON (Representative); '' = none.
ALTER TABLE dossiers ADD COLUMN representative TEXT NOT NULL DEFAULT '';
-- The start rule the due time was computed with ('next_day': received after the cut-off counts
-- from the next working day; 'receipt': from the receipt time); '' = 'next_day' (before 0010).
ALTER TABLE dossiers ADD COLUMN cutoff TEXT NOT NULL DEFAULT '' CHECK (cutoff IN ('', 'next_day', 'receipt'));
-- When the intake was typed (the receive event's recorded_at): a dossier entered later from the
-- paper book has its number in the order of entry, and the book says why.
ALTER TABLE dossiers ADD COLUMN recorded_at TEXT;
UPDATE dossiers SET recorded_at = (SELECT MIN(e.recorded_at) FROM dossier_events e
    WHERE e.dossier_id = dossiers.id AND e.kind IN ('receive', 'refuse'));
UPDATE dossiers SET recorded_at = received_at WHERE recorded_at IS NULL;
-- Who held the dossier when it went late (the receiver of the last handover made by the due
-- minute, else the receiving official): the scorecards charge the late result to them.
ALTER TABLE dossiers ADD COLUMN late_by INTEGER REFERENCES officials(id);
UPDATE dossiers SET late_by = COALESCE((SELECT o.id FROM dossier_events e JOIN officials o ON o.login = json_extract(e.data, '$.to')
    WHERE e.dossier_id = dossiers.id AND e.kind = 'handover' AND e.at <= dossiers.due_at ORDER BY e.id DESC LIMIT 1), received_by)
    WHERE late = 1 AND resolved_at IS NOT NULL;

-- A refused, withdrawn or stopped dossier has no timeliness: it was never early nor late.
UPDATE dossiers SET late = 0, early = 0 WHERE closed_at IS NOT NULL AND resolved_at IS NULL;

-- The procedure's start rule; '' = the agency's default.
ALTER TABLE procedures ADD COLUMN cutoff TEXT NOT NULL DEFAULT '' CHECK (cutoff IN ('', 'next_day', 'receipt'));

-- II.06a's online column: the few online dossiers of a period, from their own index.
CREATE INDEX dossiers_online ON dossiers(received_at, procedure_id) WHERE channel = 'online';
-- The scorecards' late codes, now with who held each one when it went late.
DROP INDEX dossiers_late_closed;
CREATE INDEX dossiers_late_closed ON dossiers(closed_at, received_by, resolved_by, late_by, code) WHERE late = 1 AND resolved_at IS NOT NULL;
