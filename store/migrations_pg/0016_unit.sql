-- Issue 15 (Circular 03/2025 forms): an official's title as signed ("Chủ tịch", "KT. CHỦ TỊCH /
-- PHÓ CHỦ TỊCH"), printed over the head's signature on Mẫu 04. NULL: none set. The one-stop
-- unit's name is a setting (agency.unit), needing no column.
ALTER TABLE officials ADD COLUMN title TEXT;
-- Mẫu 05 was the control slip under Circular 01/2018 and is the stop notice under Circular
-- 03/2025 (the control slip is now Mẫu 06): the archive's list of slips names each paper by
-- today's number. The PDFs themselves are kept as they were printed.
UPDATE slips SET form = '06' WHERE form = '05';
