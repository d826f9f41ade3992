-- 0009-trust.sql: the issuers the user trusts, revocation lists, and the certificates each signature carries
--
-- The trust list travels with the file: a decision checked on one computer
-- reads the same on another. trust_certificate holds CA certificates as DER,
-- keyed by the SHA-256 of that DER; trust_crl holds certificate revocation
-- lists. The columns beside the DER are what the lists show; they are read
-- again from the DER whenever a chain is judged.
--
-- A signature's trust is no longer stored: it is judged when it is read,
-- from the certificates the signature carries (signer first), so that a
-- change to the trust list shows at once. evidence_signature loses
-- certificate_status and gains `certificates`; NULL means "not read yet"
-- (rows of older files, read again from the kept PDF when the file is next
-- opened for writing), an empty blob "the signature carries none". SQLite
-- cannot drop a column with a CHECK, so the table is made anew the way its
-- manual describes; nothing refers to evidence_signature.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE trust_certificate (
  id          INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE CHECK (length (fingerprint) = 64),
  der         BLOB NOT NULL,
  subject     TEXT NOT NULL,
  issuer      TEXT NOT NULL,
  not_before  TEXT NOT NULL,
  not_after   TEXT NOT NULL,
  added_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE trust_crl (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),
  der         BLOB NOT NULL,
  issuer      TEXT NOT NULL,
  this_update TEXT NOT NULL,
  next_update TEXT NOT NULL DEFAULT '',
  revoked     INTEGER NOT NULL DEFAULT 0 CHECK (revoked >= 0),
  added_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE evidence_signature_new (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES evidence_document (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  signer       TEXT NOT NULL DEFAULT '',
  signing_time TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL CHECK (status IN ('valid', 'modified', 'invalid')),
  certificates BLOB,
  UNIQUE (document_id, position)
);

INSERT INTO evidence_signature_new (id, document_id, position, signer, signing_time, status)
  SELECT id, document_id, position, signer, signing_time, status FROM evidence_signature;

DROP TABLE evidence_signature;
ALTER TABLE evidence_signature_new RENAME TO evidence_signature;
