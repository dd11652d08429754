-- Ratings carry their lowest score, indexed with time, so that the ratings list filters on scores without walking every rating.
--
-- The ratings list filters on the lowest aspect a rating scores ("some
-- aspect at 1 or 2", "every aspect 4 or 5"). low_score is that lowest
-- score, 9 when no aspect is scored (LowestScore in the core); the program
-- writes it with each rating. The index (low_score, rated_at, id) lists
-- each lowest score newest first, and answers counts from the index alone.
ALTER TABLE ratings ADD COLUMN low_score INTEGER NOT NULL DEFAULT 9;

UPDATE ratings SET low_score = CASE WHEN COALESCE(attitude, 9) <= COALESCE(handling, 9) AND COALESCE(attitude, 9) <= COALESCE(guidance, 9) THEN COALESCE(attitude, 9) WHEN COALESCE(handling, 9) <= COALESCE(guidance, 9) THEN COALESCE(handling, 9) ELSE COALESCE(guidance, 9) END;

CREATE INDEX ratings_low_score_idx ON ratings (low_score, rated_at, id);
