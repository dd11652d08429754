-- Creates the whole CCHC Desk schema: organisation, frameworks, results, plans, surveys, ratings, reports, users and audit.
--
-- Portable between SQLite 3 and PostgreSQL 15. The migration runner replaces
-- {{PK}} and {{BLOB}} and splits statements at a semicolon that ends a line,
-- so no line inside a statement ends with a semicolon. Dates are TEXT
-- YYYY-MM-DD, timestamps TEXT YYYY-MM-DDTHH:MM:SS, periods TEXT such as
-- 2026, 2026-H1, 2026-9M, 2026-Q3, 2026-09. Booleans are INTEGER 0 or 1.
-- Columns named *_by hold a user login (TEXT), not a foreign key, so that
-- history survives the removal of an account. See database/README.md.

-- ===================================================================
-- 1. Organisation
-- ===================================================================

CREATE TABLE units (
    id {{PK}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'ward', 'town', 'department')),
    parent_id BIGINT REFERENCES units(id),
    place_name TEXT NOT NULL DEFAULT '',
    header_parent TEXT NOT NULL DEFAULT '',
    header_name TEXT NOT NULL DEFAULT '',
    doc_symbol TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT
);

CREATE INDEX units_parent_idx ON units (parent_id, sort_order);

CREATE INDEX units_kind_idx ON units (kind);

