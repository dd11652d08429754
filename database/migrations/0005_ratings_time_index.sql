-- Ratings indexed by time alone, for the ratings list filtered by dates only (newest first).
--
-- The list of individual ratings (millions of rows) answers each filter
-- through one index: the officer's through the unique (officer_id,
-- rated_at, ...), a unit's through (unit_id, rated_at), a channel's through
-- (channel, rated_at); a filter on dates alone, or none, needs rated_at
-- first. SQLite keeps the row id in the index, so the ids of the list come
-- from the index alone, in time order.
CREATE INDEX ratings_time_idx ON ratings (rated_at);
