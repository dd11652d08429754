-- Who reads and writes the office's record of its packages on the server (PostgreSQL part of 0019).
--
-- As the other exchange tables (0018): administrators and specialists.
ALTER TABLE exchange_sent ENABLE ROW LEVEL SECURITY;

CREATE POLICY cchc_account ON exchange_sent USING ((SELECT cchc_account_role(CAST(current_user AS TEXT))) IN ('admin', 'specialist'));

ALTER FUNCTION cchc_grant_access() RENAME TO cchc_grant_access_0018;

CREATE FUNCTION cchc_grant_access() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cchc_grant_access_0018();
    EXECUTE 'GRANT SELECT ON TABLE exchange_sent TO cchc_admin, cchc_specialist, cchc_chair, cchc_clerk, cchc_viewer';
    EXECUTE 'GRANT INSERT, UPDATE, DELETE ON TABLE exchange_sent TO cchc_admin, cchc_specialist';
    REVOKE ALL ON FUNCTION cchc_grant_access_0018() FROM PUBLIC;
END
$$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION cchc_grant_access() SET search_path = %I, pg_temp', current_schema());
    PERFORM cchc_grant_access();
END
$$;
