-- Procedure fields and units as offices write them, fields edited from the
-- catalogue.
--
--   aliases  other names files use for the field, one per line ("Hộ tịch",
--            "HT"), matched as its code and name are
--   version  raised by each change, so that two desks editing the field do
--            not overwrite each other
ALTER TABLE procedure_fields ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
ALTER TABLE procedure_fields ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- Units' other names, one per line, matched as their codes and names are.
ALTER TABLE units ADD COLUMN aliases TEXT NOT NULL DEFAULT '';

-- Totals are recomputed: a side of a result set with nothing entered now
-- has no total (maximum 0) instead of the points its no-data rules give.
UPDATE result_sets SET totals_fresh = 0;