CREATE TABLE people (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    code TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    one_stop_desk INTEGER NOT NULL DEFAULT 0 CHECK (one_stop_desk IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT
);

CREATE INDEX people_unit_idx ON people (unit_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- ===================================================================
-- 2. Index frameworks
-- ===================================================================

CREATE TABLE frameworks (
    id {{PK}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    kind TEXT NOT NULL CHECK (kind IN ('par', 'service', 'survey', 'self', 'custom')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'retired')),
    copied_from_id BIGINT REFERENCES frameworks(id),
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    description TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT
);

CREATE INDEX frameworks_year_idx ON frameworks (year, kind);

CREATE INDEX frameworks_copied_from_idx ON frameworks (copied_from_id);

-- Classification bands (Tốt / Khá / ...): a unit gets the band with the
-- highest min_percent not above its percentage of the maximum.
CREATE TABLE framework_bands (
    id {{PK}},
    framework_id BIGINT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    min_percent DOUBLE PRECISION NOT NULL CHECK (min_percent >= 0 AND min_percent <= 100),
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (framework_id, label)
);

-- Field, criterion and sub-criterion nodes. A group node has rule NULL and
-- its max_points is the sum of its children. target is the ratio (0..1]
-- that earns full points for a rate, cap the most points the node may give
-- when it differs from max_points, per_unit the points per counted item
-- (count) or per violation (deduction).
CREATE TABLE criteria (
    id {{PK}},
    framework_id BIGINT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES criteria(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    max_points DOUBLE PRECISION NOT NULL CHECK (max_points >= 0),
    sort_order INTEGER NOT NULL DEFAULT 0,
    rule TEXT CHECK (rule IN ('manual', 'rate', 'yesno', 'count', 'deduction')),
    target DOUBLE PRECISION CHECK (target > 0 AND target <= 1),
    cap DOUBLE PRECISION CHECK (cap >= 0),
    per_unit DOUBLE PRECISION CHECK (per_unit >= 0),
    no_data TEXT CHECK (no_data IN ('full', 'zero', 'na')),
    evidence_required INTEGER NOT NULL DEFAULT 0 CHECK (evidence_required IN (0, 1)),
    applies_to_communes INTEGER NOT NULL DEFAULT 1 CHECK (applies_to_communes IN (0, 1)),
    guidance TEXT NOT NULL DEFAULT '',
    UNIQUE (framework_id, code)
);

CREATE INDEX criteria_parent_idx ON criteria (parent_id, sort_order);

-- Which criterion of the framework of a new year continues which criterion of an
-- older one (for "change vs last period" and for plans across years).
CREATE TABLE criterion_crosswalk (
    old_criterion_id BIGINT NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
    new_criterion_id BIGINT NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
    PRIMARY KEY (old_criterion_id, new_criterion_id),
    CHECK (old_criterion_id <> new_criterion_id)
);

CREATE INDEX criterion_crosswalk_new_idx ON criterion_crosswalk (new_criterion_id);

CREATE TABLE rating_scales (
    id {{PK}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

-- value is the level number and the survey_tallies column it is counted in
-- (value 5 in level5, ..., value 1 in level1).
CREATE TABLE rating_scale_levels (
    scale_id BIGINT NOT NULL REFERENCES rating_scales(id) ON DELETE CASCADE,
    value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    label TEXT NOT NULL,
    counts_as_satisfied INTEGER NOT NULL DEFAULT 0 CHECK (counts_as_satisfied IN (0, 1)),
    PRIMARY KEY (scale_id, value)
);

-- ===================================================================
-- 3. Results and evidence
-- ===================================================================

CREATE TABLE import_batches (
    id {{PK}},
    kind TEXT NOT NULL CHECK (kind IN ('units', 'people', 'frameworks', 'results', 'plans', 'tasks', 'tallies', 'dossier_stats', 'ratings', 'self_assessments', 'exchange')),
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT CHECK (length(sha256) = 64),
    rows INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
    skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);

CREATE INDEX import_batches_kind_idx ON import_batches (kind, created_at);

-- One score of one unit on one criterion for one period. For a rate
-- criterion the points come from numerator and denominator, a score given
-- beside them overrides that and sets score_overridden.
CREATE TABLE results (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    criterion_id BIGINT NOT NULL REFERENCES criteria(id),
    period TEXT NOT NULL CHECK (length(period) = 4 OR (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('H1', 'H2', '9M', 'Q1', 'Q2', 'Q3', 'Q4', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))),
    self_score DOUBLE PRECISION CHECK (self_score >= 0),
    appraised_score DOUBLE PRECISION CHECK (appraised_score >= 0),
    numerator DOUBLE PRECISION CHECK (numerator >= 0),
    denominator DOUBLE PRECISION CHECK (denominator >= 0),
    note TEXT NOT NULL DEFAULT '',
    appraisal_note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'appraised')),
    score_overridden INTEGER NOT NULL DEFAULT 0 CHECK (score_overridden IN (0, 1)),
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'survey')),
    import_batch_id BIGINT REFERENCES import_batches(id),
    submitted_at TEXT,
    submitted_by TEXT,
    appraised_at TEXT,
    appraised_by TEXT,
    reopen_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (unit_id, criterion_id, period)
);

CREATE INDEX results_criterion_period_idx ON results (criterion_id, period);

CREATE INDEX results_period_idx ON results (period, unit_id);

CREATE INDEX results_status_idx ON results (status, period);

-- Evidence register (tài liệu kiểm chứng). content is the file itself (may
-- be NULL when only the reference is kept) and is the last column so that
-- listing the register does not read it.
CREATE TABLE evidence (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    doc_number TEXT NOT NULL DEFAULT '',
    doc_date TEXT CHECK (length(doc_date) = 10 AND substr(doc_date, 5, 1) = '-' AND substr(doc_date, 8, 1) = '-'),
    issuer TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    mime_type TEXT NOT NULL DEFAULT '',
    sha256 TEXT CHECK (length(sha256) = 64),
    size_bytes BIGINT CHECK (size_bytes >= 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    content {{BLOB}}
);

CREATE INDEX evidence_unit_idx ON evidence (unit_id, doc_date);

CREATE INDEX evidence_sha256_idx ON evidence (sha256);

CREATE TABLE result_evidence (
    result_id BIGINT NOT NULL REFERENCES results(id) ON DELETE CASCADE,
    evidence_id BIGINT NOT NULL REFERENCES evidence(id),
    PRIMARY KEY (result_id, evidence_id)
);

CREATE INDEX result_evidence_evidence_idx ON result_evidence (evidence_id);

-- ===================================================================
-- 4. Plans (kế hoạch), items per criterion, tasks, progress
-- ===================================================================

-- A plan document. The standard sections are columns (basis lines,
-- preamble, I.1 purpose, I.2 requirements, II free content, III
-- organisation, closing paragraph). Any further numbered section is a
-- plan_sections row. Structured items of section II are plan_items.
CREATE TABLE plans (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    framework_id BIGINT REFERENCES frameworks(id),
    kind TEXT NOT NULL DEFAULT 'remediation' CHECK (kind IN ('remediation', 'assignment', 'survey', 'reform', 'other')),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    number TEXT NOT NULL DEFAULT '',
    issued_on TEXT CHECK (length(issued_on) = 10 AND substr(issued_on, 5, 1) = '-' AND substr(issued_on, 8, 1) = '-'),
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    place_name TEXT NOT NULL DEFAULT '',
    basis TEXT NOT NULL DEFAULT '',
    preamble TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    requirements TEXT NOT NULL DEFAULT '',
    content_heading TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    closing TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_authority TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'closed')),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT,
    created_by TEXT,
    updated_at TEXT,
    updated_by TEXT
);

