-- Who reads and writes units' lineage on the office server, and its audit (PostgreSQL part of 0016).
--
-- Every account reads it, as it reads the catalogues; the office's
-- administrators and specialists write it (grants given by
-- cchc_grant_access, which now adds them to those of 0015). Its changes are
-- audited by the server's triggers, as every table's since 0010.
ALTER TABLE unit_lineage ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS cchc_account ON unit_lineage;

CREATE POLICY cchc_account ON unit_lineage
    USING ((SELECT cchc_account_role(CAST(current_user AS TEXT))) IS NOT NULL);

ALTER FUNCTION cchc_grant_access() RENAME TO cchc_grant_access_0015;

CREATE FUNCTION cchc_grant_access() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cchc_grant_access_0015();
    EXECUTE 'GRANT SELECT ON TABLE unit_lineage TO cchc_admin, cchc_specialist, cchc_chair, cchc_clerk, '
            'cchc_viewer';
    EXECUTE 'GRANT INSERT, UPDATE, DELETE ON TABLE unit_lineage TO cchc_admin, cchc_specialist';
    REVOKE ALL ON FUNCTION cchc_grant_access_0015() FROM PUBLIC;
END
$$;

DO $$
BEGIN
    EXECUTE 'CREATE TRIGGER cchc_audit_added AFTER INSERT ON unit_lineage REFERENCING NEW TABLE AS added '
            'FOR EACH STATEMENT WHEN (NOT cchc_is_owner() OR (cchc_actor_said() AND NOT '
            'cchc_audit_off())) EXECUTE FUNCTION cchc_audit()';
    EXECUTE 'CREATE CONSTRAINT TRIGGER cchc_audit_added_late AFTER INSERT ON unit_lineage DEFERRABLE '
            'INITIALLY DEFERRED FOR EACH ROW WHEN (cchc_is_owner() AND NOT cchc_actor_said() AND '
            'NOT cchc_audit_off()) EXECUTE FUNCTION cchc_audit()';
    EXECUTE 'CREATE CONSTRAINT TRIGGER cchc_audit_changed AFTER UPDATE ON unit_lineage DEFERRABLE INITIALLY '
            'DEFERRED FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW AND NOT cchc_audit_off()) '
            'EXECUTE FUNCTION cchc_audit()';
    EXECUTE 'CREATE CONSTRAINT TRIGGER cchc_audit_removed AFTER DELETE ON unit_lineage DEFERRABLE '
            'INITIALLY DEFERRED FOR EACH ROW WHEN (NOT cchc_audit_off()) EXECUTE FUNCTION cchc_audit()';
    EXECUTE format('ALTER FUNCTION cchc_grant_access() SET search_path = %I, pg_temp', current_schema());
    PERFORM cchc_grant_access();
END
$$;
