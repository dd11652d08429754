-- The task board's rows on the office server: read by every account within its units, written with the tasks and progress they follow (PostgreSQL part of 0013).
--
-- A row says what its task's text says (folded for searching): it is
-- shown to an account within its units only, like the task. It is written
-- by whoever writes the task or its progress (a clerk too, when recording
-- progress), so the table is added to the grants of cchc_grant_access()
-- (of 0010, here with task_board among the office's tables and the
-- clerk's), which is run again. Not audited: it is derived from the tasks,
-- whose changes are.
ALTER TABLE task_board ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS cchc_unit ON task_board;

CREATE POLICY cchc_unit ON task_board
    USING (CAST((SELECT cchc_account_units(CAST(current_user AS TEXT))) AS BIGINT[]) IS NULL
           OR unit_id = ANY (CAST((SELECT cchc_account_units(CAST(current_user AS TEXT))) AS BIGINT[])));

CREATE OR REPLACE FUNCTION cchc_grant_access() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    groups TEXT[] := ARRAY['cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk', 'cchc_viewer'];
    catalogues TEXT[] := ARRAY['settings', 'frameworks', 'framework_bands', 'criteria', 'criterion_crosswalk',
        'rating_scales', 'rating_scale_levels', 'rating_aspects', 'procedure_fields'];
    office TEXT[] := ARRAY['units', 'people', 'results', 'result_sets', 'evidence', 'result_evidence', 'plans',
        'plan_sections', 'plan_items', 'tasks', 'task_coordinators', 'progress_updates', 'progress_evidence',
        'indicator_assignments', 'assignment_coordinators', 'survey_tallies', 'dossier_stats', 'ratings',
        'rating_extra_scores', 'self_assessments', 'report_narratives', 'issued_reports', 'exchange_packages',
        'task_board'];
    clerk TEXT[] := ARRAY['results', 'result_sets', 'evidence', 'result_evidence', 'progress_updates',
        'progress_evidence', 'survey_tallies', 'dossier_stats', 'ratings', 'rating_extra_scores',
        'self_assessments', 'report_narratives', 'task_board'];
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

-- Its names, as 0010 set them (the schema of the tables, then temporary
-- objects), and the grants given again.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION cchc_grant_access() SET search_path = %I, pg_temp', current_schema());
    PERFORM cchc_grant_access();
END
$$;
