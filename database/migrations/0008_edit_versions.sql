-- Settings and evidence documents carry a row version, so that a save made against what another desk has changed since is refused.
--
-- Every other edited table has had its version column since 0001. A
-- setting's version rises when its value changes; a group of settings
-- saved together (the office's identity, the survey settings) is read
-- and saved against the sum of its keys' versions. An evidence
-- document's version rises when its details are edited.
ALTER TABLE settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

ALTER TABLE evidence ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