CREATE INDEX plans_unit_idx ON plans (unit_id, year);

CREATE INDEX plans_year_idx ON plans (year, status);

CREATE INDEX plans_framework_idx ON plans (framework_id);

-- Extra numbered sections printed after section II and before the
-- organisation section (e.g. time and budget, evaluation of the model).
CREATE TABLE plan_sections (
    id {{PK}},
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    heading TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX plan_sections_plan_idx ON plan_sections (plan_id, sort_order);

-- One (sub-)criterion to improve. Rates (target_value, baseline_value) are
-- ratios 0..1 when target_kind is rate.
CREATE TABLE plan_items (
    id {{PK}},
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    criterion_id BIGINT REFERENCES criteria(id),
    group_label TEXT NOT NULL DEFAULT '',
    group_title TEXT NOT NULL DEFAULT '',
    heading TEXT NOT NULL DEFAULT '',
    criterion_title TEXT NOT NULL DEFAULT '',
    target_text TEXT NOT NULL DEFAULT '',
    target_kind TEXT NOT NULL DEFAULT 'text' CHECK (target_kind IN ('rate', 'count', 'points', 'text')),
    target_value DOUBLE PRECISION CHECK (target_value >= 0),
    baseline_value DOUBLE PRECISION CHECK (baseline_value >= 0),
    baseline_points DOUBLE PRECISION CHECK (baseline_points >= 0),
    sort_order INTEGER NOT NULL DEFAULT 0,
    effect_verified INTEGER CHECK (effect_verified IN (0, 1)),
    effect_checked_on TEXT CHECK (length(effect_checked_on) = 10 AND substr(effect_checked_on, 5, 1) = '-' AND substr(effect_checked_on, 8, 1) = '-'),
    effect_note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    CHECK (target_kind <> 'rate' OR ((target_value IS NULL OR target_value <= 1) AND (baseline_value IS NULL OR baseline_value <= 1)))
);

CREATE INDEX plan_items_plan_idx ON plan_items (plan_id, sort_order);

CREATE INDEX plan_items_criterion_idx ON plan_items (criterion_id);

-- A task: what (solution), who (lead unit or person, or the text as
-- written), when (date, year, or recurring from that year on).
CREATE TABLE tasks (
    id {{PK}},
    item_id BIGINT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    solution TEXT NOT NULL,
    lead_unit_id BIGINT REFERENCES units(id),
    lead_unit_text TEXT NOT NULL DEFAULT '',
    lead_person_id BIGINT REFERENCES people(id),
    lead_person_text TEXT NOT NULL DEFAULT '',
    start_on TEXT CHECK (length(start_on) = 10 AND substr(start_on, 5, 1) = '-' AND substr(start_on, 8, 1) = '-'),
    due_on TEXT CHECK (length(due_on) = 10 AND substr(due_on, 5, 1) = '-' AND substr(due_on, 8, 1) = '-'),
    due_year INTEGER CHECK (due_year BETWEEN 1900 AND 2999),
    recurring INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0, 1)),
    time_text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    percent_done INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
    outcome TEXT NOT NULL DEFAULT '',
    closed_on TEXT CHECK (length(closed_on) = 10 AND substr(closed_on, 5, 1) = '-' AND substr(closed_on, 8, 1) = '-'),
    change_note TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT,
    updated_at TEXT,
    updated_by TEXT,
    CHECK (due_on >= start_on)
);

CREATE INDEX tasks_item_idx ON tasks (item_id, sort_order);

CREATE INDEX tasks_due_idx ON tasks (due_on);

CREATE INDEX tasks_due_year_idx ON tasks (due_year);

CREATE INDEX tasks_status_idx ON tasks (status, due_on);

CREATE INDEX tasks_lead_unit_idx ON tasks (lead_unit_id);

CREATE INDEX tasks_lead_person_idx ON tasks (lead_person_id);

-- Coordinating units or people (phối hợp), in the order written.
CREATE TABLE task_coordinators (
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    sort_order INTEGER NOT NULL,
    unit_id BIGINT REFERENCES units(id),
    person_id BIGINT REFERENCES people(id),
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (task_id, sort_order)
);

