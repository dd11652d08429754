-- Ratings indexed by their lowest score, so that the ratings list counts a score filter without walking every rating.
--
-- The ratings list filters on the lowest aspect a rating scores ("some
-- aspect at 1 or 2", "every aspect 4 or 5"). The expression below is that
-- lowest score, 9 when no aspect is scored; the repository's queries repeat
-- it word for word, which is how both engines know to use the index. Time
-- and id follow so that one value of it lists newest first from the index.
CREATE INDEX ratings_low_score_idx ON ratings ((CASE WHEN COALESCE(attitude, 9) <= COALESCE(handling, 9) AND COALESCE(attitude, 9) <= COALESCE(guidance, 9) THEN COALESCE(attitude, 9) WHEN COALESCE(handling, 9) <= COALESCE(guidance, 9) THEN COALESCE(handling, 9) ELSE COALESCE(guidance, 9) END), rated_at, id);
