-- 0008-recommendation-evidence.sql: a document may be evidence of an inspection's recommendation
--
-- What a unit sends to show it carried out a recommendation (its report,
-- the decision it signed) is kept and linked to that recommendation, not
-- only to the inspection. evidence_link gains `recommendation_id`; its
-- CHECK (exactly one target) must then name it, and SQLite cannot change a
-- CHECK in place: the table is made anew the way the SQLite manual
-- ("Making Other Kinds Of Table Schema Changes") describes — create the
-- new table, copy the rows, drop the old one, rename the new one, make the
-- indexes again — all in this migration's one transaction. Nothing refers
-- to evidence_link, so dropping it deletes no other row; its ids are kept.
-- Deleting a recommendation (or its inspection) deletes its links.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE evidence_link_new (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES evidence_document (id) ON DELETE CASCADE,
  assessment_id     INTEGER REFERENCES assessment (id) ON DELETE CASCADE,
  node_id           INTEGER REFERENCES criteria_node (id) ON DELETE CASCADE,
  task_id           INTEGER REFERENCES task (id) ON DELETE CASCADE,
  inspection_id     INTEGER REFERENCES inspection (id) ON DELETE CASCADE,
  recommendation_id INTEGER REFERENCES recommendation (id) ON DELETE CASCADE,
  CHECK ((assessment_id IS NOT NULL AND node_id IS NOT NULL AND task_id IS NULL AND inspection_id IS NULL
          AND recommendation_id IS NULL)
      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NOT NULL AND inspection_id IS NULL
          AND recommendation_id IS NULL)
      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NULL AND inspection_id IS NOT NULL
          AND recommendation_id IS NULL)
      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NULL AND inspection_id IS NULL
          AND recommendation_id IS NOT NULL)),
  UNIQUE (document_id, assessment_id, node_id, task_id, inspection_id, recommendation_id)
);

INSERT INTO evidence_link_new (id, document_id, assessment_id, node_id, task_id, inspection_id)
  SELECT id, document_id, assessment_id, node_id, task_id, inspection_id FROM evidence_link;

DROP TABLE evidence_link;
ALTER TABLE evidence_link_new RENAME TO evidence_link;

CREATE INDEX evidence_link_item ON evidence_link (assessment_id, node_id);
CREATE INDEX evidence_link_task ON evidence_link (task_id);
CREATE INDEX evidence_link_inspection ON evidence_link (inspection_id);
CREATE INDEX evidence_link_recommendation ON evidence_link (recommendation_id);
