-- Tasks keep their effective due date (the date, or 31 December of the due year) for the task board's filters.
--
-- due_date is written by the program with due_on and due_year; recurring
-- tasks keep it too (their first year's end) but are never overdue as a
-- whole. Indexed with the status and the recurring flag for "open and due
-- before" (counted from the index alone).
ALTER TABLE tasks ADD COLUMN due_date TEXT CHECK (length(due_date) = 10 AND substr(due_date, 5, 1) = '-' AND substr(due_date, 8, 1) = '-');

UPDATE tasks SET due_date = COALESCE(due_on, CAST(due_year AS TEXT) || '-12-31');

CREATE INDEX tasks_due_date_idx ON tasks (status, recurring, due_date);
