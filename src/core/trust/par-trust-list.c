/* par-trust-list.c: the issuers a file trusts, and the revocation lists it keeps
 *
 * Kept in the file (migration 0009) so that the list travels with the
 * evidence it vouches for. Every change is in the audit log and tells the
 * views (PAR_CHANGE_TRUST): the signatures' trust is judged when read, so
 * every badge follows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <openssl/evp.h>

#include "par-database-private.h"
#include "par-trust-list.h"
#include "par-trust-private.h"

G_DEFINE_QUARK (par-trust-error-quark, par_trust_error)

void
par_revocation_list_free (ParRevocationList *list)
{
  if (list == NULL)
    return;
  g_free (list->sha256);
  g_free (list->issuer);
  g_clear_pointer (&list->this_update, g_date_time_unref);
  g_clear_pointer (&list->next_update, g_date_time_unref);
  g_free (list);
}

static char *
iso_or_empty (GDateTime *when)
{
  return when != NULL ? g_date_time_format_iso8601 (when) : g_strdup ("");
}

/* Certificates ------------------------------------------------------------ */

/* Refuses @infos unless every one is a CA's: a signer's own certificate
 * cannot vouch for anyone. */
static gboolean
check_all_ca (GPtrArray  *infos,
              GError    **error)
{
  for (guint i = 0; i < infos->len; i++)
    {
      ParCertificateInfo *info = g_ptr_array_index (infos, i);

      if (!info->is_ca)
        {
          g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NOT_CA,
                       _("“%s” is not the certificate of an issuer (a certificate authority): it cannot vouch "
                         "for other certificates, so it cannot be trusted as one. Nothing was added."),
                       info->subject);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_certificate (ParDatabase        *db,
                    ParCertificateInfo *info,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *not_before = iso_or_empty (info->not_before);
  g_autofree char *not_after = iso_or_empty (info->not_after);

  stmt = par_database_prepare (db,
                               "INSERT INTO trust_certificate (fingerprint, der, subject, issuer, not_before, not_after)"
                               " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  par_sqlite_bind_text (stmt, 1, info->fingerprint);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (info->der, NULL), (int) g_bytes_get_size (info->der), SQLITE_STATIC);
  par_sqlite_bind_text (stmt, 3, info->subject);
  par_sqlite_bind_text (stmt, 4, info->issuer);
  par_sqlite_bind_text (stmt, 5, not_before);
  par_sqlite_bind_text (stmt, 6, not_after);
  if (!par_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (par_database_get_handle (db)) == 0)
    return TRUE;
  return par_database_audit (db, "trust_certificate", sqlite3_last_insert_rowid (par_database_get_handle (db)),
                             "added", NULL, info->subject, error);
}

/* Adds every certificate of @contents (PEM, DER or a PKCS #7 bundle) to
 * the trust list, or none: a file with no certificate, or with one that is
 * not a CA's, is refused. Certificates already there are left as they
 * are. Returns the certificates of the file, in its order. */
GPtrArray *
par_trust_add_certificates (ParDatabase  *db,
                            GBytes       *contents,
                            GError      **error)
{
  g_autoptr(GPtrArray) infos = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  infos = par_trust_read_certificates (contents, error);
  if (infos == NULL || !check_all_ca (infos, error))
    return NULL;
  if (!par_database_begin (db, error))
    return NULL;
  for (guint i = 0; i < infos->len; i++)
    {
      ParCertificateInfo *info = g_ptr_array_index (infos, i);

      info->anchor = PAR_TRUST_ANCHOR_FILE;
      if (!insert_certificate (db, info, error))
        {
          par_database_rollback (db);
          return NULL;
        }
    }
  if (!par_database_commit (db, error))
    {
      par_database_rollback (db);
      return NULL;
    }
  par_database_emit_changed (db, PAR_CHANGE_TRUST);
  return g_steal_pointer (&infos);
}

/* The trust list, by subject. What is shown is read again from each DER,
 * not from the columns beside it. */
GPtrArray *
par_trust_list_certificates (ParDatabase  *db,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) par_certificate_info_free);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT der FROM trust_certificate ORDER BY subject, fingerprint", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) der = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      ParCertificateInfo *info = par_certificate_info_new_from_der (der, NULL);

      /* A row that is not a certificate (a damaged or hand-made file)
       * vouches for nothing; it is left out. */
      if (info == NULL)
        continue;
      info->anchor = PAR_TRUST_ANCHOR_FILE;
      g_ptr_array_add (infos, info);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&infos);
}

/* @text as lower-case hex without colons or spaces; NULL if it holds
 * anything else. */
static char *
normalise_fingerprint (const char *text)
{
  GString *hex = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (hex, g_ascii_tolower (*p));
      else if (*p != ':' && *p != ' ')
        {
          g_string_free (hex, TRUE);
          return NULL;
        }
    }
  return g_string_free (hex, FALSE);
}

/* Removes the trusted issuer whose fingerprint begins with @fingerprint
 * (at least 8 hex digits; colons and case ignored). Returns it, for an
 * undo; NULL with an error if none or several match. */
