-- 0007-inspection-items.sql: the PAR Index items an inspection covers
--
-- An inspection's scope is its free text and the items of a criteria set
-- it covers ("1.1 plan issued on time"), kept as a plan task keeps the
-- items it serves (0004): the inspection's pane lists them and the year's
-- inspection plan workbook names them after the scope's text. Only items
-- are named, never the groups above them; the core checks that, as it
-- checks everything a file holds.
--
-- - a link goes when its inspection or its item goes (a criteria set
--   removed takes its items' links with it);
-- - an inspection names an item once; `position` keeps the order they
--   were given.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE inspection_item (
  inspection_id INTEGER NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  node_id       INTEGER NOT NULL REFERENCES criteria_node (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (inspection_id, node_id)
) WITHOUT ROWID;
CREATE INDEX inspection_item_node ON inspection_item (node_id);
