/* par-cli-evidence.c: the evidence commands: add, link, unlink, list, show, export, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

int
par_cli_evidence_add (ParCliContext  *ctx,
                      int             argc,
                      char          **argv)
{
  gint64 set_id = 0;
  g_autofree char *unit_code = NULL;
  g_autofree char *node_code = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reused = FALSE;
  int code = PAR_CLI_OK;
  gint64 id;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_INT64, &set_id, N_("link it to an item of this criteria set"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("the unit whose item it supports"), N_("CODE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &node_code, N_("the item’s code, such as 1.2.1"), N_("CODE") },
    { NULL }
  };

  options = g_option_context_new (_("FILE"));
  g_option_context_set_summary (options, _("Keep a PDF in the file and print its document id; with --set, --unit "
                                           "and --code, link it to that item as evidence. Bytes already kept "
                                           "are not kept again: the existing document’s id is printed."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return par_cli_usage (ctx, options, _("Give one PDF file."));
  if ((set_id != 0 || unit_code != NULL || node_code != NULL) && (set_id == 0 || unit_code == NULL || node_code == NULL))
    return par_cli_usage (ctx, options, _("To link the document, give all of --set, --unit and --code."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  id = par_evidence_add_file (db, argv[1], 0, &reused, NULL, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  if (reused)
    fprintf (stderr, _("These bytes are already kept as document %lld; no second copy was stored.\n"), (long long) id);

  /* The id is printed even if linking fails: the document is kept. */
  printf ("%lld\n", (long long) id);
  if (set_id != 0)
    {
      g_autoptr(ParAssessment) assessment = par_cli_open_assessment (ctx, db, set_id, unit_code, &code);
      ParCriteriaNode *node = assessment != NULL ? par_cli_find_item (ctx, assessment, node_code, &code) : NULL;

      if (node != NULL && !par_assessment_link_document (assessment, node, id, &error))
        code = par_cli_fail (ctx, error);
    }
  return code;
}

int
par_cli_evidence_list (ParCliContext  *ctx,
                       int             argc,
                       char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("List the kept documents: ID, SHA256, PAGES, NUMBER, DATE, SIGNATURE "
                                           "and FILENAME, separated by tabs."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code)
      || (code = par_cli_expect_no_arguments (ctx, options, argc)) != PAR_CLI_OK)
    return code;

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  documents = par_evidence_list (db, &error);
  if (documents == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < documents->len; i++)
    {
      ParEvidenceFields *f = par_evidence_document_get_fields (g_ptr_array_index (documents, i));
      g_autofree char *number = par_cli_field (f->number);
      g_autofree char *filename = par_cli_field (f->filename);

      printf ("%lld\t%s\t%d\t%s\t%s\t%s\t%s\n", (long long) f->id, f->sha256, f->pages, number, f->date,
              f->signature, filename);
    }
  return PAR_CLI_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* What the target options name, in words for messages: "item 1.1 of unit SNV in set 3", "task 4". */
static char *
describe_target (gint64      set_id,
                 const char *unit_code,
                 const char *node_code,
                 gint64      task_id,
                 gint64      inspection_id)
{
  if (task_id != -1)
    return g_strdup_printf (_("task %lld"), (long long) task_id);
  if (inspection_id != -1)
    return g_strdup_printf (_("inspection %lld"), (long long) inspection_id);
  /* Translators: the item's code, the unit's code and the criteria set's id */
  return g_strdup_printf (_("item %s of unit %s in set %lld"), node_code, unit_code, (long long) set_id);
}

/* evidence link and evidence unlink: the same options, the same checks, and
 * nothing written unless every check passed. */
