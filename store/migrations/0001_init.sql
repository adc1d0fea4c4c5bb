-- The first schema of the ledger. Times are UTC text 'YYYY-MM-DDTHH:MM:SS.mmmZ'.
-- Nothing that is a record (dossiers, their events, the audit trail) is ever deleted.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE officials (
    id        INTEGER PRIMARY KEY,
    login     TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('counter', 'processing', 'leader', 'admin')),
    phone     TEXT NOT NULL DEFAULT '',
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE fields (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE procedures (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    field_id    INTEGER NOT NULL REFERENCES fields(id),
    days        INTEGER NOT NULL CHECK (days >= 0),
    fee         TEXT NOT NULL,              -- JSON: Fee
    documents   TEXT NOT NULL,              -- JSON: []Document
    legal_basis TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE dossiers (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    book_year      INTEGER NOT NULL,
    book_no        INTEGER NOT NULL CHECK (book_no >= 1),
    -- Snapshot of the procedure at intake: later catalogue edits never change an issued slip.
    procedure_id   INTEGER NOT NULL REFERENCES procedures(id),
    procedure_code TEXT NOT NULL,
    procedure_name TEXT NOT NULL,
    field_name     TEXT NOT NULL,
    days           INTEGER NOT NULL,
    name           TEXT NOT NULL,
    idno           TEXT NOT NULL,
    phone          TEXT NOT NULL,
    address        TEXT NOT NULL,
    email          TEXT NOT NULL DEFAULT '',
    documents      TEXT NOT NULL,            -- JSON: []ReceivedDocument
    sets           INTEGER NOT NULL,
    pages          INTEGER NOT NULL,
    fee            INTEGER NOT NULL,
    by_post        INTEGER NOT NULL CHECK (by_post IN (0, 1)),
    post_address   TEXT NOT NULL DEFAULT '',
    received_at    TEXT NOT NULL,
    due_at         TEXT NOT NULL,            -- the due time in force (a reschedule moves it)
    original_due_at TEXT NOT NULL,           -- the due time computed at intake, kept for reports
    status         INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
    received_by    INTEGER NOT NULL REFERENCES officials(id),
    UNIQUE (book_year, book_no)
) STRICT;
CREATE INDEX dossiers_received_at ON dossiers(received_at);
CREATE INDEX dossiers_status_due ON dossiers(status, due_at);
CREATE INDEX dossiers_procedure ON dossiers(procedure_id);
CREATE TRIGGER dossiers_no_delete BEFORE DELETE ON dossiers
BEGIN SELECT RAISE(ABORT, 'hồ sơ không bao giờ bị xóa'); END;
CREATE TRIGGER dossiers_fixed_identity BEFORE UPDATE OF code, book_year, book_no, received_at ON dossiers
BEGIN SELECT RAISE(ABORT, 'mã hồ sơ, số thứ tự và thời điểm tiếp nhận không được sửa'); END;

-- Every change to a dossier, append-only. at: when it happened (may be entered later from the
-- paper book); recorded_at: when it was typed.
CREATE TABLE dossier_events (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
    at          TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    by_id       INTEGER NOT NULL REFERENCES officials(id),
    kind        TEXT NOT NULL,
    from_status INTEGER NOT NULL DEFAULT 0,
    to_status   INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL DEFAULT '{}'   -- JSON for kind-specific details (handover target, new due, ...)
) STRICT;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'nhật ký hồ sơ chỉ được ghi thêm'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'nhật ký hồ sơ chỉ được ghi thêm'); END;

-- The archive: every PDF written for a dossier.
CREATE TABLE slips (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    form       TEXT NOT NULL,
    path       TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX slips_dossier ON slips(dossier_id, id);

CREATE TABLE calendar_overrides (
    date   TEXT PRIMARY KEY,                 -- YYYY-MM-DD in Asia/Ho_Chi_Minh
    kind   TEXT NOT NULL CHECK (kind IN ('extra', 'workday', 'notoff')),
    name   TEXT NOT NULL DEFAULT ''
) STRICT;

-- Changes to settings, officials, catalogue and calendar: who, when, what, old -> new. Append-only.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    by_login  TEXT NOT NULL,
    entity    TEXT NOT NULL,                 -- 'agency', 'official', 'procedure', 'field', 'calendar', ...
    entity_key TEXT NOT NULL,
    action    TEXT NOT NULL,                 -- 'create', 'update', 'delete', ...
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    reason    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_entity ON audit(entity, entity_key, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'nhật ký thay đổi chỉ được ghi thêm'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'nhật ký thay đổi chỉ được ghi thêm'); END;

-- Numbering counters, incremented inside the intake transaction.
CREATE TABLE day_counters (
    agency_code TEXT NOT NULL,
    day         TEXT NOT NULL,               -- YYMMDD in Asia/Ho_Chi_Minh
    last        INTEGER NOT NULL,
    PRIMARY KEY (agency_code, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE book_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

-- Dossier search: rowid = dossiers.id; folded = code, name, CCCD, phone folded by the store
-- (NFC, lower case, diacritics removed, đ -> d) because FTS5 cannot fold đ.
CREATE VIRTUAL TABLE dossier_search USING fts5(
    folded,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