CREATE INDEX task_coordinators_unit_idx ON task_coordinators (unit_id);

CREATE INDEX task_coordinators_person_idx ON task_coordinators (person_id);

-- Quarterly (or other period) progress report on one task.
CREATE TABLE progress_updates (
    id {{PK}},
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    period TEXT NOT NULL CHECK (length(period) = 4 OR (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('H1', 'H2', '9M', 'Q1', 'Q2', 'Q3', 'Q4', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))),
    reported_on TEXT CHECK (length(reported_on) = 10 AND substr(reported_on, 5, 1) = '-' AND substr(reported_on, 8, 1) = '-'),
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    percent_done INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);

CREATE INDEX progress_updates_task_idx ON progress_updates (task_id, period);

CREATE INDEX progress_updates_period_idx ON progress_updates (period);

CREATE TABLE progress_evidence (
    update_id BIGINT NOT NULL REFERENCES progress_updates(id) ON DELETE CASCADE,
    evidence_id BIGINT NOT NULL REFERENCES evidence(id),
    PRIMARY KEY (update_id, evidence_id)
);

CREATE INDEX progress_evidence_evidence_idx ON progress_evidence (evidence_id);

-- Assignment matrix of indicators (seed 003): group rows (parent_id NULL,
-- group_label I, III.1, ...) carry lead unit, coordinating units and the
-- responsible person, indicator rows under them (group_label 1., 2., ...)
-- may carry their own. All *_text columns keep the wording as written.
CREATE TABLE indicator_assignments (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    framework_id BIGINT NOT NULL REFERENCES frameworks(id),
    plan_id BIGINT REFERENCES plans(id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES indicator_assignments(id) ON DELETE CASCADE,
    criterion_id BIGINT REFERENCES criteria(id),
    group_label TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    lead_unit_id BIGINT REFERENCES units(id),
    lead_unit_text TEXT NOT NULL DEFAULT '',
    coordinating_text TEXT NOT NULL DEFAULT '',
    responsible_person_id BIGINT REFERENCES people(id),
    responsible_text TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT
);

CREATE INDEX indicator_assignments_framework_idx ON indicator_assignments (framework_id, unit_id, sort_order);

CREATE INDEX indicator_assignments_unit_idx ON indicator_assignments (unit_id);

CREATE INDEX indicator_assignments_plan_idx ON indicator_assignments (plan_id);

CREATE INDEX indicator_assignments_parent_idx ON indicator_assignments (parent_id, sort_order);

CREATE INDEX indicator_assignments_criterion_idx ON indicator_assignments (criterion_id);

CREATE INDEX indicator_assignments_lead_unit_idx ON indicator_assignments (lead_unit_id);

CREATE INDEX indicator_assignments_person_idx ON indicator_assignments (responsible_person_id);

CREATE TABLE assignment_coordinators (
    assignment_id BIGINT NOT NULL REFERENCES indicator_assignments(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    sort_order INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (assignment_id, unit_id)
);

CREATE INDEX assignment_coordinators_unit_idx ON assignment_coordinators (unit_id);

-- ===================================================================
-- 5. Surveys, dossier statistics, individual ratings
-- ===================================================================

-- Procedure fields (lĩnh vực): Tư pháp - Hộ tịch, Chứng thực, ...
CREATE TABLE procedure_fields (
    id {{PK}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Monthly satisfaction tally per unit and field. levelN counts the answers
-- of value N on the scale of the tally (a 3-level scale uses level1..level3).
-- responses = sum of levels is checked by validation, not here.
CREATE TABLE survey_tallies (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    period TEXT NOT NULL CHECK (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12')),
    field_id BIGINT NOT NULL REFERENCES procedure_fields(id),
    scale_id BIGINT NOT NULL REFERENCES rating_scales(id),
    settled INTEGER NOT NULL DEFAULT 0 CHECK (settled >= 0),
    responses INTEGER NOT NULL DEFAULT 0 CHECK (responses >= 0),
    level5 INTEGER NOT NULL DEFAULT 0 CHECK (level5 >= 0),
    level4 INTEGER NOT NULL DEFAULT 0 CHECK (level4 >= 0),
    level3 INTEGER NOT NULL DEFAULT 0 CHECK (level3 >= 0),
    level2 INTEGER NOT NULL DEFAULT 0 CHECK (level2 >= 0),
    level1 INTEGER NOT NULL DEFAULT 0 CHECK (level1 >= 0),
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'ratings', 'exchange')),
    import_batch_id BIGINT REFERENCES import_batches(id),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (unit_id, period, field_id)
);

CREATE INDEX survey_tallies_period_idx ON survey_tallies (period, unit_id);

CREATE INDEX survey_tallies_field_idx ON survey_tallies (field_id, period);

-- Form II.06a of the Government Office: dossiers received, settled and
-- pending per field. Usually monthly, any period form is accepted.
CREATE TABLE dossier_stats (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    period TEXT NOT NULL CHECK (length(period) = 4 OR (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('H1', 'H2', '9M', 'Q1', 'Q2', 'Q3', 'Q4', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))),
    field_id BIGINT NOT NULL REFERENCES procedure_fields(id),
    received_total INTEGER NOT NULL DEFAULT 0 CHECK (received_total >= 0),
    received_online INTEGER NOT NULL DEFAULT 0 CHECK (received_online >= 0),
    received_direct INTEGER NOT NULL DEFAULT 0 CHECK (received_direct >= 0),
    carried_over INTEGER NOT NULL DEFAULT 0 CHECK (carried_over >= 0),
    settled_total INTEGER NOT NULL DEFAULT 0 CHECK (settled_total >= 0),
    settled_early INTEGER NOT NULL DEFAULT 0 CHECK (settled_early >= 0),
    settled_on_time INTEGER NOT NULL DEFAULT 0 CHECK (settled_on_time >= 0),
    settled_late INTEGER NOT NULL DEFAULT 0 CHECK (settled_late >= 0),
    pending_total INTEGER NOT NULL DEFAULT 0 CHECK (pending_total >= 0),
    pending_in_time INTEGER NOT NULL DEFAULT 0 CHECK (pending_in_time >= 0),
    pending_overdue INTEGER NOT NULL DEFAULT 0 CHECK (pending_overdue >= 0),
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'exchange')),
    import_batch_id BIGINT REFERENCES import_batches(id),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (unit_id, period, field_id)
);

CREATE INDEX dossier_stats_period_idx ON dossier_stats (period, unit_id);

CREATE INDEX dossier_stats_field_idx ON dossier_stats (field_id, period);

-- Rating aspects: the three built-in ones (attitude, handling, guidance)
-- are columns of ratings, further configurable ones go to
-- rating_extra_scores.
CREATE TABLE rating_aspects (
    id {{PK}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- One rating by a citizen of one officer (kiosk, QR code, online, paper).
-- Millions of rows: kept narrow. The natural key is (rated_at, officer_id,
-- procedure, citizen), declared with officer_id first so that the same
-- index serves the lookup by officer and time.
CREATE TABLE ratings (
    id {{PK}},
    rated_at TEXT NOT NULL CHECK (length(rated_at) = 19 AND substr(rated_at, 5, 1) = '-' AND substr(rated_at, 11, 1) = 'T'),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    officer_id BIGINT NOT NULL REFERENCES people(id),
    procedure TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'qr', 'online', 'paper')),
    citizen TEXT NOT NULL DEFAULT '',
    attitude INTEGER CHECK (attitude BETWEEN 1 AND 5),
    handling INTEGER CHECK (handling BETWEEN 1 AND 5),
    guidance INTEGER CHECK (guidance BETWEEN 1 AND 5),
    import_batch_id BIGINT REFERENCES import_batches(id),
    UNIQUE (officer_id, rated_at, procedure, citizen)
);

CREATE INDEX ratings_unit_idx ON ratings (unit_id, rated_at);

CREATE INDEX ratings_channel_idx ON ratings (channel, rated_at);

CREATE TABLE rating_extra_scores (
    rating_id BIGINT NOT NULL REFERENCES ratings(id) ON DELETE CASCADE,
    aspect_id BIGINT NOT NULL REFERENCES rating_aspects(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (rating_id, aspect_id)
);

CREATE INDEX rating_extra_scores_aspect_idx ON rating_extra_scores (aspect_id);

-- Self-assessment by officers (Mẫu 02) on the criteria of a self framework
-- such as Circular 01/2018 (9 criteria of 0..2 points). Scores above the
-- max of the criterion are reported by validation.
CREATE TABLE self_assessments (
    id {{PK}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    period TEXT NOT NULL CHECK (length(period) = 4 OR (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('H1', 'H2', '9M', 'Q1', 'Q2', 'Q3', 'Q4', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))),
    criterion_id BIGINT NOT NULL REFERENCES criteria(id),
    self_score DOUBLE PRECISION CHECK (self_score >= 0),
    appraised_score DOUBLE PRECISION CHECK (appraised_score >= 0),
    note TEXT NOT NULL DEFAULT '',
    appraised_at TEXT,
    appraised_by TEXT,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (person_id, period, criterion_id)
);

CREATE INDEX self_assessments_period_idx ON self_assessments (period, person_id);

CREATE INDEX self_assessments_criterion_idx ON self_assessments (criterion_id);

-- ===================================================================
-- 6. Reports
-- ===================================================================

-- Editable narrative sections of a report (e.g. quarterly report parts).
-- unit_id is the unit the report is about (the own unit of the office for the
-- whole-office aggregate).
CREATE TABLE report_narratives (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    period TEXT NOT NULL CHECK (length(period) = 4 OR (length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 2) IN ('H1', 'H2', '9M', 'Q1', 'Q2', 'Q3', 'Q4', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))),
    report_type TEXT NOT NULL CHECK (report_type IN ('quarterly', 'plan', 'ranking', 'tasks', 'survey', 'assignments', 'ratings', 'qr-cards')),
    section_key TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT,
    updated_by TEXT,
    UNIQUE (unit_id, period, report_type, section_key)
);

-- Archive of issued documents with their number and a frozen PDF. Numbers
-- run from 1 each year per issuing unit and kind symbol (BC, KH, TB). A
-- NULL number is a document printed before its number was given.
CREATE TABLE issued_reports (
    id {{PK}},
    report_type TEXT NOT NULL CHECK (report_type IN ('quarterly', 'plan', 'ranking', 'tasks', 'survey', 'assignments', 'ratings', 'qr-cards')),
    unit_id BIGINT REFERENCES units(id),
    period TEXT NOT NULL DEFAULT '',
    plan_id BIGINT REFERENCES plans(id),
    issuer_unit_id BIGINT NOT NULL REFERENCES units(id),
    number INTEGER CHECK (number >= 1),
    number_text TEXT NOT NULL DEFAULT '',
    kind_symbol TEXT NOT NULL CHECK (kind_symbol IN ('BC', 'KH', 'TB')),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    issued_on TEXT CHECK (length(issued_on) = 10 AND substr(issued_on, 5, 1) = '-' AND substr(issued_on, 8, 1) = '-'),
    title TEXT NOT NULL DEFAULT '',
    parameters_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'revoked')),
    sha256 TEXT CHECK (length(sha256) = 64),
    size_bytes BIGINT CHECK (size_bytes >= 0),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    pdf {{BLOB}},
    UNIQUE (issuer_unit_id, kind_symbol, year, number)
);

