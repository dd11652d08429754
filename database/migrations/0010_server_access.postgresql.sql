-- Office server: accounts as server logins in group roles of the program's roles, their grants, row-level security by unit, and the audit log written by triggers (PostgreSQL only).
--
-- PostgreSQL only (on SQLite this version changes nothing). Each account
-- of the office is a login role of the server, member of the group role of
-- its role; the grants below are what each role may do on the server,
-- following the role x action matrix of src/core/access.h:
--
--   everyone    reads the schema version, the settings, frameworks and
--               catalogues, the accounts (without their password hash),
--               every table of the office's data, and writes its own saved
--               filters and the time of its last login; may add to the
--               audit log (never change or remove it)
--   viewer      nothing more (no citizen's name in ratings)
--   clerk       results (self scores), result sets, evidence, progress of
--               tasks, tallies, dossier figures, ratings (no citizen's
--               name), self-assessments, report texts
--   chair       as the clerk, and the plans with their items and tasks, the
--               assignment matrix, issued reports (issue, not revoke),
--               citizens' names, its unit's audit trail
--   specialist  every table of the office's data; the audit trail
--   admin       everything, accounts, settings and catalogues included
--
-- Group roles are the server's, shared by every database on it: they are
-- created when missing, never dropped. The grants are made by the function
-- cchc_grant_access(), which resets and gives them again: run by this
-- migration, after a restore (a dump carries no grants), and by any later
-- migration that adds a table or a column.

DO $$
DECLARE
    r TEXT;
BEGIN
    FOREACH r IN ARRAY ARRAY['cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk', 'cchc_viewer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- another database's migration made it meanwhile
            END;
        END IF;
    END LOOP;
END
$$;

-- ===================================================================
-- Who the connection is: the owner (or a superuser), or an account, and
-- whom the owner's connection says it acts for. These name nothing a
-- session could shadow: they are also evaluated in triggers' conditions.
-- ===================================================================

-- Whether the connection is the database's owner (or a superuser): the
-- office's setup account, which runs the upgrades.
CREATE OR REPLACE FUNCTION cchc_is_owner() RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.pg_has_role(current_user, d.datdba, 'MEMBER') FROM pg_catalog.pg_database d
    WHERE d.datname = pg_catalog.current_database()
$$;

-- Whether the owner's connection has said whom it acts for.
CREATE OR REPLACE FUNCTION cchc_actor_said() RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(pg_catalog.current_setting('cchc.actor', true), '') <> ''
$$;

-- Whether the owner's connection has turned the audit off (a restore of a
-- backup that brings its own log); only the owner's connection may.
CREATE OR REPLACE FUNCTION cchc_audit_off() RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.current_setting('cchc.audit', true) IS NOT DISTINCT FROM 'off' AND cchc_is_owner()
$$;

-- Who makes the change: the connection's login; the owner's connection may
-- say whom it acts for.
CREATE OR REPLACE FUNCTION cchc_actor() RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN cchc_is_owner() AND cchc_actor_said()
                THEN pg_catalog.current_setting('cchc.actor', true) ELSE CAST(current_user AS TEXT) END
$$;

-- ===================================================================
-- Row-level security: each account sees and changes the rows of its unit
-- and of every unit under it; an account without a unit (the province's or
-- the district's office) the whole tree. cchc_account_units() gives that
-- subtree: the policies call it in a subquery of its own, which the planner
-- runs once per statement (an InitPlan), never once per row. The owner of
-- the tables (the office's setup account, which runs the upgrades) and
-- superusers bypass row-level security; a role that is no account of this
-- database (another database's account on the same server, or a group role
-- taken with SET ROLE) sees no row at all.
-- ===================================================================

-- The role of an active account ('admin', ..., 'viewer'), or NULL when the
-- login is no active account of this database.
CREATE OR REPLACE FUNCTION cchc_account_role(p_login TEXT) RETURNS TEXT
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT role FROM users WHERE login = p_login AND active = 1
$$;

-- The units an account works on: its unit and every unit under it (over
-- units.parent_id); NULL for the whole tree (an account without a unit); an
-- empty array when the login is no active account of this database.
CREATE OR REPLACE FUNCTION cchc_account_units(p_login TEXT) RETURNS BIGINT[]
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    WITH RECURSIVE account AS (
        SELECT unit_id FROM users WHERE login = p_login AND active = 1
    ), subtree (id) AS (
        SELECT unit_id FROM account WHERE unit_id IS NOT NULL
        UNION
        SELECT u.id FROM units u JOIN subtree s ON u.parent_id = s.id
    )
    SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM account) THEN CAST(ARRAY[] AS BIGINT[])
                WHEN (SELECT unit_id FROM account) IS NULL THEN CAST(NULL AS BIGINT[])
                ELSE ARRAY(SELECT id FROM subtree) END
$$;

-- The audit trail of a chair's units: each entry carries the unit of the
-- row it is about (written by the audit triggers).
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS unit_id BIGINT;

CREATE INDEX IF NOT EXISTS audit_log_unit_idx ON audit_log (unit_id, at);

-- The ids of the rows an account works on in the tables whose unit lies
-- two or more steps up (plan items, tasks, progress updates): computed once
-- per statement, like the subtree, so that the policies of the tables under
-- them need not walk up through each other's policies; NULL for the whole
-- tree.
CREATE OR REPLACE FUNCTION cchc_account_ids(p_login TEXT, p_table TEXT) RETURNS BIGINT[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
    units CONSTANT BIGINT[] := cchc_account_units(p_login);
BEGIN
    IF units IS NULL THEN
        RETURN NULL;
    END IF;
    CASE p_table
    WHEN 'plan_items' THEN
        RETURN ARRAY(SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.unit_id = ANY (units));
    WHEN 'tasks' THEN
        RETURN ARRAY(SELECT t.id FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id
                     WHERE p.unit_id = ANY (units));
    WHEN 'progress_updates' THEN
        RETURN ARRAY(SELECT u.id FROM progress_updates u JOIN tasks t ON t.id = u.task_id
                     JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id
                     WHERE p.unit_id = ANY (units));
    ELSE
        RAISE EXCEPTION 'cchc: no ids of %', p_table;
    END CASE;
END
$$;

-- The policies. A table of a unit's data: its rows whose unit (directly, or
-- through the plan, task, result, rating or person they belong to) is in
-- the account's subtree, for reading and for writing alike (a row cannot be
-- moved out of the subtree either). What a role may write at all is its
-- grants; the guards below keep the finer rules.
DO $$
DECLARE
    units CONSTANT TEXT := 'CAST((SELECT cchc_account_units(CAST(current_user AS TEXT))) AS BIGINT[])';
    ids CONSTANT TEXT := 'CAST((SELECT cchc_account_ids(CAST(current_user AS TEXT), %L)) AS BIGINT[])';
    account CONSTANT TEXT := '(SELECT cchc_account_role(CAST(current_user AS TEXT))) IS NOT NULL';
    x RECORD;
BEGIN
    FOR x IN SELECT * FROM (VALUES
        ('units', 'id = ANY (%1$s)'),
        ('people', 'unit_id = ANY (%1$s)'),
        ('results', 'unit_id = ANY (%1$s)'),
        ('result_sets', 'unit_id = ANY (%1$s)'),
        ('evidence', 'unit_id = ANY (%1$s)'),
        ('result_evidence', 'EXISTS (SELECT 1 FROM results r WHERE r.id = result_id AND r.unit_id = ANY (%1$s))'),
        ('plans', 'unit_id = ANY (%1$s)'),
        ('plan_sections', 'EXISTS (SELECT 1 FROM plans p WHERE p.id = plan_id AND p.unit_id = ANY (%1$s))'),
        ('plan_items', 'EXISTS (SELECT 1 FROM plans p WHERE p.id = plan_id AND p.unit_id = ANY (%1$s))'),
        ('tasks', 'item_id = ANY (%2$s)'),
        ('task_coordinators', 'task_id = ANY (%3$s)'),
        ('progress_updates', 'task_id = ANY (%3$s)'),
        ('progress_evidence', 'update_id = ANY (%4$s)'),
        ('indicator_assignments', 'unit_id = ANY (%1$s)'),
        ('assignment_coordinators', 'EXISTS (SELECT 1 FROM indicator_assignments a WHERE a.id = assignment_id '
                                    'AND a.unit_id = ANY (%1$s))'),
        ('survey_tallies', 'unit_id = ANY (%1$s)'),
        ('dossier_stats', 'unit_id = ANY (%1$s)'),
        ('ratings', 'unit_id = ANY (%1$s)'),
        ('rating_extra_scores', 'EXISTS (SELECT 1 FROM ratings r WHERE r.id = rating_id AND r.unit_id = ANY (%1$s))'),
        ('self_assessments', 'EXISTS (SELECT 1 FROM people p WHERE p.id = person_id AND p.unit_id = ANY (%1$s))'),
        ('report_narratives', 'unit_id = ANY (%1$s)'),
        ('issued_reports', 'COALESCE(unit_id, issuer_unit_id) = ANY (%1$s)'),
        ('exchange_packages', 'unit_id = ANY (%1$s)')
    ) AS v (t, rows) LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', x.t);
        EXECUTE format('DROP POLICY IF EXISTS cchc_unit ON %I', x.t);
        EXECUTE format('CREATE POLICY cchc_unit ON %I USING (%s IS NULL OR %s)', x.t, units,
                       format(x.rows, units, format(ids, 'plan_items'), format(ids, 'tasks'),
                              format(ids, 'progress_updates')));
    END LOOP;
    -- Settings, frameworks, catalogues, imports and accounts: every
    -- account of this database (its grants say who writes).
    FOR x IN SELECT unnest(ARRAY['settings', 'frameworks', 'framework_bands', 'criteria', 'criterion_crosswalk',
                                 'rating_scales', 'rating_scale_levels', 'rating_aspects', 'procedure_fields',
                                 'import_batches', 'users']) AS t LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', x.t);
        EXECUTE format('DROP POLICY IF EXISTS cchc_account ON %I', x.t);
        EXECUTE format('CREATE POLICY cchc_account ON %I USING (%s)', x.t, account);
    END LOOP;
    -- An account changes its own row (its last login) unless it is an
    -- administrator's.
    DROP POLICY IF EXISTS cchc_own_account ON users;
    EXECUTE format('CREATE POLICY cchc_own_account ON users AS RESTRICTIVE FOR UPDATE USING (login = '
                   'CAST(current_user AS TEXT) OR (SELECT cchc_account_role(CAST(current_user AS TEXT))) = '
                   '''admin'')');
    -- Saved filters: one's own.
    ALTER TABLE saved_filters ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS cchc_own ON saved_filters;
    EXECUTE format('CREATE POLICY cchc_own ON saved_filters USING (user_login = CAST(current_user AS TEXT) '
                   'AND %s)', account);
    -- The audit trail: read by the office (admin, specialist) and by a
    -- chair for its units, each within its subtree; added to by every
    -- account (a trigger writes the account's own login into the row).
    ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS cchc_read ON audit_log;
    EXECUTE format('CREATE POLICY cchc_read ON audit_log FOR SELECT USING ((SELECT cchc_account_role(CAST('
                   'current_user AS TEXT))) IN (''admin'', ''specialist'', ''chair'') AND (%1$s IS NULL OR '
                   'unit_id = ANY (%1$s)))', units);
    DROP POLICY IF EXISTS cchc_add ON audit_log;
    EXECUTE format('CREATE POLICY cchc_add ON audit_log FOR INSERT WITH CHECK (%s)', account);
END
$$;

-- ===================================================================
-- Guards: what a commune's accounts may change within the tables they
-- write, as the matrix says. A chair submits and withdraws its results but
-- does not appraise or reopen them, nor touch an appraised set; a clerk
-- enters self scores but does not submit; a clerk records a task's progress
-- (status, percentage, outcome, closing date) but changes nothing else of
-- the task; a chair issues its unit's reports but does not revoke one. The
-- office's accounts (and the owner) pass. A refusal is SQLSTATE 42501
-- (insufficient_privilege), like a missing grant.
-- ===================================================================

-- Whether the row changed in other columns than those allowed.
CREATE OR REPLACE FUNCTION cchc_changed_besides(old_row JSONB, new_row JSONB, allowed TEXT[]) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$
    SELECT (old_row - allowed) IS DISTINCT FROM (new_row - allowed)
$$;

CREATE OR REPLACE FUNCTION cchc_guard_results() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    r CONSTANT TEXT := cchc_account_role(CAST(current_user AS TEXT));
    allowed TEXT[] := ARRAY['version', 'updated_at', 'updated_by'];
BEGIN
    IF r IS NULL OR r NOT IN ('chair', 'clerk') THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'cchc: % may not remove submitted or appraised results', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draft' OR NEW.appraised_score IS NOT NULL OR NEW.appraised_at IS NOT NULL
           OR NEW.appraised_by IS NOT NULL THEN
            RAISE EXCEPTION 'cchc: % may not submit or appraise results this way', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.status = 'draft' THEN
        allowed := allowed || ARRAY['self_score', 'numerator', 'denominator', 'note', 'score_overridden', 'source',
                                    'import_batch_id'];
    END IF;
    IF r = 'chair' AND OLD.status <> 'appraised' AND NEW.status <> 'appraised' THEN
        allowed := allowed || ARRAY['status', 'submitted_at', 'submitted_by'];
    END IF;
    IF cchc_changed_besides(to_jsonb(OLD), to_jsonb(NEW), allowed) THEN
        RAISE EXCEPTION 'cchc: % may not appraise, reopen or change locked results', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION cchc_guard_result_sets() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    r CONSTANT TEXT := cchc_account_role(CAST(current_user AS TEXT));
    allowed TEXT[] := ARRAY['version', 'updated_at', 'updated_by', 'self_points', 'self_max', 'appraised_points',
                            'appraised_max', 'totals_fresh'];
BEGIN
    IF r IS NULL OR r NOT IN ('chair', 'clerk') THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'cchc: % may not remove submitted or appraised results', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draft' OR NEW.appraised_at IS NOT NULL OR NEW.appraised_by IS NOT NULL THEN
            RAISE EXCEPTION 'cchc: % may not submit or appraise results this way', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    -- Submitting and withdrawing (which clears the reason of a reopening).
    IF r = 'chair' AND OLD.status <> 'appraised' AND NEW.status <> 'appraised' THEN
        allowed := allowed || ARRAY['status', 'submitted_at', 'submitted_by'];
        IF NEW.reopen_reason = '' THEN
            allowed := allowed || ARRAY['reopen_reason'];
        END IF;
    END IF;
    IF cchc_changed_besides(to_jsonb(OLD), to_jsonb(NEW), allowed) THEN
        RAISE EXCEPTION 'cchc: % may not submit, appraise or reopen these results', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION cchc_guard_tasks() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF cchc_account_role(CAST(current_user AS TEXT)) = 'clerk'
       AND cchc_changed_besides(to_jsonb(OLD), to_jsonb(NEW),
                                ARRAY['status', 'percent_done', 'outcome', 'closed_on', 'version', 'updated_at',
                                      'updated_by']) THEN
        RAISE EXCEPTION 'cchc: % may record progress of a task but not edit the task', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION cchc_guard_issued_reports() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF cchc_account_role(CAST(current_user AS TEXT)) = 'chair' THEN
        IF TG_OP = 'INSERT' AND NEW.status <> 'issued' THEN
            RAISE EXCEPTION 'cchc: % may issue reports but not revoke them', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- The frozen PDF is stored once, right after the report is issued.
        IF TG_OP = 'UPDATE' AND (OLD.pdf IS NOT NULL
                                 OR cchc_changed_besides(to_jsonb(OLD), to_jsonb(NEW), ARRAY['pdf'])) THEN
            RAISE EXCEPTION 'cchc: % may issue reports but not revoke or change them', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS cchc_guard ON results;

CREATE TRIGGER cchc_guard BEFORE INSERT OR UPDATE OR DELETE ON results
    FOR EACH ROW WHEN (NOT cchc_is_owner()) EXECUTE FUNCTION cchc_guard_results();

DROP TRIGGER IF EXISTS cchc_guard ON result_sets;

CREATE TRIGGER cchc_guard BEFORE INSERT OR UPDATE OR DELETE ON result_sets
    FOR EACH ROW WHEN (NOT cchc_is_owner()) EXECUTE FUNCTION cchc_guard_result_sets();

DROP TRIGGER IF EXISTS cchc_guard ON tasks;

CREATE TRIGGER cchc_guard BEFORE UPDATE ON tasks
    FOR EACH ROW WHEN (NOT cchc_is_owner()) EXECUTE FUNCTION cchc_guard_tasks();

DROP TRIGGER IF EXISTS cchc_guard ON issued_reports;

CREATE TRIGGER cchc_guard BEFORE INSERT OR UPDATE ON issued_reports
    FOR EACH ROW WHEN (NOT cchc_is_owner()) EXECUTE FUNCTION cchc_guard_issued_reports();

-- ===================================================================
-- Accounts: each account of the office is a login role of the server
-- (its password kept by the server as a SCRAM-SHA-256 verifier), member of
-- the group role of its role. An administrator's connection creates and
-- changes them through these functions, which run as the owner (who may
-- create roles: CREATEROLE) and check who calls: the owner, or an active
-- administrator of this database (a password: also the account itself).
-- They touch only the logins of this database's accounts, never another
-- role of the server. The program computes the verifier itself
-- (libpq's PQencryptPasswordConn), so that no password crosses the
-- connection or reaches the server's log.
-- ===================================================================

-- Whether the connection's login may manage accounts.
CREATE OR REPLACE FUNCTION cchc_caller_manages_accounts() RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT pg_has_role(session_user, d.datdba, 'MEMBER')
           OR cchc_account_role(CAST(session_user AS TEXT)) = 'admin'
    FROM pg_database d WHERE d.datname = current_database()
$$;

CREATE OR REPLACE FUNCTION cchc_check_login(p_login TEXT, p_role TEXT, p_verifier TEXT) RETURNS VOID
    LANGUAGE plpgsql AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.-]{1,62}$' THEN
        RAISE EXCEPTION 'cchc: not a login: %', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_role IS NOT NULL AND p_role NOT IN ('admin', 'specialist', 'chair', 'clerk', 'viewer') THEN
        RAISE EXCEPTION 'cchc: not a role: %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_verifier IS NOT NULL AND p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'cchc: a password goes to the server as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- The login of an account of this database, checked for a change: it must
-- be one of this database's accounts (users), a member of one of the
-- program's group roles, and not a superuser.
CREATE OR REPLACE FUNCTION cchc_check_account_login(p_login TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM users WHERE login = p_login)
       OR NOT EXISTS (SELECT 1 FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid
                      JOIN pg_roles g ON g.oid = m.roleid
                      WHERE r.rolname = p_login AND NOT r.rolsuper
                        AND g.rolname IN ('cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk',
                                          'cchc_viewer')) THEN
        RAISE EXCEPTION 'cchc: % is no account of this database', p_login USING ERRCODE = 'undefined_object';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION cchc_create_login(p_login TEXT, p_role TEXT, p_verifier TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NOT cchc_caller_manages_accounts() THEN
        RAISE EXCEPTION 'cchc: only an administrator adds accounts' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM cchc_check_login(p_login, p_role, p_verifier);
    IF p_role IS NULL OR p_verifier IS NULL THEN
        RAISE EXCEPTION 'cchc: an account needs its role and password' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'cchc: the server already has a role %', p_login USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_verifier, 'cchc_' || p_role);
END
$$;

CREATE OR REPLACE FUNCTION cchc_set_login_password(p_login TEXT, p_verifier TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    caller CONSTANT TEXT := CAST(session_user AS TEXT);
BEGIN
    IF caller <> p_login AND NOT cchc_caller_manages_accounts() THEN
        RAISE EXCEPTION 'cchc: only an administrator changes another account''s password'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM cchc_check_login(p_login, NULL, p_verifier);
    PERFORM cchc_check_account_login(p_login);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
    -- Audited like a change of the account's row, without the secret.
    INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, unit_id)
    SELECT to_char(localtimestamp, 'YYYY-MM-DD"T"HH24:MI:SS'),
           CASE WHEN pg_has_role(session_user, d.datdba, 'MEMBER')
                THEN COALESCE(NULLIF(current_setting('cchc.actor', true), ''), caller) ELSE caller END,
           'users', u.id, 'update', 'password', u.unit_id
    FROM users u, pg_database d WHERE u.login = p_login AND d.datname = current_database();
END
$$;

CREATE OR REPLACE FUNCTION cchc_set_login_enabled(p_login TEXT, p_enabled BOOLEAN) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NOT cchc_caller_manages_accounts() THEN
        RAISE EXCEPTION 'cchc: only an administrator disables or enables accounts'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM cchc_check_login(p_login, NULL, NULL);
    PERFORM cchc_check_account_login(p_login);
    EXECUTE format(CASE WHEN p_enabled THEN 'ALTER ROLE %I LOGIN' ELSE 'ALTER ROLE %I NOLOGIN' END, p_login);
END
$$;

CREATE OR REPLACE FUNCTION cchc_set_login_role(p_login TEXT, p_role TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    g TEXT;
BEGIN
    IF NOT cchc_caller_manages_accounts() THEN
        RAISE EXCEPTION 'cchc: only an administrator changes roles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM cchc_check_login(p_login, p_role, NULL);
    PERFORM cchc_check_account_login(p_login);
    FOREACH g IN ARRAY ARRAY['cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk', 'cchc_viewer'] LOOP
        IF g <> 'cchc_' || p_role THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'cchc_' || p_role, p_login);
END
$$;

-- ===================================================================
-- Audit: every change to the office's tables is written to audit_log by
-- the server itself, so that a change made with psql is audited like one
-- made by the program. One entry per changed column on update (its old and
-- new value as text), one per row on insert and delete (the row's values
-- as a JSON object, without who wrote it when, blobs, or a password hash),
-- each naming the connection's login. A connection of the owner (the
-- setup account, the tests) may name the person it acts for in the setting
-- cchc.actor (and where new rows come from in cchc.source, e.g. "import"):
-- the owner can do anything anyway. An account's connection never can.
-- Rows added are logged when their statement ends, all at once (an import
-- of millions of ratings costs one statement more); changed and removed
-- rows when the transaction commits (deferred triggers), as are the rows
-- the owner's connection adds before it has said whom it acts for (the
-- program says it once its changes are made). The log is only added to.
-- ===================================================================

-- The unit a row of a table belongs to (directly or through its parent),
-- from the row's values; NULL for rows of no unit (settings, frameworks) or
-- whose parent is gone. Called by the audit trigger, in its names.
CREATE OR REPLACE FUNCTION cchc_unit_of(tbl TEXT, r JSONB) RETURNS BIGINT
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    unit BIGINT;
BEGIN
    CASE tbl
    WHEN 'units' THEN
        RETURN CAST(r ->> 'id' AS BIGINT);
    WHEN 'people', 'results', 'result_sets', 'evidence', 'plans', 'indicator_assignments', 'survey_tallies',
         'dossier_stats', 'ratings', 'report_narratives', 'exchange_packages', 'users' THEN
        RETURN CAST(r ->> 'unit_id' AS BIGINT);
    WHEN 'issued_reports' THEN
        RETURN CAST(COALESCE(r ->> 'unit_id', r ->> 'issuer_unit_id') AS BIGINT);
    WHEN 'result_evidence' THEN
        SELECT x.unit_id INTO unit FROM results x WHERE x.id = CAST(r ->> 'result_id' AS BIGINT);
    WHEN 'plan_sections', 'plan_items' THEN
        SELECT x.unit_id INTO unit FROM plans x WHERE x.id = CAST(r ->> 'plan_id' AS BIGINT);
    WHEN 'tasks' THEN
        SELECT p.unit_id INTO unit FROM plan_items i JOIN plans p ON p.id = i.plan_id
        WHERE i.id = CAST(r ->> 'item_id' AS BIGINT);
    WHEN 'task_coordinators', 'progress_updates' THEN
        SELECT p.unit_id INTO unit FROM tasks t JOIN plan_items i ON i.id = t.item_id
        JOIN plans p ON p.id = i.plan_id WHERE t.id = CAST(r ->> 'task_id' AS BIGINT);
    WHEN 'progress_evidence' THEN
        SELECT p.unit_id INTO unit FROM progress_updates u JOIN tasks t ON t.id = u.task_id
        JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id
        WHERE u.id = CAST(r ->> 'update_id' AS BIGINT);
    WHEN 'assignment_coordinators' THEN
        SELECT x.unit_id INTO unit FROM indicator_assignments x WHERE x.id = CAST(r ->> 'assignment_id' AS BIGINT);
    WHEN 'rating_extra_scores' THEN
        SELECT x.unit_id INTO unit FROM ratings x WHERE x.id = CAST(r ->> 'rating_id' AS BIGINT);
    WHEN 'self_assessments' THEN
        SELECT x.unit_id INTO unit FROM people x WHERE x.id = CAST(r ->> 'person_id' AS BIGINT);
    ELSE
        RETURN NULL;
    END CASE;
    RETURN unit;
END
$$;

CREATE OR REPLACE FUNCTION cchc_audit() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    who CONSTANT TEXT := cchc_actor();
    stamp CONSTANT TEXT := to_char(localtimestamp, 'YYYY-MM-DD"T"HH24:MI:SS');
    source CONSTANT TEXT := COALESCE(current_setting('cchc.source', true), '');
    -- Who wrote a row, when and from which import (the entry says it),
    -- and a password hash: never in an entry.
    unsaid CONSTANT TEXT[] := ARRAY['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version',
                                    'import_batch_id', 'password_hash', 'last_login_at'];
    -- Figures the program derives from others: not changes of their own.
    derived CONSTANT TEXT[] := ARRAY['due_date', 'low_score', 'self_points', 'self_max', 'appraised_points',
                                     'appraised_max', 'totals_fresh'];
    -- The table's blobs (evidence files, frozen PDFs), named by the trigger.
    blobs CONSTANT TEXT[] := COALESCE(TG_ARGV, CAST(ARRAY[] AS TEXT[]));
    old_row JSONB;
    new_row JSONB;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        -- The rows a statement added, all at once.
        IF TG_TABLE_NAME = 'settings' THEN
            INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value)
            SELECT stamp, who, 'settings', 0, 'insert', a.key, NULL, a.value FROM added a;
        ELSE
            INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value, unit_id)
            SELECT stamp, who, TG_TABLE_NAME, CAST(x.j ->> 'id' AS BIGINT), 'insert', source, NULL,
                   CAST(x.j - unsaid AS TEXT),
                   CASE WHEN x.j ? 'unit_id' AND TG_TABLE_NAME <> 'issued_reports'
                        THEN CAST(x.j ->> 'unit_id' AS BIGINT) ELSE cchc_unit_of(TG_TABLE_NAME, x.j) END
            FROM (SELECT to_jsonb(a) - blobs AS j FROM added a) AS x;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD) - blobs;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW) - blobs;
    END IF;
    IF TG_TABLE_NAME = 'settings' THEN
        -- A setting is its key's value (row 0, the key as the field).
        IF TG_OP = 'UPDATE' AND (old_row -> 'value') IS NOT DISTINCT FROM (new_row -> 'value') THEN
            RETURN NULL;
        END IF;
        INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value)
        VALUES (stamp, who, TG_TABLE_NAME, 0, lower(TG_OP), COALESCE(new_row, old_row) ->> 'key',
                old_row ->> 'value', new_row ->> 'value');
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value, unit_id)
        SELECT stamp, who, TG_TABLE_NAME, CAST(new_row ->> 'id' AS BIGINT), 'update', CAST(a.attname AS TEXT),
               old_row ->> CAST(a.attname AS TEXT), new_row ->> CAST(a.attname AS TEXT),
               cchc_unit_of(TG_TABLE_NAME, new_row)
        FROM pg_attribute a
        WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
          AND CAST(a.attname AS TEXT) <> ALL (unsaid || derived || blobs)
          AND (old_row -> CAST(a.attname AS TEXT)) IS DISTINCT FROM (new_row -> CAST(a.attname AS TEXT))
        ORDER BY a.attnum;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value, unit_id)
        VALUES (stamp, who, TG_TABLE_NAME, CAST(new_row ->> 'id' AS BIGINT), 'insert', source, NULL,
                CAST(new_row - unsaid AS TEXT), cchc_unit_of(TG_TABLE_NAME, new_row));
    ELSE
        INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value, unit_id)
        VALUES (stamp, who, TG_TABLE_NAME, CAST(old_row ->> 'id' AS BIGINT), 'delete', '',
                CAST(old_row - unsaid AS TEXT), NULL, cchc_unit_of(TG_TABLE_NAME, old_row));
    END IF;
    RETURN NULL;
END
$$;

-- The unit of the entries written before the server kept the log (by the
-- program on this server, or copied from an SQLite file): from the row
-- each one is about, where that row is still there. The program's own
-- entries of an assignment matrix or a report's texts name the unit as
-- their row; of a self-assessment, the person; of a result's evidence,
-- the result.
CREATE OR REPLACE FUNCTION cchc_fill_audit_units() RETURNS VOID
    LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['units', 'people', 'results', 'result_sets', 'evidence', 'plans', 'plan_sections',
                             'plan_items', 'tasks', 'progress_updates', 'survey_tallies', 'dossier_stats',
                             'ratings', 'issued_reports', 'exchange_packages', 'users'] LOOP
        EXECUTE format('UPDATE audit_log a SET unit_id = cchc_unit_of(%L, to_jsonb(x)) FROM %I x '
                       'WHERE a.table_name = %L AND a.row_id = x.id AND a.unit_id IS NULL', t, t, t);
    END LOOP;
    UPDATE audit_log a SET unit_id = a.row_id FROM units u
    WHERE a.table_name IN ('indicator_assignments', 'report_narratives') AND u.id = a.row_id
      AND a.unit_id IS NULL;
    UPDATE audit_log a SET unit_id = p.unit_id FROM people p
    WHERE a.table_name = 'self_assessments' AND p.id = a.row_id AND a.unit_id IS NULL;
    UPDATE audit_log a SET unit_id = r.unit_id FROM results r
    WHERE a.table_name = 'result_evidence' AND r.id = a.row_id AND a.unit_id IS NULL;
END
$$;

DO $$
BEGIN
    PERFORM cchc_fill_audit_units();
END
$$;

-- An account adds to the log in its own name only; nobody changes or
-- removes an entry (the owner's restore of a backup's log excepted).
CREATE OR REPLACE FUNCTION cchc_audit_log_added() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF NOT cchc_is_owner() THEN
        NEW.user_login := CAST(current_user AS TEXT);
        NEW.at := to_char(localtimestamp, 'YYYY-MM-DD"T"HH24:MI:SS');
        -- An entry the account writes itself names no unit: no unit's
        -- chair reads it.
        NEW.unit_id := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION cchc_audit_log_kept() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF cchc_audit_off() THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    RAISE EXCEPTION 'cchc: the audit log is only added to' USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS cchc_added ON audit_log;

-- (Entries the audit triggers write carry their login already.)
CREATE TRIGGER cchc_added BEFORE INSERT ON audit_log
    FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION cchc_audit_log_added();

DROP TRIGGER IF EXISTS cchc_kept ON audit_log;

CREATE TRIGGER cchc_kept BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION cchc_audit_log_kept();

DROP TRIGGER IF EXISTS cchc_kept_whole ON audit_log;

CREATE TRIGGER cchc_kept_whole BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_audit_log_kept();

-- Every table but the log itself, the schema version, import batches (the
-- entries name the import) and saved filters (a desk's own view).
DO $$
DECLARE
    x RECORD;
    blobs TEXT;
BEGIN
    FOR x IN SELECT c.oid, c.relname AS t FROM pg_class c
             WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND c.relkind = 'r'
               AND c.relname NOT IN ('audit_log', 'schema_version', 'import_batches', 'saved_filters') LOOP
        SELECT string_agg(quote_literal(attname), ', ' ORDER BY attnum) INTO blobs FROM pg_attribute
        WHERE attrelid = x.oid AND atttypid = CAST('bytea' AS regtype) AND NOT attisdropped;
        blobs := COALESCE(blobs, '');
        EXECUTE format('DROP TRIGGER IF EXISTS cchc_audit_added ON %I', x.t);
        EXECUTE format('DROP TRIGGER IF EXISTS cchc_audit_added_late ON %I', x.t);
        EXECUTE format('DROP TRIGGER IF EXISTS cchc_audit_changed ON %I', x.t);
        EXECUTE format('DROP TRIGGER IF EXISTS cchc_audit_removed ON %I', x.t);
        -- Rows added: at the statement's end, when the actor is known then
        -- (an account's connection, or the owner's that said it)...
        EXECUTE format('CREATE TRIGGER cchc_audit_added AFTER INSERT ON %I REFERENCING NEW TABLE AS added '
                       'FOR EACH STATEMENT WHEN (NOT cchc_is_owner() OR (cchc_actor_said() AND NOT '
                       'cchc_audit_off())) EXECUTE FUNCTION cchc_audit(%s)', x.t, blobs);
        -- ... else at the commit, row by row.
        EXECUTE format('CREATE CONSTRAINT TRIGGER cchc_audit_added_late AFTER INSERT ON %I DEFERRABLE '
                       'INITIALLY DEFERRED FOR EACH ROW WHEN (cchc_is_owner() AND NOT cchc_actor_said() AND '
                       'NOT cchc_audit_off()) EXECUTE FUNCTION cchc_audit(%s)', x.t, blobs);
        -- Rows changed (really) or removed: at the commit (not even queued
        -- while the owner restores a backup).
        EXECUTE format('CREATE CONSTRAINT TRIGGER cchc_audit_changed AFTER UPDATE ON %I DEFERRABLE INITIALLY '
                       'DEFERRED FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW AND NOT cchc_audit_off()) '
                       'EXECUTE FUNCTION cchc_audit(%s)', x.t, blobs);
        EXECUTE format('CREATE CONSTRAINT TRIGGER cchc_audit_removed AFTER DELETE ON %I DEFERRABLE INITIALLY '
                       'DEFERRED FOR EACH ROW WHEN (NOT cchc_audit_off()) EXECUTE FUNCTION cchc_audit(%s)',
                       x.t, blobs);
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION cchc_grant_access() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    groups TEXT[] := ARRAY['cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk', 'cchc_viewer'];
    catalogues TEXT[] := ARRAY['settings', 'frameworks', 'framework_bands', 'criteria', 'criterion_crosswalk',
        'rating_scales', 'rating_scale_levels', 'rating_aspects', 'procedure_fields'];
    office TEXT[] := ARRAY['units', 'people', 'results', 'result_sets', 'evidence', 'result_evidence', 'plans',
        'plan_sections', 'plan_items', 'tasks', 'task_coordinators', 'progress_updates', 'progress_evidence',
        'indicator_assignments', 'assignment_coordinators', 'survey_tallies', 'dossier_stats', 'ratings',
        'rating_extra_scores', 'self_assessments', 'report_narratives', 'issued_reports', 'exchange_packages'];
    clerk TEXT[] := ARRAY['results', 'result_sets', 'evidence', 'result_evidence', 'progress_updates',
        'progress_evidence', 'survey_tallies', 'dossier_stats', 'ratings', 'rating_extra_scores',
        'self_assessments', 'report_narratives'];
    chair TEXT[] := clerk || ARRAY['plans', 'plan_sections', 'plan_items', 'tasks', 'task_coordinators',
        'indicator_assignments', 'assignment_coordinators'];
    everyone TEXT;
    t TEXT;
    without_citizen TEXT;
    without_hash TEXT;
BEGIN
    everyone := array_to_string(ARRAY(SELECT quote_ident(x) FROM unnest(groups) x), ', ');
    -- From nothing: what a group may do is exactly what follows.
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('REVOKE ALL ON TABLE %I FROM %s', t, everyone);
    END LOOP;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', current_schema(), everyone);
    EXECUTE format('GRANT SELECT ON TABLE schema_version, import_batches TO %s', everyone);
    FOREACH t IN ARRAY catalogues || office LOOP
        IF t <> 'ratings' THEN
            EXECUTE format('GRANT SELECT ON TABLE %I TO %s', t, everyone);
        END IF;
    END LOOP;
    -- Citizens' names: not for clerks and viewers.
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO without_citizen
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'ratings' AND column_name <> 'citizen';
    EXECUTE 'GRANT SELECT ON TABLE ratings TO cchc_admin, cchc_specialist, cchc_chair';
    EXECUTE format('GRANT SELECT (%s) ON TABLE ratings TO cchc_clerk, cchc_viewer', without_citizen);
    -- Accounts: the password hash (of SQLite files copied to the server)
    -- only for administrators.
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO without_hash
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'users' AND column_name <> 'password_hash';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE ON TABLE users TO cchc_admin';
    EXECUTE format('GRANT SELECT (%s), UPDATE (last_login_at) ON TABLE users TO cchc_specialist, cchc_chair, '
                   'cchc_clerk, cchc_viewer', without_hash);
    -- Personal: saved filters; the audit log is only added to.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE saved_filters TO %s', everyone);
    EXECUTE format('GRANT INSERT ON TABLE audit_log TO %s', everyone);
    EXECUTE 'GRANT SELECT ON TABLE audit_log TO cchc_admin, cchc_specialist, cchc_chair';
    -- Writers.
    FOREACH t IN ARRAY catalogues LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON TABLE %I TO cchc_admin', t);
    END LOOP;
    FOREACH t IN ARRAY office LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON TABLE %I TO cchc_admin, cchc_specialist', t);
    END LOOP;
    FOREACH t IN ARRAY chair LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON TABLE %I TO cchc_chair', t);
    END LOOP;
    FOREACH t IN ARRAY clerk LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON TABLE %I TO cchc_clerk', t);
    END LOOP;
    -- A clerk records a task's progress (its status, percentage and
    -- outcome move with it) but does not edit the task; a chair issues its
    -- unit's reports (and keeps their PDF) but does not revoke them.
    EXECUTE 'GRANT UPDATE ON TABLE tasks TO cchc_clerk';
    EXECUTE 'GRANT INSERT, UPDATE ON TABLE issued_reports TO cchc_chair';
    EXECUTE 'GRANT INSERT, UPDATE ON TABLE import_batches TO cchc_admin, cchc_specialist, cchc_chair, cchc_clerk';
    EXECUTE 'GRANT DELETE ON TABLE import_batches TO cchc_admin';
    -- Accounts are managed through the server's functions, which check who
    -- calls; the rest of the program's functions are the owner's.
    REVOKE ALL ON FUNCTION cchc_create_login(TEXT, TEXT, TEXT), cchc_set_login_password(TEXT, TEXT),
        cchc_set_login_enabled(TEXT, BOOLEAN), cchc_set_login_role(TEXT, TEXT), cchc_check_account_login(TEXT),
        cchc_grant_access(), cchc_fill_audit_units() FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION cchc_create_login(TEXT, TEXT, TEXT), '
                   'cchc_set_login_password(TEXT, TEXT), cchc_set_login_enabled(TEXT, BOOLEAN), '
                   'cchc_set_login_role(TEXT, TEXT) TO %s', everyone);
END
$$;

-- ===================================================================
-- Grants (above), and the names the functions see: those that run as the
-- owner, the triggers' and the owner's own see the schema of the tables,
-- then temporary objects, so that no temporary table of a session can stand
-- in for one of the tables. The small helpers the triggers call (row by row,
-- or in their conditions) are left as they are, to be inlined or cheap:
-- they name the system catalogue in full, no table at all, or run within a
-- trigger, in its names.
-- ===================================================================

DO $$
DECLARE
    f RECORD;
BEGIN
    FOR f IN SELECT CAST(p.oid AS regprocedure) AS sig FROM pg_proc p
             WHERE p.pronamespace = CAST(current_schema() AS regnamespace) AND p.proname LIKE 'cchc\_%'
               AND p.proname NOT IN ('cchc_is_owner', 'cchc_actor_said', 'cchc_audit_off', 'cchc_actor',
                                     'cchc_unit_of', 'cchc_changed_besides', 'cchc_check_login') LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, current_schema());
    END LOOP;
    PERFORM cchc_grant_access();
END
$$;
