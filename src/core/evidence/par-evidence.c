/* par-evidence.c: evidence documents kept in the file: listing them and reading and correcting their records
 *
 * Adding files is in par-evidence-add.c (one file) and par-evidence-batch.c
 * (many), the kept bytes in par-evidence-bytes.c, the search of their text
 * in par-evidence-search.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "par-database-private.h"
#include "par-evidence-private.h"
#include "par-evidence.h"
#include "par-pdf-signature.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.filename, b.sha256, b.size, d.pages, d.encrypted, d.pdf_title, d.pdf_author, d.pdf_producer," \
  " d.pdf_created, d.doc_number, d.doc_date, d.doc_place, d.issuer, d.doc_type, d.abstract," \
  " d.signature_status, d.added_at, d.text_read"

static ParEvidenceDocument *
document_from_row (sqlite3_stmt *stmt)
{
  ParEvidenceDocument *document = par_evidence_document_new ();
  ParEvidenceFields *f = par_evidence_document_get_fields (document);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->filename = par_sqlite_column_dup (stmt, 1);
  f->sha256 = par_sqlite_column_dup (stmt, 2);
  f->size = sqlite3_column_int64 (stmt, 3);
  f->pages = sqlite3_column_int (stmt, 4);
  f->encrypted = sqlite3_column_int (stmt, 5);
  f->pdf_title = par_sqlite_column_dup (stmt, 6);
  f->pdf_author = par_sqlite_column_dup (stmt, 7);
  f->pdf_producer = par_sqlite_column_dup (stmt, 8);
  f->pdf_created = par_sqlite_column_dup (stmt, 9);
  f->number = par_sqlite_column_dup (stmt, 10);
  f->date = par_sqlite_column_dup (stmt, 11);
  f->place = par_sqlite_column_dup (stmt, 12);
  f->issuer = par_sqlite_column_dup (stmt, 13);
  f->doc_type = par_sqlite_column_dup (stmt, 14);
  f->abstract = par_sqlite_column_dup (stmt, 15);
  f->signature = par_sqlite_column_dup (stmt, 16);
  f->added_at = par_sqlite_column_dup (stmt, 17);
  f->text_read = sqlite3_column_int (stmt, 18) != 0;
  f->trust = g_strdup ("");
  return document;
}

/* Every document, newest issue date first. */
GPtrArray *
par_evidence_list (ParDatabase  *db,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ParTrust) trust = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT " DOCUMENT_COLUMNS " FROM evidence_document d"
                               " JOIN evidence_blob b ON b.id = d.blob_id ORDER BY d.doc_date DESC, d.id",
                               error);
  if (stmt == NULL)
    return NULL;
  trust = par_trust_load (db, error);
  statuses = trust != NULL ? par_evidence_read_document_trust (db, trust, error) : NULL;
  if (statuses == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParEvidenceDocument *document = document_from_row (stmt);
      ParEvidenceFields *f = par_evidence_document_get_fields (document);
      gpointer status = g_hash_table_lookup (statuses, &f->id);

      g_free (f->trust);
      f->trust = g_strdup (status != NULL ? par_certificate_status_to_string (GPOINTER_TO_INT (status) - 1) : "");
      g_ptr_array_add (documents, document);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&documents);
}

/* Binds @document_id to @stmt's one parameter and steps to its row; FALSE
 * with a "no such document" error when there is none. */
static gboolean
step_to_document (ParDatabase  *db,
                  sqlite3_stmt *stmt,
                  gint64        document_id,
                  GError      **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no document with id %lld."), (long long) document_id);
  else
    par_database_set_error (db, error);
  return FALSE;
}

/* What @document_id supports: "set 1 DEP1 1.2.1", "task 4", "inspection
 * 2"; and for people, the unit, the item or task or inspection, and the
 * set, plan or year. */
