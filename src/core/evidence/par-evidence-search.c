/* par-evidence-search.c: the pages of kept documents whose text holds a phrase
 *
 * The text of every page is indexed folded (par-evidence-add.c), so a
 * phrase is folded the same way to be looked up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-database-private.h"
#include "par-evidence.h"
#include "par-text-fold.h"

void
par_search_hit_free (ParSearchHit *hit)
{
  g_free (hit->snippet);
  g_free (hit);
}

/* The folded words of @text as an FTS5 phrase: "phoi hop". */
static char *
phrase_query (const char *text)
{
  g_autofree char *folded = par_text_fold (text);
  GString *query = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word && query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_unichar (query, c);
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  g_string_prepend_c (query, '"');
  g_string_append_c (query, '"');
  return g_string_free (query, FALSE);
}

/* Pages whose text holds @query, best first; case and Vietnamese
 * diacritics do not matter ("quyet dinh" finds "Quyết định"). */
GPtrArray *
par_evidence_search (ParDatabase  *db,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) par_search_hit_free);
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  match = phrase_query (query);
  if (match == NULL)
    return g_steal_pointer (&hits);
  stmt = par_database_prepare (db,
                               "SELECT f.document_id, f.page, p.text FROM evidence_fts f"
                               " JOIN evidence_page p ON p.document_id = f.document_id AND p.page = f.page"
                               " WHERE evidence_fts MATCH ? ORDER BY rank LIMIT ?",
                               error);
  if (stmt == NULL)
    return NULL;
  par_sqlite_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : 100);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParSearchHit *hit = g_new0 (ParSearchHit, 1);

      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->page = sqlite3_column_int (stmt, 1);
      hit->snippet = par_text_snippet ((const char *) sqlite3_column_text (stmt, 2), query, 40);
      if (hit->snippet == NULL)
        hit->snippet = g_strdup ("");
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
