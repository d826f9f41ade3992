-- 0006-inspections.sql: inspections, their teams, findings and recommendations as the commands keep them
--
-- 0001 laid out inspection, inspection_member, finding and recommendation;
-- this brings them to what the rules of inspections need (docs/cli.md,
-- "Inspections"):
--
-- - the days of an inspection are `start_date` to `end_date`, both
--   included (YYYY-MM-DD); an index on them finds the inspections that
--   share a day with another, for the clash check and the free-day search;
-- - the status is `planned` or `cancelled` (the other words of 0001 are
--   left unused);
-- - a team's members are in order within their role (`position`), so that
--   lists show them as they were given;
-- - a finding may name the PAR Index code it concerns, kept as written;
-- - a recommendation is closed on `closed_on` with its follow-up note
--   (both from 0001); its status is worked out as of a date, never kept;
-- - `meta.file-uid`: a random identifier of the file, so that the calendar
--   entries of its inspections differ from those of any other file.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE inspection_member ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE finding ADD COLUMN criterion TEXT NOT NULL DEFAULT '';

CREATE INDEX inspection_days ON inspection (start_date, end_date);
CREATE INDEX finding_inspection ON finding (inspection_id);
CREATE INDEX recommendation_inspection ON recommendation (inspection_id);

INSERT OR IGNORE INTO meta (key, value) VALUES ('file-uid', lower (hex (randomblob (16))));
