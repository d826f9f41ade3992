-- 0002-text-read.sql: whether a kept document's text was read
--
-- A document whose text takes longer to read than its budget (a crafted or
-- pathological PDF) is kept all the same, its text marked as not read: it is
-- then not found by searches, and the window and `evidence show` say so.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE evidence_document ADD COLUMN text_read INTEGER NOT NULL DEFAULT 1 CHECK (text_read IN (0, 1));
