-- The day counts of ratings kept by triggers on SQLite (SQLite part of 0015).
--
-- One trigger per kind of change, one row of the ratings at a time. The
-- bulk insert of ratings (storage/rating_repository.cpp) sets the first
-- aside while it inserts many rows and counts them in one statement.
CREATE TRIGGER rating_day_counts_added AFTER INSERT ON ratings BEGIN
    INSERT INTO rating_day_counts (day, channel, low_score, n) VALUES (substr(NEW.rated_at, 1, 10), NEW.channel, NEW.low_score, 1) ON CONFLICT (day, channel, low_score) DO UPDATE SET n = n + 1; END;

CREATE TRIGGER rating_day_counts_removed AFTER DELETE ON ratings BEGIN
    UPDATE rating_day_counts SET n = n - 1 WHERE day = substr(OLD.rated_at, 1, 10) AND channel = OLD.channel AND low_score = OLD.low_score; END;

CREATE TRIGGER rating_day_counts_moved AFTER UPDATE OF rated_at, channel, low_score ON ratings BEGIN
    UPDATE rating_day_counts SET n = n - 1 WHERE day = substr(OLD.rated_at, 1, 10) AND channel = OLD.channel AND low_score = OLD.low_score; INSERT INTO rating_day_counts (day, channel, low_score, n) VALUES (substr(NEW.rated_at, 1, 10), NEW.channel, NEW.low_score, 1) ON CONFLICT (day, channel, low_score) DO UPDATE SET n = n + 1; END;
