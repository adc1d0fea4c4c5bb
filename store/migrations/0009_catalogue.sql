-- Issue 16: the ward owns its catalogue. A procedure keeps its identity (id, code) in
-- procedures; what it says (name, time, documents, fees, cases …) lives in versions that take
-- effect from a date. A version is never changed once written, so a dossier that names the
-- version it was received under keeps it for ever; a used procedure is ended, never deleted.

ALTER TABLE procedures ADD COLUMN national_code TEXT NOT NULL DEFAULT '';
-- Vietnam dates 'YYYY-MM-DD'; active_to is the first day no longer in force ('' = open).
ALTER TABLE procedures ADD COLUMN active_from TEXT NOT NULL DEFAULT '2000-01-01';
ALTER TABLE procedures ADD COLUMN active_to TEXT NOT NULL DEFAULT '';

CREATE TABLE procedure_versions (
    id           INTEGER PRIMARY KEY,
    procedure_id INTEGER NOT NULL REFERENCES procedures(id),
    valid_from   TEXT NOT NULL,              -- Vietnam date 'YYYY-MM-DD' it takes effect
    definition   TEXT NOT NULL,              -- JSON: the procedure as it reads from that day
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX procedure_versions_in_force ON procedure_versions(procedure_id, valid_from, id);
CREATE TRIGGER procedure_versions_no_update BEFORE UPDATE ON procedure_versions
BEGIN SELECT RAISE(ABORT, 'phiên bản thủ tục không được sửa: hãy lưu phiên bản mới'); END;
CREATE TRIGGER procedure_versions_no_delete BEFORE DELETE ON procedure_versions
BEGIN SELECT RAISE(ABORT, 'phiên bản thủ tục không được xóa'); END;
CREATE TRIGGER procedures_no_delete BEFORE DELETE ON procedures
BEGIN SELECT RAISE(ABORT, 'thủ tục không bao giờ bị xóa: hãy cho ngừng áp dụng'); END;

-- The procedures there are: their first version, in force since always.
INSERT INTO procedure_versions(procedure_id, valid_from, definition, recorded_at)
SELECT id, '2000-01-01', json_object('name', name, 'field_id', field_id, 'days', days, 'fee', json(fee),
    'documents', json(documents), 'legal_basis', legal_basis), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM procedures;
UPDATE procedures SET active_to = date('now', '+7 hours') WHERE active = 0;

-- A dossier names the version it was received under (NULL: received before versions), and keeps
-- the case and an hours-based time beside its days.
ALTER TABLE dossiers ADD COLUMN procedure_version INTEGER REFERENCES procedure_versions(id);
ALTER TABLE dossiers ADD COLUMN case_name TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN hours INTEGER NOT NULL DEFAULT 0;
