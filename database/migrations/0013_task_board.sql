-- The task board's row of each task: what the board, the chair's view and the overview filter, sort and count it by, so that the database answers them from indexes.
--
-- Worked out by the program from the task, its plan and plan item, its
-- progress updates and the names of its unit and lead, with the rules of
-- core/task_rules.h and core/collation.h, and written with every change of
-- them (storage/task_board_repository.h); filled for the tasks already
-- there right after this migration. Nothing else writes it.
--   status        0 not started, 1 in progress, 2 done, 3 cancelled
--   due           the effective due date (DueDate: the due date, else the
--                 end of the due year; none for a recurring task), or '~'
--                 (after every date) when there is none
--   unit_code     the code of the plan's unit (the board's own order:
--                 commune, due date, task)
--   unit_key, task_key, lead_key
--                 StoredSortKey of the unit's name, of the task, and of its
--                 lead person and lead unit as shown
--   criterion     the plan item's heading, as it sorts
--   search        TaskSearchKey of the criterion and the task (500
--                 characters at most)
--   calendar_*, cutoff_*
--                 the task's UpdateSpan under each reporting window (first
--                 and last quarter, first missing one, '1'/'0' per quarter)
-- Sorting columns and the due date compare byte by byte ({{BYTES}}).
CREATE TABLE task_board (
    task_id BIGINT PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL,
    status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
    percent_done INTEGER NOT NULL,
    lead_unit_id BIGINT,
    lead_person_id BIGINT,
    due {{BYTES}} NOT NULL,
    unit_code {{BYTES}} NOT NULL,
    unit_key {{BYTES}} NOT NULL,
    criterion {{BYTES}} NOT NULL,
    task_key {{BYTES}} NOT NULL,
    lead_key {{BYTES}} NOT NULL,
    search TEXT NOT NULL,
    calendar_first INTEGER,
    calendar_last INTEGER,
    calendar_gap INTEGER,
    calendar_updates TEXT NOT NULL DEFAULT '',
    cutoff_first INTEGER,
    cutoff_last INTEGER,
    cutoff_gap INTEGER,
    cutoff_updates TEXT NOT NULL DEFAULT ''
);

-- One index per order of the board's columns, each ending with the
-- board's own order; a window in the middle of a list is a range of one.
-- The board's own order carries the columns of the filters too (the text
-- searched is of 500 characters at most), so that a filtered list and its
-- counts read that index alone; the others carry the status and due date.
-- The overdue tasks are listed by due date, the latest first, by the
-- second index on due.
CREATE INDEX task_board_order_idx ON task_board (unit_code, due, task_id, status, lead_unit_id, lead_person_id, calendar_gap, cutoff_gap, search);

CREATE INDEX task_board_unit_name_idx ON task_board (unit_key, unit_code, due, task_id, status);

CREATE INDEX task_board_criterion_idx ON task_board (criterion, unit_code, due, task_id, status);

CREATE INDEX task_board_task_idx ON task_board (task_key, unit_code, due, task_id, status);

CREATE INDEX task_board_lead_idx ON task_board (lead_key, unit_code, due, task_id, status);

CREATE INDEX task_board_due_idx ON task_board (due, unit_code, task_id, status);

CREATE INDEX task_board_overdue_idx ON task_board (due DESC, unit_code, task_id, status);

CREATE INDEX task_board_status_idx ON task_board (status, unit_code, due, task_id, calendar_gap, cutoff_gap);

CREATE INDEX task_board_percent_idx ON task_board (percent_done, unit_code, due, task_id, status);

-- The filters: a commune (and an account's communes, with the chair's
-- groups), a lead, open and overdue or due soon, a quarter without its
-- update (with what the count of missing updates is worked out from).
CREATE INDEX task_board_unit_idx ON task_board (unit_id, due, status, unit_code, task_id);

CREATE INDEX task_board_lead_unit_idx ON task_board (lead_unit_id);

CREATE INDEX task_board_lead_person_idx ON task_board (lead_person_id);

CREATE INDEX task_board_open_due_idx ON task_board (status, due);

CREATE INDEX task_board_calendar_gap_idx ON task_board (calendar_gap, status, due, calendar_first, calendar_last, calendar_updates, unit_id, unit_code, task_id);

CREATE INDEX task_board_cutoff_gap_idx ON task_board (cutoff_gap, status, due, cutoff_first, cutoff_last, cutoff_updates, unit_id, unit_code, task_id);
