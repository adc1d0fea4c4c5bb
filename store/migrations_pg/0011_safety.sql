-- Tamper evidence: the audit trail and the dossiers' events are each a hash chain (chain.go).
-- Every new row carries the hash of the previous row (prev_hash) and of its own content with it
-- (hash); a receive event's content includes the dossier's intake fields (name, CCCD, fee, ...).
-- Rows written before this migration have '' and are not covered.
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
ALTER TABLE dossier_events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE dossier_events ADD COLUMN hash TEXT NOT NULL DEFAULT '';

-- The idempotency key an intake is sent with: a retry after an outcome-unknown commit (a
-- connection lost during COMMIT) returns the dossier already committed instead of a second one.
ALTER TABLE dossiers ADD COLUMN intake_key TEXT;
CREATE UNIQUE INDEX dossiers_intake_key ON dossiers(intake_key) WHERE intake_key IS NOT NULL;
