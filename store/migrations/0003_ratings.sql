-- Issue 5: citizens rate the service at the kiosk (Decree 61/2018 art. 29; Circular 01/2018 indices).
-- Both tables are append-only: a prompt is "open" while it is the newest of its counter and has no
-- rating, so nothing ever needs an UPDATE. Times are UTC text like in 0001.

-- The official's "Mời đánh giá" (or an intake / a return) asks the kiosk of a counter to rate them.
CREATE TABLE rating_prompts (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    official_id INTEGER NOT NULL REFERENCES officials(id),
    counter     TEXT NOT NULL CHECK (counter <> ''),
    dossier_id  INTEGER REFERENCES dossiers(id)
) STRICT;
CREATE INDEX rating_prompts_counter ON rating_prompts(counter, id);
CREATE TRIGGER rating_prompts_no_update BEFORE UPDATE ON rating_prompts
BEGIN SELECT RAISE(ABORT, 'lời mời đánh giá chỉ được ghi thêm'); END;
CREATE TRIGGER rating_prompts_no_delete BEFORE DELETE ON rating_prompts
BEGIN SELECT RAISE(ABORT, 'lời mời đánh giá chỉ được ghi thêm'); END;

-- One row per rating. prompt_id is UNIQUE: a double tap or a bounce on the same prompt can never
-- store a second rating. Anonymous ratings (someone walking up) have no prompt, official or dossier.
CREATE TABLE ratings (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    prompt_id   INTEGER UNIQUE REFERENCES rating_prompts(id),
    official_id INTEGER REFERENCES officials(id),
    counter     TEXT NOT NULL,
    dossier_id  INTEGER REFERENCES dossiers(id),
    level       INTEGER NOT NULL CHECK (level IN (0, 1, 2)),   -- 2 Rất hài lòng, 1 Hài lòng, 0 Không hài lòng
    criteria    TEXT NOT NULL DEFAULT '{}',                      -- JSON {"time": 2, "attitude": 1, ...}
    conduct     TEXT NOT NULL DEFAULT '[]',                      -- JSON ["chao_hoi", "cam_on", ...]
    reasons     TEXT NOT NULL DEFAULT '[]',                      -- JSON ["cho_lau", ...]
    comment     TEXT NOT NULL DEFAULT '',
    anonymous   INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    CHECK (anonymous = 1 OR (prompt_id IS NOT NULL AND official_id IS NOT NULL)),
    CHECK (anonymous = 0 OR (prompt_id IS NULL AND official_id IS NULL AND dossier_id IS NULL))
) STRICT;
CREATE INDEX ratings_at ON ratings(at);
CREATE INDEX ratings_official_at ON ratings(official_id, at);
CREATE INDEX ratings_dossier ON ratings(dossier_id) WHERE dossier_id IS NOT NULL;
CREATE TRIGGER ratings_no_update BEFORE UPDATE ON ratings
BEGIN SELECT RAISE(ABORT, 'đánh giá chỉ được ghi thêm'); END;
CREATE TRIGGER ratings_no_delete BEFORE DELETE ON ratings
BEGIN SELECT RAISE(ABORT, 'đánh giá chỉ được ghi thêm'); END;