static int
link_or_unlink (ParCliContext  *ctx,
                int             argc,
                char          **argv,
                gboolean        link)
{
  /* -1: not given (0 is an id that is looked up, and refused, like any other). */
  gint64 set_id = -1, task_id = -1, inspection_id = -1;
  g_autofree char *unit_code = NULL;
  g_autofree char *node_code = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node = NULL;
  gboolean item;
  int code = PAR_CLI_OK;
  int n_targets;
  gint64 id;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_INT64, &set_id, N_("an item of this criteria set"), N_("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_code, N_("the unit whose item it supports"), N_("CODE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &node_code, N_("the item’s code, such as 1.2.1"), N_("CODE") },
    { "task", 0, 0, G_OPTION_ARG_INT64, &task_id, N_("a task of a reform plan"), N_("ID") },
    { "inspection", 0, 0, G_OPTION_ARG_INT64, &inspection_id, N_("an inspection"), N_("ID") },
    { NULL }
  };

  options = g_option_context_new (_("ID"));
  if (link)
    g_option_context_set_summary (options, _("Link a kept document to what it is evidence of: an item of a unit’s "
                                             "PAR Index (--set, --unit and --code), a plan task (--task) or an "
                                             "inspection (--inspection). Linking it again changes nothing. "
                                             "“evidence show ID” lists the links."));
  else
    g_option_context_set_summary (options, _("Remove one link of a kept document, named with the options of "
                                             "“evidence link”: --set, --unit and --code, or --task, or "
                                             "--inspection. The document stays kept."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return par_cli_usage (ctx, options, _("Give one document id."));
  item = set_id != -1 || unit_code != NULL || node_code != NULL;
  n_targets = (item ? 1 : 0) + (task_id != -1 ? 1 : 0) + (inspection_id != -1 ? 1 : 0);
  if (n_targets == 0)
    return par_cli_usage (ctx, options, _("Name an item (--set, --unit and --code), a task (--task) or an "
                                          "inspection (--inspection)."));
  if (n_targets > 1)
    return par_cli_usage (ctx, options, _("Name only one of: an item (--set, --unit and --code), a task "
                                          "(--task) or an inspection (--inspection)."));
  if (item && (set_id == -1 || unit_code == NULL || node_code == NULL))
    return par_cli_usage (ctx, options, _("To name an item, give all of --set, --unit and --code."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  document = par_evidence_get (db, id, &error);
  if (document == NULL)
    return par_cli_fail (ctx, error);

  if (item)
    {
      assessment = par_cli_open_assessment (ctx, db, set_id, unit_code, &code);
      if (assessment == NULL)
        return code;
      node = par_cli_find_item (ctx, assessment, node_code, &code);
      if (node == NULL)
        return code;
      /* 0 until the unit's first score or link: then nothing can be unlinked. */
      target = par_link_target_new_item (par_assessment_get_id (assessment), par_criteria_node_get_id (node));
    }
  else
    {
      target = task_id != -1 ? par_link_target_new_task (task_id) : par_link_target_new_inspection (inspection_id);
      if (!par_link_target_exists (db, target, &error))
        return par_cli_fail (ctx, error);
    }

  if (!link)
    {
      g_autoptr(GPtrArray) linked = par_link_target_list_linked (db, id, &error);
      gboolean found = FALSE;

      if (linked == NULL)
        return par_cli_fail (ctx, error);
      for (guint i = 0; i < linked->len && !found; i++)
        found = par_link_target_equal (g_ptr_array_index (linked, i), target);
      /* The core takes a missing link as already undone; a script that names
       * the wrong one should hear of it. */
      if (!found)
        {
          g_autofree char *what = describe_target (set_id, unit_code, node_code, task_id, inspection_id);

          g_set_error (&error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                       _("Document %lld is not linked to %s."), (long long) id, what);
          return par_cli_fail (ctx, error);
        }
      if (!par_evidence_unlink (db, id, target, &error))
        return par_cli_fail (ctx, error);
      return PAR_CLI_OK;
    }

  /* An item of a unit not yet assessed has no assessment row for a target
   * to name: the assessment makes it, as "evidence add" does. */
  if (item ? !par_assessment_link_document (assessment, node, id, &error)
           : !par_evidence_link (db, id, target, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

int
par_cli_evidence_link (ParCliContext  *ctx,
                       int             argc,
                       char          **argv)
{
  return link_or_unlink (ctx, argc, argv, TRUE);
}

int
par_cli_evidence_unlink (ParCliContext  *ctx,
                         int             argc,
                         char          **argv)
{
  return link_or_unlink (ctx, argc, argv, FALSE);
}

int
par_cli_evidence_show (ParCliContext  *ctx,
                       int             argc,
                       char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ParEvidenceFields *f;
  GPtrArray *signatures, *links;
  int code = PAR_CLI_OK;
  gint64 id;

  options = g_option_context_new (_("ID"));
  g_option_context_set_summary (options, _("Show a kept document’s details as “key: value” lines: the file, its "
                                           "details read from the first page, its signatures and what it is "
                                           "linked to."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return par_cli_usage (ctx, options, _("Give one document id."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  document = par_evidence_get (db, id, &error);
  if (document == NULL)
    return par_cli_fail (ctx, error);
  f = par_evidence_document_get_fields (document);
  {
    const struct { const char *key; const char *value; } lines[] = {
      { "filename", f->filename }, { "sha256", f->sha256 },
      { "encrypted", f->encrypted ? "yes" : "no" }, { "number", f->number }, { "date", f->date },
      { "place", f->place }, { "issuer", f->issuer }, { "type", f->doc_type }, { "abstract", f->abstract },
      { "title", f->pdf_title }, { "author", f->pdf_author }, { "producer", f->pdf_producer },
      { "created", f->pdf_created }, { "added", f->added_at }, { "signature", f->signature },
      /* "not-read": the text took longer to read than allowed, and is not searched */
      { "text", f->text_read ? "read" : "not-read" },
    };

    printf ("id: %lld\n", (long long) f->id);
    printf ("size: %lld\n", (long long) f->size);
    printf ("pages: %d\n", f->pages);
    for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
      {
        g_autofree char *value = par_cli_field (lines[i].value);

        printf ("%s: %s\n", lines[i].key, value);
      }
  }
  signatures = par_evidence_document_get_signatures (document);
  for (guint i = 0; i < signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (signatures, i);
      g_autofree char *signer = par_cli_field (signature->signer);

      printf ("signer: %s\n", signer);
      printf ("signing-time: %s\n", signature->signing_time);
      printf ("signature-status: %s\n", par_signature_verdict_to_string (signature->status));
      printf ("certificate: %s\n", par_certificate_status_to_string (signature->certificate));
    }
  links = par_evidence_document_get_links (document);
  for (guint i = 0; i < links->len; i++)
    printf ("link: %s\n", (char *) g_ptr_array_index (links, i));
  return PAR_CLI_OK;
}

int
par_cli_evidence_export (ParCliContext  *ctx,
                         int             argc,
                         char          **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int code = PAR_CLI_OK;
  gint64 id;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the file to write"), N_("FILE") },
    { NULL }
  };

  options = g_option_context_new (_("ID"));
  g_option_context_set_summary (options, _("Write a kept document back to a file, byte for byte."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id) || output == NULL)
    return par_cli_usage (ctx, options, _("Give one document id and -o FILE."));

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  if (!par_evidence_export (db, id, output, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

int
par_cli_evidence_search (ParCliContext  *ctx,
                         int             argc,
                         char          **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  int code = PAR_CLI_OK;

  options = g_option_context_new (_("TEXT"));
  g_option_context_set_summary (options, _("Find the pages that hold TEXT: ID, PAGE and a SNIPPET, separated by tabs, "
                                           "best first. Case and Vietnamese diacritics do not matter."));
  if (!par_cli_parse (ctx, options, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return par_cli_usage (ctx, options, _("Give the text to find."));
  query = g_strjoinv (" ", argv + 1);

  db = par_cli_open (ctx, FALSE, &code);
  if (db == NULL)
    return code;
  hits = par_evidence_search (db, query, 100, &error);
  if (hits == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < hits->len; i++)
    {
      ParSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = par_cli_field (hit->snippet);

      printf ("%lld\t%d\t%s\n", (long long) hit->document_id, hit->page, snippet);
    }
  return PAR_CLI_OK;
}
