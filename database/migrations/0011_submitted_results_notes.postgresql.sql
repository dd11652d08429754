-- Office server: a commune's chair and clerk keep the note of their submitted results and may add a result with no figures to a submitted set (a document or a note on a criterion not yet scored), as the program allows (PostgreSQL only).
--
-- PostgreSQL only (on SQLite this version changes nothing). The guard of
-- 0010 locked a submitted result whole for the commune's accounts and let
-- them add draft results only, while the program (core/result_workflow.h)
-- leaves the note of a submitted result open and gives a criterion of a
-- submitted set its result (in the set's state) when a document is
-- attached or a note typed: the server refused those saves. Still refused
-- to them: self scores and figures of a submitted result, appraising,
-- reopening, anything of an appraised set, and a result added as
-- submitted to a set that is not, or with figures.

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
        IF NEW.appraised_score IS NOT NULL OR NEW.appraised_at IS NOT NULL OR NEW.appraised_by IS NOT NULL
           OR NEW.submitted_at IS NOT NULL OR NEW.submitted_by IS NOT NULL
           OR NOT (NEW.status = 'draft'
                   OR (NEW.status = 'submitted' AND NEW.self_score IS NULL AND NEW.numerator IS NULL
                       AND NEW.denominator IS NULL
                       AND EXISTS (SELECT 1 FROM result_sets s JOIN criteria c ON c.framework_id = s.framework_id
                                   WHERE c.id = NEW.criterion_id AND s.unit_id = NEW.unit_id
                                     AND s.period = NEW.period AND s.status = 'submitted'))) THEN
            RAISE EXCEPTION 'cchc: % may not submit or appraise results this way', current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.status = 'draft' THEN
        allowed := allowed || ARRAY['self_score', 'numerator', 'denominator', 'note', 'score_overridden', 'source',
                                    'import_batch_id'];
    ELSIF OLD.status = 'submitted' AND NEW.status = 'submitted' THEN
        allowed := allowed || ARRAY['note'];
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

-- Its names, as 0010 set them: the schema of the tables, then temporary
-- objects.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION cchc_guard_results() SET search_path = %I, pg_temp', current_schema());
END
$$;
