-- Who reads and writes the exchange tables on the office server (PostgreSQL part of 0018).
--
-- The office's keys and its communes' packages are the office's business:
-- its administrators and specialists read and write them; other accounts,
-- granted SELECT as on every table, see no row (grants given by
-- cchc_grant_access, which now adds them to those of 0016). Conflicts and their resolution are audited by the server's
-- triggers, as every table's since 0010; the keys are not (the secret key
-- stays out of the log).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['exchange_self', 'exchange_units', 'exchange_base', 'exchange_ids', 'exchange_conflicts'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY cchc_account ON %I USING ((SELECT cchc_account_role(CAST(current_user AS TEXT))) '
                       'IN (''admin'', ''specialist''))', t);
    END LOOP;
END
$$;

ALTER FUNCTION cchc_grant_access() RENAME TO cchc_grant_access_0016;

CREATE FUNCTION cchc_grant_access() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cchc_grant_access_0016();
    EXECUTE 'GRANT SELECT ON TABLE exchange_self, exchange_units, exchange_base, exchange_ids, '
            'exchange_conflicts TO cchc_admin, cchc_specialist, cchc_chair, cchc_clerk, cchc_viewer';
    EXECUTE 'GRANT INSERT, UPDATE, DELETE ON TABLE exchange_self, exchange_units, exchange_base, '
            'exchange_ids, exchange_conflicts TO cchc_admin, cchc_specialist';
    EXECUTE 'GRANT USAGE ON SEQUENCE exchange_conflicts_id_seq TO cchc_admin, cchc_specialist';
    REVOKE ALL ON FUNCTION cchc_grant_access_0016() FROM PUBLIC;
END
$$;

DO $$
BEGIN
    EXECUTE 'CREATE TRIGGER cchc_audit_added AFTER INSERT ON exchange_conflicts REFERENCING NEW TABLE AS added '
            'FOR EACH STATEMENT WHEN (NOT cchc_is_owner() OR (cchc_actor_said() AND NOT '
            'cchc_audit_off())) EXECUTE FUNCTION cchc_audit()';
    EXECUTE 'CREATE CONSTRAINT TRIGGER cchc_audit_added_late AFTER INSERT ON exchange_conflicts DEFERRABLE '
            'INITIALLY DEFERRED FOR EACH ROW WHEN (cchc_is_owner() AND NOT cchc_actor_said() AND '
            'NOT cchc_audit_off()) EXECUTE FUNCTION cchc_audit()';
    EXECUTE 'CREATE CONSTRAINT TRIGGER cchc_audit_changed AFTER UPDATE ON exchange_conflicts DEFERRABLE '
            'INITIALLY DEFERRED FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW AND NOT cchc_audit_off()) '
            'EXECUTE FUNCTION cchc_audit()';
    EXECUTE format('ALTER FUNCTION cchc_grant_access() SET search_path = %I, pg_temp', current_schema());
    PERFORM cchc_grant_access();
END
$$;
