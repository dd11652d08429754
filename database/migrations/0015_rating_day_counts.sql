-- Ratings counted per day, channel and lowest score, so that the ratings list counts a filter and finds a window deep in it without walking millions of ratings.
--
-- The ratings list filters by days, channel and lowest score (0006); a
-- filter on nothing else is answered from these counts: its count is their
-- sum, and a window in the middle of the list starts at the day where the
-- running count passes the window's offset (the list then walks the ratings
-- of that day only). Written by the database itself with every change of
-- the ratings (the triggers of each engine's part of this version; the bulk
-- insert of ratings counts its rows set-based), never by hand: a test and
-- `cchc check` compare the counts with the ratings they count.
--   day        the day of rated_at (YYYY-MM-DD)
--   low_score  the lowest score of the rating (9: no aspect scored)
CREATE TABLE rating_day_counts (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    low_score INTEGER NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, channel, low_score)
);

INSERT INTO rating_day_counts (day, channel, low_score, n)
SELECT substr(rated_at, 1, 10), channel, low_score, COUNT(*) FROM ratings
GROUP BY substr(rated_at, 1, 10), channel, low_score;
