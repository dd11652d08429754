-- Office server: group roles of the program's roles with their grants (PostgreSQL only).
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
END
$$;

-- ===================================================================
-- Grants (above), and the names the functions see: the schema of the
-- tables, then temporary objects (so that no temporary table of a session
-- can stand in for one of the tables in a function).
-- ===================================================================

REVOKE ALL ON FUNCTION cchc_grant_access() FROM PUBLIC;

DO $$
DECLARE
    f RECORD;
BEGIN
    FOR f IN SELECT CAST(p.oid AS regprocedure) AS sig FROM pg_proc p
             WHERE p.pronamespace = CAST(current_schema() AS regnamespace) AND p.proname LIKE 'cchc\_%' LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f.sig, current_schema());
    END LOOP;
    PERFORM cchc_grant_access();
END
$$;
