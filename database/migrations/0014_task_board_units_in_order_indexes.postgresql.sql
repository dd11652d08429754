-- The task board's order indexes carry each row's unit (PostgreSQL part of 0014; nothing on SQLite).
--
-- On the office server an account's statements carry the row-level
-- security's condition on the unit (0013). With the unit in the entries
-- of the index of an order, a window deep in a sorted list is read from
-- that index alone (an index-only scan) instead of reading the table for
-- each entry it walks past.
DROP INDEX task_board_order_idx;
CREATE INDEX task_board_order_idx ON task_board (unit_code, due, task_id, status, lead_unit_id, lead_person_id, calendar_gap, cutoff_gap, search) INCLUDE (unit_id);

DROP INDEX task_board_unit_name_idx;
CREATE INDEX task_board_unit_name_idx ON task_board (unit_key, unit_code, due, task_id, status) INCLUDE (unit_id);

DROP INDEX task_board_criterion_idx;
CREATE INDEX task_board_criterion_idx ON task_board (criterion, unit_code, due, task_id, status) INCLUDE (unit_id);

DROP INDEX task_board_task_idx;
CREATE INDEX task_board_task_idx ON task_board (task_key, unit_code, due, task_id, status) INCLUDE (unit_id);

DROP INDEX task_board_lead_idx;
CREATE INDEX task_board_lead_idx ON task_board (lead_key, unit_code, due, task_id, status) INCLUDE (unit_id);

DROP INDEX task_board_due_idx;
CREATE INDEX task_board_due_idx ON task_board (due, unit_code, task_id, status) INCLUDE (unit_id);

DROP INDEX task_board_overdue_idx;
CREATE INDEX task_board_overdue_idx ON task_board (due DESC, unit_code, task_id, status) INCLUDE (unit_id);

DROP INDEX task_board_status_idx;
CREATE INDEX task_board_status_idx ON task_board (status, unit_code, due, task_id, calendar_gap, cutoff_gap) INCLUDE (unit_id);

DROP INDEX task_board_percent_idx;
CREATE INDEX task_board_percent_idx ON task_board (percent_done, unit_code, due, task_id, status) INCLUDE (unit_id);
