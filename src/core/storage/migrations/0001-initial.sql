-- 0001-initial.sql: schema version 1, the whole PAR Desk domain.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Points are integers of thousandths of a point (*_milli). Dates are ISO 8601 text.
-- A pre-release prototype (version 0) kept units in `units(code, name, parent)`;
-- its rows are carried over at the end of this file.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Directory ---------------------------------------------------------------

CREATE TABLE org_unit (
  id         INTEGER PRIMARY KEY,
  parent_id  INTEGER REFERENCES org_unit (id) ON DELETE RESTRICT,
  code       TEXT NOT NULL UNIQUE CHECK (length (trim (code)) > 0),
  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),
  level      TEXT NOT NULL DEFAULT 'office'
             CHECK (level IN ('province', 'department', 'district', 'commune', 'office')),
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX org_unit_parent ON org_unit (parent_id, position);

CREATE TABLE staff (
  id        INTEGER PRIMARY KEY,
  unit_id   INTEGER NOT NULL REFERENCES org_unit (id) ON DELETE RESTRICT,
  full_name TEXT NOT NULL CHECK (length (trim (full_name)) > 0),
  title     TEXT NOT NULL DEFAULT '',
  role      TEXT NOT NULL DEFAULT 'staff'
            CHECK (role IN ('leader', 'par-officer', 'steering-member', 'staff')),
  email     TEXT NOT NULL DEFAULT '',
  phone     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_unit ON staff (unit_id);

-- PAR Index ---------------------------------------------------------------

CREATE TABLE criteria_set (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL
              CHECK (level IN ('province', 'department', 'district', 'commune', 'office')),
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  source_file TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE criteria_node (
  id                  INTEGER PRIMARY KEY,
  set_id              INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,
  parent_id           INTEGER REFERENCES criteria_node (id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  code                TEXT NOT NULL,
  title               TEXT NOT NULL,
  max_milli           INTEGER NOT NULL CHECK (max_milli >= 0),
  method              TEXT NOT NULL DEFAULT 'manual'
                      CHECK (method IN ('group', 'manual', 'choice', 'survey', 'bonus', 'penalty')),
  step_milli          INTEGER NOT NULL DEFAULT 10 CHECK (step_milli > 0),
  applicable_optional INTEGER NOT NULL DEFAULT 0 CHECK (applicable_optional IN (0, 1)),
  evidence            TEXT NOT NULL DEFAULT '',
  guidance            TEXT NOT NULL DEFAULT '',
  UNIQUE (set_id, code)
);
CREATE INDEX criteria_node_parent ON criteria_node (parent_id, position);

CREATE TABLE criteria_option (
  id           INTEGER PRIMARY KEY,
  node_id      INTEGER NOT NULL REFERENCES criteria_node (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  label        TEXT NOT NULL,
  points_milli INTEGER NOT NULL CHECK (points_milli >= 0)
);
CREATE INDEX criteria_option_node ON criteria_option (node_id, position);

CREATE TABLE assessment (
  id         INTEGER PRIMARY KEY,
  set_id     INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,
  unit_id    INTEGER NOT NULL REFERENCES org_unit (id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (set_id, unit_id)
);

CREATE TABLE score (
  assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  node_id         INTEGER NOT NULL REFERENCES criteria_node (id) ON DELETE CASCADE,
  self_milli      INTEGER CHECK (self_milli >= 0),
  appraised_milli INTEGER CHECK (appraised_milli >= 0),
  not_applicable  INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  explanation     TEXT NOT NULL DEFAULT '',
  updated_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (assessment_id, node_id)
) WITHOUT ROWID;

-- Evidence ----------------------------------------------------------------

-- The bytes, stored once per SHA-256.
CREATE TABLE evidence_blob (
  id     INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),
  size   INTEGER NOT NULL CHECK (size >= 0),
  data   BLOB NOT NULL
);

CREATE TABLE evidence_document (
  id               INTEGER PRIMARY KEY,
  blob_id          INTEGER NOT NULL UNIQUE REFERENCES evidence_blob (id) ON DELETE RESTRICT,
  filename         TEXT NOT NULL,
  pages            INTEGER NOT NULL DEFAULT 0,
  encrypted        INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
  pdf_title        TEXT NOT NULL DEFAULT '',
  pdf_author       TEXT NOT NULL DEFAULT '',
  pdf_producer     TEXT NOT NULL DEFAULT '',
  pdf_created      TEXT NOT NULL DEFAULT '',
  doc_number       TEXT NOT NULL DEFAULT '',
  doc_date         TEXT NOT NULL DEFAULT '',
  doc_place        TEXT NOT NULL DEFAULT '',
  issuer           TEXT NOT NULL DEFAULT '',
  doc_type         TEXT NOT NULL DEFAULT '',
  abstract         TEXT NOT NULL DEFAULT '',
  signature_status TEXT NOT NULL DEFAULT 'none'
                   CHECK (signature_status IN ('none', 'valid', 'modified', 'invalid', 'unchecked')),
  preview_png      BLOB,
  added_at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE evidence_signature (
  id                 INTEGER PRIMARY KEY,
  document_id        INTEGER NOT NULL REFERENCES evidence_document (id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  signer             TEXT NOT NULL DEFAULT '',
  signing_time       TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL CHECK (status IN ('valid', 'modified', 'invalid')),
  certificate_status TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (certificate_status IN ('trusted', 'untrusted', 'unknown')),
  UNIQUE (document_id, position)
);

-- The text of every page; the search index below holds it folded
-- (lower case, no diacritics, đ → d) so that "quyet dinh" finds "Quyết định".
CREATE TABLE evidence_page (
  document_id INTEGER NOT NULL REFERENCES evidence_document (id) ON DELETE CASCADE,
  page        INTEGER NOT NULL CHECK (page >= 1),
  text        TEXT NOT NULL,
  PRIMARY KEY (document_id, page)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
  folded_text,
  document_id UNINDEXED,
  page UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Plan --------------------------------------------------------------------

CREATE TABLE plan (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES org_unit (id) ON DELETE RESTRICT,
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title       TEXT NOT NULL,
  document_id INTEGER REFERENCES evidence_document (id) ON DELETE SET NULL,
  UNIQUE (unit_id, year)
);

CREATE TABLE task (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL DEFAULT 0,
  code             TEXT NOT NULL DEFAULT '',
  area             TEXT NOT NULL DEFAULT 'direction'
                   CHECK (area IN ('direction', 'institutions', 'procedures', 'apparatus',
                                   'civil-service', 'public-finance', 'digital-government')),
  title            TEXT NOT NULL CHECK (length (trim (title)) > 0),
  output           TEXT NOT NULL DEFAULT '',
  deadline         TEXT NOT NULL DEFAULT '',
  deadline_quarter INTEGER CHECK (deadline_quarter BETWEEN 1 AND 4),
  status           TEXT NOT NULL DEFAULT 'not-started'
                   CHECK (status IN ('not-started', 'in-progress', 'done', 'done-late', 'cancelled')),
  completed_on     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_plan ON task (plan_id, position);

CREATE TABLE task_unit (
  task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES org_unit (id) ON DELETE RESTRICT,
  role    TEXT NOT NULL CHECK (role IN ('lead', 'coordinating')),
  PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX task_unit_unit ON task_unit (unit_id);

CREATE TABLE progress_entry (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  entry_date TEXT NOT NULL,
  percent    INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  note       TEXT NOT NULL DEFAULT '',
  staff_id   INTEGER REFERENCES staff (id) ON DELETE SET NULL
);
CREATE INDEX progress_entry_task ON progress_entry (task_id, entry_date);

CREATE TABLE quarterly_report (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  quarter    INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  summary    TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (plan_id, quarter)
);

-- Inspections -------------------------------------------------------------

CREATE TABLE inspection (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES org_unit (id) ON DELETE RESTRICT,
  year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title      TEXT NOT NULL,
  scope      TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  end_date   TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL DEFAULT 'planned'
             CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled'))
);
CREATE INDEX inspection_unit ON inspection (unit_id);

CREATE TABLE inspection_member (
  inspection_id INTEGER NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  role          TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'secretary')),
  PRIMARY KEY (inspection_id, staff_id)
) WITHOUT ROWID;
CREATE INDEX inspection_member_staff ON inspection_member (staff_id);

CREATE TABLE finding (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL
);

CREATE TABLE recommendation (
  id                  INTEGER PRIMARY KEY,
  inspection_id       INTEGER NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  finding_id          INTEGER REFERENCES finding (id) ON DELETE SET NULL,
  text                TEXT NOT NULL,
  responsible_unit_id INTEGER REFERENCES org_unit (id) ON DELETE RESTRICT,
  deadline            TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
  follow_up           TEXT NOT NULL DEFAULT '',
  closed_on           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recommendation_unit ON recommendation (responsible_unit_id);

-- Evidence links: a document supports a scored item, a task or an inspection.
CREATE TABLE evidence_link (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES evidence_document (id) ON DELETE CASCADE,
  assessment_id INTEGER REFERENCES assessment (id) ON DELETE CASCADE,
  node_id       INTEGER REFERENCES criteria_node (id) ON DELETE CASCADE,
  task_id       INTEGER REFERENCES task (id) ON DELETE CASCADE,
  inspection_id INTEGER REFERENCES inspection (id) ON DELETE CASCADE,
  CHECK ((assessment_id IS NOT NULL AND node_id IS NOT NULL AND task_id IS NULL AND inspection_id IS NULL)
      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NOT NULL AND inspection_id IS NULL)
      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NULL AND inspection_id IS NOT NULL)),
  UNIQUE (document_id, assessment_id, node_id, task_id, inspection_id)
);
CREATE INDEX evidence_link_item ON evidence_link (assessment_id, node_id);
CREATE INDEX evidence_link_task ON evidence_link (task_id);
CREATE INDEX evidence_link_inspection ON evidence_link (inspection_id);

-- Audit -------------------------------------------------------------------

-- entity_id is the changed row's id (for a score, its node); a score's
-- assessment is in assessment_id, so that each item shows its own history.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor         TEXT NOT NULL,
  entity        TEXT NOT NULL,
  entity_id     INTEGER NOT NULL,
  assessment_id INTEGER REFERENCES assessment (id) ON DELETE CASCADE,
  field         TEXT NOT NULL,
  old_value     TEXT,
  new_value     TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_assessment ON audit_log (assessment_id, entity_id);

-- Carry over the prototype's units. On a new file `units` does not exist:
-- create it empty so the statements below are the same for both.
CREATE TABLE IF NOT EXISTS units (code TEXT PRIMARY KEY, name TEXT NOT NULL, parent TEXT);
INSERT INTO org_unit (code, name) SELECT code, name FROM units ORDER BY rowid;
UPDATE org_unit SET parent_id = (SELECT p.id FROM units u JOIN org_unit p ON p.code = u.parent
                                  WHERE u.code = org_unit.code);
-- The prototype did not stop loops (A under B under A): the units of a loop go to the top.
UPDATE org_unit SET parent_id = NULL
 WHERE id IN (WITH RECURSIVE up (start, id, depth) AS (
                SELECT id, parent_id, 1 FROM org_unit WHERE parent_id IS NOT NULL
                UNION ALL
                SELECT up.start, o.parent_id, up.depth + 1 FROM up JOIN org_unit o ON o.id = up.id
                 WHERE o.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 10000)
              SELECT start FROM up WHERE id = start);
DROP TABLE units;