ParCertificateInfo *
par_trust_remove (ParDatabase  *db,
                  const char   *fingerprint,
                  GError      **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(ParCertificateInfo) match = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);

  prefix = normalise_fingerprint (fingerprint);
  if (prefix == NULL || strlen (prefix) < 8 || strlen (prefix) > 64)
    {
      g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_MATCH,
                   _("“%s” is not a fingerprint: give at least its first 8 hexadecimal digits."), fingerprint);
      return NULL;
    }
  infos = par_trust_list_certificates (db, error);
  if (infos == NULL)
    return NULL;
  for (guint i = 0; i < infos->len; i++)
    {
      ParCertificateInfo *info = g_ptr_array_index (infos, i);

      if (!g_str_has_prefix (info->fingerprint, prefix))
        continue;
      if (match != NULL)
        {
          g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_AMBIGUOUS,
                       _("Several trusted issuers have a fingerprint beginning with “%s”: give more of it."),
                       fingerprint);
          return NULL;
        }
      match = par_certificate_info_copy (info);
    }
  if (match == NULL)
    {
      g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_NO_MATCH,
                   _("No trusted issuer has a fingerprint beginning with “%s”."), fingerprint);
      return NULL;
    }
  if (!par_database_begin (db, error))
    return NULL;
  stmt = par_database_prepare (db, "DELETE FROM trust_certificate WHERE fingerprint = ?", error);
  if (stmt != NULL)
    par_sqlite_bind_text (stmt, 1, match->fingerprint);
  if (stmt == NULL || !par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "trust_certificate", 0, "removed", match->subject, NULL, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return NULL;
    }
  par_database_emit_changed (db, PAR_CHANGE_TRUST);
  return g_steal_pointer (&match);
}

/* Puts back an issuer par_trust_remove() took away. */
gboolean
par_trust_restore (ParDatabase              *db,
                   const ParCertificateInfo *info,
                   GError                  **error)
{
  g_autoptr(GPtrArray) added = NULL;

  g_return_val_if_fail (info != NULL, FALSE);

  added = par_trust_add_certificates (db, info->der, error);
  return added != NULL;
}

/* Revocation lists -------------------------------------------------------- */

static ParRevocationList *
revocation_list_new (X509_CRL *crl)
{
  ParRevocationList *list = g_new0 (ParRevocationList, 1);
  STACK_OF (X509_REVOKED) *revoked = X509_CRL_get_REVOKED (crl);

  list->issuer = par_x509_name_text (X509_CRL_get_issuer (crl));
  list->this_update = par_asn1_time_to_date_time (X509_CRL_get0_lastUpdate (crl));
  list->next_update = par_asn1_time_to_date_time (X509_CRL_get0_nextUpdate (crl));
  list->revoked = revoked != NULL ? (guint) sk_X509_REVOKED_num (revoked) : 0;
  return list;
}

static char *
crl_der_and_digest (X509_CRL *crl,
                    GBytes  **der)
{
  unsigned char *data = NULL;
  int length = i2d_X509_CRL (crl, &data);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  *der = g_bytes_new (data, MAX (length, 0));
  OPENSSL_free (data);
  g_checksum_update (checksum, g_bytes_get_data (*der, NULL), g_bytes_get_size (*der));
  return g_strdup (g_checksum_get_string (checksum));
}

/* Keeps the revocation list in @contents (PEM or DER). The same list
 * again changes nothing. */
ParRevocationList *
par_trust_add_crl (ParDatabase  *db,
                   GBytes       *contents,
                   GError      **error)
{
  g_autoptr(X509_CRL) crl = NULL;
  g_autoptr(ParRevocationList) list = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *this_update = NULL, *next_update = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  crl = par_trust_read_crl (contents, error);
  if (crl == NULL)
    return NULL;
  list = revocation_list_new (crl);
  list->sha256 = crl_der_and_digest (crl, &der);
  this_update = iso_or_empty (list->this_update);
  next_update = iso_or_empty (list->next_update);

  if (!par_database_begin (db, error))
    return NULL;
  stmt = par_database_prepare (db,
                               "INSERT INTO trust_crl (sha256, der, issuer, this_update, next_update, revoked)"
                               " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                               error);
  if (stmt != NULL)
    {
      par_sqlite_bind_text (stmt, 1, list->sha256);
      sqlite3_bind_blob (stmt, 2, g_bytes_get_data (der, NULL), (int) g_bytes_get_size (der), SQLITE_STATIC);
      par_sqlite_bind_text (stmt, 3, list->issuer);
      par_sqlite_bind_text (stmt, 4, this_update);
      par_sqlite_bind_text (stmt, 5, next_update);
      sqlite3_bind_int64 (stmt, 6, list->revoked);
    }
  if (stmt == NULL || !par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "trust_crl", 0, "added", NULL, list->issuer, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return NULL;
    }
  par_database_emit_changed (db, PAR_CHANGE_TRUST);
  return g_steal_pointer (&list);
}

/* The kept revocation lists, by issuer and date. */
GPtrArray *
par_trust_list_crls (ParDatabase  *db,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) par_revocation_list_free);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT id, sha256, der FROM trust_crl ORDER BY issuer, this_update, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) der = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      g_autoptr(X509_CRL) crl = par_trust_read_crl (der, NULL);
      ParRevocationList *list;

      if (crl == NULL)
        continue;
      list = revocation_list_new (crl);
      list->id = sqlite3_column_int64 (stmt, 0);
      list->sha256 = par_sqlite_column_dup (stmt, 1);
      g_ptr_array_add (lists, list);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&lists);
}

gboolean
par_trust_remove_crl (ParDatabase  *db,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  if (!par_database_begin (db, error))
    return FALSE;
  stmt = par_database_prepare (db, "DELETE FROM trust_crl WHERE id = ?", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  if (stmt == NULL || !par_database_step_done (db, stmt, error)
      || !par_database_audit (db, "trust_crl", id, "removed", NULL, NULL, error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_TRUST);
  return TRUE;
}
