-- Office server: whether a unit an account does not see exists (to refuse it the unit rather than say there is none), the totals a commune's standing among all the office's communes is reckoned from, and changing an account's role without the server's notices (PostgreSQL only).
--
-- PostgreSQL only (on SQLite this version changes nothing). Row-level
-- security (0010) hides from a commune's accounts the units outside their
-- subtree, so that a unit asked for by its code looked missing: the program
-- said "the unit does not exist" where it should say the account may not
-- act on it. And a commune's quarterly report ranked the commune among the
-- units it reads, itself alone ("1/1"), where the rank is among all the
-- office's communes. These functions run as the owner and give no more
-- than that: whether a code is taken, and the totals of the ranked result
-- sets without the units they belong to. The ranking itself is the
-- program's (src/core/scoring.h).

-- Whether a unit has the code, whether or not the connection may read it;
-- false for a connection that is neither an account of this database nor
-- its owner.
CREATE OR REPLACE FUNCTION cchc_unit_exists(p_code TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (SELECT 1 FROM units WHERE code = p_code)
           AND (cchc_account_role(CAST(session_user AS TEXT)) IS NOT NULL
                OR pg_catalog.pg_has_role(session_user, d.datdba, 'MEMBER'))
    FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()
$$;

-- The stored totals (points and maximum, self-assessed or appraised) of
-- every result set of the framework in the period, with the kind of its
-- unit (the program ranks the commune-level ones) and whether they are
-- fresh (1; 0: a set's totals wait to be recomputed after its framework
-- changed); ordered by kind and totals, without the units. Nothing for a
-- connection that is neither an account of this database nor its owner.
CREATE OR REPLACE FUNCTION cchc_ranked_totals(p_framework BIGINT, p_period TEXT, p_appraised BOOLEAN)
    RETURNS TABLE (kind TEXT, points DOUBLE PRECISION, max_points DOUBLE PRECISION, fresh INTEGER)
    LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT u.kind, CASE WHEN p_appraised THEN s.appraised_points ELSE s.self_points END,
           CASE WHEN p_appraised THEN s.appraised_max ELSE s.self_max END, s.totals_fresh
    FROM result_sets s JOIN units u ON u.id = s.unit_id
    WHERE s.framework_id = p_framework AND s.period = p_period
      AND (cchc_account_role(CAST(session_user AS TEXT)) IS NOT NULL
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_database d
                      WHERE d.datname = pg_catalog.current_database()
                        AND pg_catalog.pg_has_role(session_user, d.datdba, 'MEMBER')))
    ORDER BY 1, 2, 3
$$;

-- An account moved to another role's group: 0010's revoked every other
-- group and granted the role's again, and the server said so for each
-- group the login was not in (WARNING: role ... is not a member of role
-- ...) and for the group it was already in (NOTICE), on the standard error
-- of `cchc user set`. Now only the memberships there are are revoked, and
-- the role's group granted when missing.
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
    FOR g IN SELECT CAST(grp.rolname AS TEXT) FROM pg_catalog.pg_auth_members m
             JOIN pg_catalog.pg_roles grp ON grp.oid = m.roleid
             JOIN pg_catalog.pg_roles r ON r.oid = m.member
             WHERE r.rolname = p_login
               AND grp.rolname IN ('cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk', 'cchc_viewer')
               AND grp.rolname <> 'cchc_' || p_role LOOP
        EXECUTE format('REVOKE %I FROM %I', g, p_login);
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                   JOIN pg_catalog.pg_roles grp ON grp.oid = m.roleid
                   JOIN pg_catalog.pg_roles r ON r.oid = m.member
                   WHERE r.rolname = p_login AND grp.rolname = 'cchc_' || p_role) THEN
        EXECUTE format('GRANT %I TO %I', 'cchc_' || p_role, p_login);
    END IF;
END
$$;

-- Their names, as 0010 set them: the schema of the tables, then temporary
-- objects.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION cchc_unit_exists(TEXT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION cchc_ranked_totals(BIGINT, TEXT, BOOLEAN) SET search_path = %I, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION cchc_set_login_role(TEXT, TEXT) SET search_path = %I, pg_temp',
                   current_schema());
END
$$;
