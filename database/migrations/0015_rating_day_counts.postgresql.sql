-- The day counts of ratings on the office server: kept by statement triggers, read by the accounts of the whole office (PostgreSQL part of 0015).
--
-- One trigger per kind of change counts the rows of the statement at once
-- (its transition tables), so that an import of millions of ratings costs
-- one grouped insert. The function runs as the owner: a clerk who imports
-- ratings writes the counts without any grant on them. The counts are of
-- every commune, so only an account of the whole office (one without a
-- unit) reads them; an account of some units counts its own ratings,
-- which the program does (storage/rating_repository.cpp). The grants of
-- cchc_grant_access() (of 0013) are given again with the counts readable.
CREATE OR REPLACE FUNCTION cchc_rating_days() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE rating_day_counts c SET n = c.n - o.n
        FROM (SELECT substr(rated_at, 1, 10) AS day, channel, low_score, COUNT(*) AS n FROM cchc_old
              GROUP BY 1, 2, 3) o
        WHERE c.day = o.day AND c.channel = o.channel AND c.low_score = o.low_score;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO rating_day_counts (day, channel, low_score, n)
        SELECT substr(rated_at, 1, 10), channel, low_score, COUNT(*) FROM cchc_new GROUP BY 1, 2, 3
        ON CONFLICT (day, channel, low_score) DO UPDATE SET n = rating_day_counts.n + excluded.n;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER cchc_rating_days_added AFTER INSERT ON ratings REFERENCING NEW TABLE AS cchc_new
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_rating_days();

CREATE TRIGGER cchc_rating_days_removed AFTER DELETE ON ratings REFERENCING OLD TABLE AS cchc_old
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_rating_days();

CREATE TRIGGER cchc_rating_days_moved AFTER UPDATE ON ratings REFERENCING OLD TABLE AS cchc_old NEW TABLE AS cchc_new
    FOR EACH STATEMENT EXECUTE FUNCTION cchc_rating_days();

ALTER TABLE rating_day_counts ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS cchc_whole_office ON rating_day_counts;

CREATE POLICY cchc_whole_office ON rating_day_counts FOR SELECT
    USING ((SELECT cchc_account_role(CAST(current_user AS TEXT))) IS NOT NULL
           AND CAST((SELECT cchc_account_units(CAST(current_user AS TEXT))) AS BIGINT[]) IS NULL);

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
    -- The ratings' day counts: read (by the whole office's accounts, as
    -- their policy says); written only by the triggers of the ratings.
    EXECUTE format('GRANT SELECT ON TABLE rating_day_counts TO %s', everyone);
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

-- The functions' names, as 0010 set them (the schema of the tables, then
-- temporary objects), and the grants given again.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION cchc_rating_days() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION cchc_grant_access() SET search_path = %I, pg_temp', current_schema());
    PERFORM cchc_grant_access();
END
$$;
