-- Ratings indexed for the ratings list: by time alone, and by channel and time, each carrying the scores.
--
-- The list of individual ratings (millions of rows) answers each filter
-- through one index, newest first: the officer's through the unique
-- (officer_id, rated_at, ...), a unit's through (unit_id, rated_at); a
-- filter on dates alone (or none) through (rated_at, id), a channel's
-- through (channel, rated_at, id). Those two also carry the three scores so
-- that a filter on scores reads the index alone, not the table, and the id
-- is a column of them so that "time, then id" is their order on both
-- engines. The channel index of 0001 is replaced by the wider one.
CREATE INDEX ratings_time_idx ON ratings (rated_at, id, attitude, handling, guidance);

DROP INDEX ratings_channel_idx;

CREATE INDEX ratings_channel_idx ON ratings (channel, rated_at, id, attitude, handling, guidance);