static gboolean
read_links (ParDatabase          *db,
            ParEvidenceDocument  *document,
            gint64                document_id,
            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = par_database_prepare (db,
                               "SELECT CASE"
                               "  WHEN l.node_id IS NOT NULL THEN 'set ' || a.set_id || ' ' || u.code || ' ' || n.code"
                               "  WHEN l.task_id IS NOT NULL THEN 'task ' || l.task_id"
                               "  WHEN l.recommendation_id IS NOT NULL THEN 'recommendation ' || l.recommendation_id"
                               "  ELSE 'inspection ' || l.inspection_id END,"
                               " CASE WHEN l.node_id IS NOT NULL"
                               "  THEN u.name || ' · ' || n.code || ' ' || n.title || ' (' || s.name || ')'"
                               "  WHEN t.id IS NOT NULL"
                               "  THEN pu.name || ' · ' || ltrim (t.code || ' ' || t.title) || ' (' || p.title || ')'"
                               "  WHEN i.id IS NOT NULL THEN iu.name || ' · ' || i.title || ' (' || i.year || ')'"
                               "  WHEN r.id IS NOT NULL THEN ru.name || ' · ' || r.text || ' (' || ri.year || ')'"
                               "  ELSE '' END"
                               " FROM evidence_link l"
                               " LEFT JOIN assessment a ON a.id = l.assessment_id"
                               " LEFT JOIN criteria_set s ON s.id = a.set_id"
                               " LEFT JOIN org_unit u ON u.id = a.unit_id"
                               " LEFT JOIN criteria_node n ON n.id = l.node_id"
                               " LEFT JOIN task t ON t.id = l.task_id"
                               " LEFT JOIN plan p ON p.id = t.plan_id"
                               " LEFT JOIN org_unit pu ON pu.id = p.unit_id"
                               " LEFT JOIN inspection i ON i.id = l.inspection_id"
                               " LEFT JOIN org_unit iu ON iu.id = i.unit_id"
                               " LEFT JOIN recommendation r ON r.id = l.recommendation_id"
                               " LEFT JOIN inspection ri ON ri.id = r.inspection_id"
                               " LEFT JOIN org_unit ru ON ru.id = ri.unit_id"
                               " WHERE l.document_id = ? ORDER BY l.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (par_evidence_document_get_links (document), par_sqlite_column_dup (stmt, 0));
      g_ptr_array_add (par_evidence_document_get_link_labels (document),
                       par_sqlite_column_dup (stmt, *sqlite3_column_text (stmt, 1) != '\0' ? 1 : 0));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* One document with its signatures and what it supports. */
ParEvidenceDocument *
par_evidence_get (ParDatabase  *db,
                  gint64        document_id,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(ParTrust) trust = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  ParEvidenceFields *f;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT " DOCUMENT_COLUMNS " FROM evidence_document d"
                               " JOIN evidence_blob b ON b.id = d.blob_id WHERE d.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  if (!step_to_document (db, stmt, document_id, error))
    return NULL;
  document = document_from_row (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  trust = par_trust_load (db, error);
  signatures = trust != NULL ? par_evidence_read_signatures (db, document_id, trust, error) : NULL;
  if (signatures == NULL || !read_links (db, document, document_id, error))
    return NULL;
  g_ptr_array_extend_and_steal (par_evidence_document_get_signatures (document), g_steal_pointer (&signatures));
  f = par_evidence_document_get_fields (document);
  g_free (f->trust);
  f->trust = par_evidence_signatures_trust (par_evidence_document_get_signatures (document));
  return g_steal_pointer (&document);
}

/* Corrects the details read from the first page; each change is in the
 * audit log. @date is ISO 8601 or "". */
gboolean
par_evidence_update_details (ParDatabase             *db,
                             gint64                   document_id,
                             const ParEvidenceFields *details,
                             GError                 **error)
{
  static const struct { const char *column; gsize offset; } columns[] = {
    { "doc_number", G_STRUCT_OFFSET (ParEvidenceFields, number) },
    { "doc_date", G_STRUCT_OFFSET (ParEvidenceFields, date) },
    { "doc_place", G_STRUCT_OFFSET (ParEvidenceFields, place) },
    { "issuer", G_STRUCT_OFFSET (ParEvidenceFields, issuer) },
    { "doc_type", G_STRUCT_OFFSET (ParEvidenceFields, doc_type) },
    { "abstract", G_STRUCT_OFFSET (ParEvidenceFields, abstract) },
  };
  g_autoptr(ParEvidenceDocument) current = NULL;
  ParEvidenceFields *old;
  int year, month, day;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (details->date != NULL && *details->date != '\0'
      && (sscanf (details->date, "%4d-%2d-%2d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year)))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is not a date; write it as day/month/year, for example 14/09/2021."), details->date);
      return FALSE;
    }
  current = par_evidence_get (db, document_id, error);
  if (current == NULL)
    return FALSE;
  old = par_evidence_document_get_fields (current);

  if (!par_database_begin (db, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *before = G_STRUCT_MEMBER (const char *, old, columns[i].offset);
      g_autofree char *after = g_strstrip (g_strdup (G_STRUCT_MEMBER (const char *, details, columns[i].offset)
                                                     != NULL ? G_STRUCT_MEMBER (const char *, details, columns[i].offset)
                                                             : ""));
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (g_strcmp0 (before, after) == 0)
        continue;
      sql = g_strdup_printf ("UPDATE evidence_document SET %s = ? WHERE id = ?", columns[i].column);
      stmt = par_database_prepare (db, sql, error);
      if (stmt == NULL)
        goto fail;
      par_sqlite_bind_text (stmt, 1, after);
      sqlite3_bind_int64 (stmt, 2, document_id);
      if (!par_database_step_done (db, stmt, error)
          || !par_database_audit (db, "evidence_document", document_id, columns[i].column, before, after, error))
        goto fail;
    }
  if (!par_database_commit (db, error))
    goto fail;
  par_database_emit_changed (db, PAR_CHANGE_DOCUMENTS);
  return TRUE;

fail:
  par_database_rollback (db);
  return FALSE;
}

/* Whether the document is password-protected, without reading the rest of
 * its record; FALSE with @error if there is no such document. */
gboolean
par_evidence_is_encrypted (ParDatabase *db,
                           gint64       document_id,
                           gboolean    *encrypted,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  stmt = par_database_prepare (db, "SELECT encrypted FROM evidence_document WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (!step_to_document (db, stmt, document_id, error))
    return FALSE;
  *encrypted = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The stored preview of page 1 (PNG, 72 dpi), or NULL if the document has
 * none (small documents open fast enough without). */
GBytes *
par_evidence_read_preview (ParDatabase *db,
                           gint64       document_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT preview_png FROM evidence_document WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) != SQLITE_BLOB)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}
