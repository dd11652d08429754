-- Units formed from others: a commune or ward formed on a date from former units (merged in 2025), or a former unit split between several.
--
--   unit_id         the unit formed
--   predecessor_id  a former unit it was formed from
--   formed_on       the day it was formed (YYYY-MM-DD)
--   share           the part of the former unit that went into it, (0, 1]:
--                   1 for a unit merged whole, less for one split
-- A unit's results before it was formed are its predecessors': the
-- ranking compares a merged commune with their combined results.
CREATE TABLE unit_lineage (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    predecessor_id BIGINT NOT NULL REFERENCES units(id),
    formed_on TEXT NOT NULL,
    share DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (share > 0 AND share <= 1),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (unit_id, predecessor_id),
    CHECK (unit_id <> predecessor_id)
);

CREATE INDEX unit_lineage_predecessor_idx ON unit_lineage (predecessor_id);
