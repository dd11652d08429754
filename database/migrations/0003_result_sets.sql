-- Result sets: one unit's results on one framework in one period, with their workflow state and stored totals.
--
-- The workflow (draft → submitted → appraised, withdraw, reopen with a
-- reason) applies to a whole set, as a commune submits its self-assessment
-- as a whole. results.status mirrors the set's status. The totals are
-- those of the framework's roll-up (as a commune sees it for commune-level
-- units) over the self and the appraised scores; totals_fresh = 0 means
-- they must be computed again (after an upgrade or a framework edit), which
-- the program does before it reads them.
CREATE TABLE result_sets (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    framework_id BIGINT NOT NULL REFERENCES frameworks(id),
    period TEXT NOT NULL CHECK (length(period) = 4 OR (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('H1', 'H2', '9M', 'Q1', 'Q2', 'Q3', 'Q4', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'appraised')),
    submitted_at TEXT,
    submitted_by TEXT,
    appraised_at TEXT,
    appraised_by TEXT,
    reopen_reason TEXT NOT NULL DEFAULT '',
    self_points DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (self_points >= 0),
    self_max DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (self_max >= 0),
    appraised_points DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (appraised_points >= 0),
    appraised_max DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (appraised_max >= 0),
    totals_fresh INTEGER NOT NULL DEFAULT 0 CHECK (totals_fresh IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (unit_id, framework_id, period)
);

CREATE INDEX result_sets_framework_idx ON result_sets (framework_id, period, totals_fresh);

CREATE INDEX result_sets_status_idx ON result_sets (status, period);

-- The sets of the results already stored, each in the most advanced state
-- of its results.
INSERT INTO result_sets (unit_id, framework_id, period, status)
SELECT r.unit_id, c.framework_id, r.period,
       CASE MAX(CASE r.status WHEN 'appraised' THEN 3 WHEN 'submitted' THEN 2 ELSE 1 END)
           WHEN 3 THEN 'appraised' WHEN 2 THEN 'submitted' ELSE 'draft' END
FROM results r JOIN criteria c ON c.id = r.criterion_id
GROUP BY r.unit_id, c.framework_id, r.period;

-- The largest evidence file the register accepts, in bytes (20 MB).
INSERT INTO settings (key, value) VALUES ('evidence.max_bytes', '20971520');
