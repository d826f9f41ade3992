/* par-cli-trust.c: trust add, list, remove and add-crl: the issuers the file trusts and the revocation lists it keeps
 *
 * Lines are FINGERPRINT, SUBJECT and NOT_AFTER separated by tabs (docs/cli.md).
 * What these commands change shows at once in every signature's
 * "certificate" line: trust is judged when a signature is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

/* Certificates and revocation lists are a few kilobytes; a bundle of a
 * whole hierarchy a few hundred. */
#define MAX_FILE_BYTES (4 * 1024 * 1024)

static GBytes *
read_small_file (const char  *path,
                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, error);
  char *contents = NULL;
  gsize length = 0;

  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      g_set_error (error, PAR_TRUST_ERROR, PAR_TRUST_ERROR_TOO_LARGE,
                   _("“%s” is larger than any certificate or revocation list (over %s)."), path, "4 MB");
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static void
print_certificate (const ParCertificateInfo *info)
{
  g_autofree char *subject = par_cli_field (info->subject);
  g_autofree char *not_after = par_format_utc_date (info->not_after);

  printf ("%s\t%s\t%s\n", info->fingerprint, subject, not_after);
}

static void
print_certificates (GPtrArray *infos)
{
  for (guint i = 0; i < infos->len; i++)
    print_certificate (g_ptr_array_index (infos, i));
}

/* trust add ------------------------------------------------------------- */

static int
trust_add_run (ParCliContext *ctx,
               ParDatabase   *db,
               gpointer       data,
               char         **args)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;

  contents = read_small_file (args[0], &error);
  if (contents == NULL || (added = par_trust_add_certificates (db, contents, &error)) == NULL)
    return par_cli_fail (ctx, error);
  print_certificates (added);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_trust_add_command = {
  .name = "trust add",
  .summary = N_("Trust the issuers whose certificates a file holds"),
  .description = N_("Add the CA certificates of FILE (PEM, DER or a PKCS #7 bundle) to the file’s trust list: "
                    "signatures whose certificates chain to one of them are trusted. Prints FINGERPRINT, "
                    "SUBJECT and NOT_AFTER of each. A file holding a certificate that is not a CA’s is refused "
                    "whole. Compare the fingerprints with those the authority publishes."),
  .parameters = N_("FILE"),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the file of certificates."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = trust_add_run,
};

/* trust list ------------------------------------------------------------ */

static int
trust_list_run (ParCliContext *ctx,
                ParDatabase   *db,
                gpointer       data,
                char         **args)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  infos = par_trust_list_certificates (db, &error);
  if (infos == NULL)
    return par_cli_fail (ctx, error);
  print_certificates (infos);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_trust_list_command = {
  .name = "trust list",
  .summary = N_("List the issuers the file trusts"),
  .description = N_("List the file’s trust list by subject: FINGERPRINT (SHA-256), SUBJECT and NOT_AFTER, "
                    "separated by tabs. The system’s CA certificates are trusted too and are not listed."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = trust_list_run,
};

/* trust remove ---------------------------------------------------------- */

static int
trust_remove_run (ParCliContext *ctx,
                  ParDatabase   *db,
                  gpointer       data,
                  char         **args)
{
  g_autoptr(ParCertificateInfo) removed = NULL;
  g_autoptr(GError) error = NULL;

  removed = par_trust_remove (db, args[0], &error);
  if (removed == NULL)
    return par_cli_fail (ctx, error);
  print_certificate (removed);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_trust_remove_command = {
  .name = "trust remove",
  .summary = N_("Stop trusting an issuer"),
  .description = N_("Remove the issuer whose SHA-256 fingerprint begins with FINGERPRINT (at least 8 "
                    "hexadecimal digits; colons and case do not matter) from the trust list, and print it."),
  .parameters = N_("FINGERPRINT"),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the fingerprint of the issuer to remove."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = trust_remove_run,
};

/* trust add-crl --------------------------------------------------------- */

static int
trust_add_crl_run (ParCliContext *ctx,
                   ParDatabase   *db,
                   gpointer       data,
                   char         **args)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(ParRevocationList) list = NULL;
  g_autoptr(GError) error = NULL;

  contents = read_small_file (args[0], &error);
  if (contents == NULL || (list = par_trust_add_crl (db, contents, &error)) == NULL)
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_trust_add_crl_command = {
  .name = "trust add-crl",
  .summary = N_("Keep a certificate revocation list"),
  .description = N_("Keep the certificate revocation list of FILE (PEM or DER) in the file. A signer whose "
                    "certificate it lists as revoked before the signing time reads as revoked. Nothing is "
                    "ever downloaded."),
  .parameters = N_("FILE"),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give the revocation list file."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = trust_add_crl_run,
};
