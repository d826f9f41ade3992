-- 0004-task-items.sql: the PAR Index items a plan task serves
--
-- A task of a plan can name items of a criteria set ("1.1.1 plan issued on
-- time"): the item's side pane in the PAR Index then lists the tasks and
-- their status, so that the plan and the score meet (docs/cli.md,
-- "task items"). Only items are named, never the groups above them; the
-- core checks that, as it checks everything a file holds.
--
-- - a link goes when its task or its item goes (a criteria set removed
--   takes its items' links with it);
-- - a task names an item once; `position` keeps the order they were given.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE task_item (
  task_id  INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  node_id  INTEGER NOT NULL REFERENCES criteria_node (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, node_id)
) WITHOUT ROWID;
CREATE INDEX task_item_node ON task_item (node_id);
