-- 0003-plan.sql: the annual reform plan as the plan commands and views keep it
--
-- 0001 laid out plan, task, task_unit and progress_entry; this brings them to
-- what the rules of the plan need (docs/cli.md, "The annual reform plan"):
--
-- - a task's deadline has a kind: a date (`deadline`, YYYY-MM-DD), a quarter
--   of the plan's year (`deadline_quarter`) or ongoing (due on 31 December);
-- - codes are unique within a plan;
-- - completion (`completed_on`, 0001) and cancellation (`cancelled_on`, its
--   note) are dates: a status is always worked out as of a date, never kept
--   (the `status` column of 0001 is left unused);
-- - the units of a task are in order: the lead first, then the coordinating
--   units in the order given; one lead a task;
-- - progress entries say who recorded them; their id is the recorded order;
-- - `carried_from`: the task of an earlier plan this one is a copy of, so that
--   carrying a plan over twice copies nothing more.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE task ADD COLUMN deadline_kind TEXT NOT NULL DEFAULT 'date'
  CHECK (deadline_kind IN ('date', 'quarter', 'ongoing'));
ALTER TABLE task ADD COLUMN cancelled_on TEXT NOT NULL DEFAULT '';
ALTER TABLE task ADD COLUMN cancel_note TEXT NOT NULL DEFAULT '';
ALTER TABLE task ADD COLUMN carried_from INTEGER REFERENCES task (id) ON DELETE SET NULL;

-- Tasks written before: a quarter where one was set, ongoing where no date was.
UPDATE task SET deadline_kind = 'quarter' WHERE deadline_quarter IS NOT NULL;
UPDATE task SET deadline_kind = 'ongoing' WHERE deadline_quarter IS NULL AND deadline = '';
-- An empty or repeated code gets one of its own, so that codes can be unique.
UPDATE task SET code = '#' || id
 WHERE code = '' OR id NOT IN (SELECT min (id) FROM task GROUP BY plan_id, code);
CREATE UNIQUE INDEX task_plan_code ON task (plan_id, code);
CREATE INDEX task_carried_from ON task (carried_from);

ALTER TABLE task_unit ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- Units written before: the lead first, the others by unit id.
UPDATE task_unit SET position = CASE WHEN role = 'lead' THEN 0 ELSE
  1 + (SELECT count (*) FROM task_unit o
        WHERE o.task_id = task_unit.task_id AND o.role = 'coordinating' AND o.unit_id < task_unit.unit_id) END;
DELETE FROM task_unit
 WHERE role = 'lead'
   AND unit_id <> (SELECT min (unit_id) FROM task_unit o WHERE o.task_id = task_unit.task_id AND o.role = 'lead');
CREATE UNIQUE INDEX task_unit_lead ON task_unit (task_id) WHERE role = 'lead';

ALTER TABLE progress_entry ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE progress_entry ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';
