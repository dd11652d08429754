-- A task has one progress update per quarter: duplicates are folded into the newest, then a unique index keeps it so.
--
-- Until now two desks reporting on the same task and quarter both kept
-- their update. The newest one (the largest id, the last written, which
-- left the task as it is) stays; the evidence documents of the older ones
-- are linked to it, each older one is written to the audit log with its
-- values, and it is removed. The unique index replaces the plain index on
-- the same columns.
INSERT INTO progress_evidence (update_id, evidence_id)
SELECT DISTINCT n.id, e.evidence_id
FROM progress_evidence e
JOIN progress_updates o ON o.id = e.update_id
JOIN progress_updates n ON n.task_id = o.task_id AND n.period = o.period
WHERE n.id = (SELECT MAX(x.id) FROM progress_updates x WHERE x.task_id = o.task_id AND x.period = o.period)
  AND n.id <> o.id
  AND NOT EXISTS (SELECT 1 FROM progress_evidence k WHERE k.update_id = n.id AND k.evidence_id = e.evidence_id);

INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, new_value)
SELECT n.created_at, '', 'progress_updates', o.id, 'delete', '', o.period || ' ' || o.status || ' ' || CAST(o.percent_done AS TEXT) || '% ' || o.note, NULL
FROM progress_updates o
JOIN progress_updates n ON n.task_id = o.task_id AND n.period = o.period
WHERE n.id = (SELECT MAX(x.id) FROM progress_updates x WHERE x.task_id = o.task_id AND x.period = o.period)
  AND n.id <> o.id;

DELETE FROM progress_evidence
WHERE update_id IN (SELECT o.id FROM progress_updates o WHERE EXISTS (SELECT 1 FROM progress_updates n WHERE n.task_id = o.task_id AND n.period = o.period AND n.id > o.id));

DELETE FROM progress_updates
WHERE id IN (SELECT o.id FROM progress_updates o WHERE EXISTS (SELECT 1 FROM progress_updates n WHERE n.task_id = o.task_id AND n.period = o.period AND n.id > o.id));

DROP INDEX progress_updates_task_idx;

CREATE UNIQUE INDEX progress_updates_task_period_idx ON progress_updates (task_id, period);