CREATE INDEX issued_reports_unit_idx ON issued_reports (unit_id, period);

CREATE INDEX issued_reports_type_idx ON issued_reports (report_type, period);

CREATE INDEX issued_reports_plan_idx ON issued_reports (plan_id);

-- ===================================================================
-- 7. Users, audit, offline exchange
-- ===================================================================

-- unit_id limits a commune user (chair, clerk) to one commune, it is
-- required for those roles.
CREATE TABLE users (
    id {{PK}},
    login TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'specialist', 'chair', 'clerk', 'viewer')),
    unit_id BIGINT REFERENCES units(id),
    person_id BIGINT REFERENCES people(id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT,
    updated_at TEXT,
    last_login_at TEXT,
    CHECK (role NOT IN ('chair', 'clerk') OR unit_id IS NOT NULL)
);

CREATE INDEX users_unit_idx ON users (unit_id);

-- One row per changed field (insert and delete may log one row with field
-- empty and the row as JSON in new_value or old_value).
CREATE TABLE audit_log (
    id {{PK}},
    at TEXT NOT NULL,
    user_login TEXT NOT NULL DEFAULT '',
    table_name TEXT NOT NULL,
    row_id BIGINT,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT
);

CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id);

CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE INDEX audit_log_user_idx ON audit_log (user_login, at);

-- Offline exchange packages sent to or received from a commune.
CREATE TABLE exchange_packages (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    period TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT CHECK (length(sha256) = 64),
    size_bytes BIGINT CHECK (size_bytes >= 0),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected')),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    applied_at TEXT
);

CREATE INDEX exchange_packages_unit_idx ON exchange_packages (unit_id, created_at);
