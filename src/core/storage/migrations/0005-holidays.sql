-- 0005-holidays.sql: the file's edits to the public holidays the law gives
--
-- A year's holidays are computed (the Labour Code's days, Tết and Hùng
-- Kings' day from the lunar calendar, the compensatory days, the National
-- Day's second day: docs/cli.md, "Working days and public holidays"); the
-- file keeps only what the office changed, one row a date:
--
-- - `name` set: the day was added (`holiday add`), with the name given;
-- - `name` NULL: the computed holiday on that day was removed
--   (`holiday remove`): it is a working day again.
--
-- Edits move no other day: compensatory days follow from the law's days
-- alone. `day` is YYYY-MM-DD.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE holiday_edit (
  day  TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  name TEXT CHECK (name IS NULL OR length (trim (name)) > 0)
) WITHOUT ROWID;
