/* par-cli-evidence.c: the evidence commands: add, link, unlink, list, show, export, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "par-cli.h"

typedef struct
{
  gint64 set_id;
  char  *unit_code;
  char  *node_code;
} EvidenceAddOptions;

static const GOptionEntry evidence_add_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (EvidenceAddOptions, set_id),
    N_("link it to an item of this criteria set"), N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (EvidenceAddOptions, unit_code),
    N_("the unit whose item it supports"), N_("CODE") },
  { "code", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (EvidenceAddOptions, node_code),
    N_("the item’s code, such as 1.2.1"), N_("CODE") },
  { NULL }
};

static int
evidence_add_check (ParCliContext  *ctx,
                    gpointer        data,
                    char          **args)
{
  EvidenceAddOptions *options = data;

  if ((options->set_id != 0 || options->unit_code != NULL || options->node_code != NULL)
      && (options->set_id == 0 || options->unit_code == NULL || options->node_code == NULL))
    return par_cli_usage (ctx, _("To link the document, give all of --set, --unit and --code."));
  return PAR_CLI_OK;
}

static int
evidence_add_run (ParCliContext  *ctx,
                  ParDatabase    *db,
                  gpointer        data,
                  char          **args)
{
  EvidenceAddOptions *options = data;
  g_autoptr(GError) error = NULL;
  gboolean reused = FALSE;
  int code = PAR_CLI_OK;
  gint64 id;

  id = par_evidence_add_file (db, args[0], 0, &reused, NULL, &error);
  if (id == 0)
    return par_cli_fail (ctx, error);
  if (reused)
    fprintf (stderr, _("These bytes are already kept as document %lld; no second copy was stored.\n"), (long long) id);

  /* The id is printed even if linking fails: the document is kept. */
  printf ("%lld\n", (long long) id);
  if (options->set_id != 0)
    {
      g_autoptr(ParAssessment) assessment = par_cli_open_assessment (ctx, db, options->set_id, options->unit_code,
                                                                     &code);
      ParCriteriaNode *node = assessment != NULL ? par_cli_find_item (ctx, assessment, options->node_code, &code)
                                                 : NULL;

      if (node != NULL && !par_assessment_link_document (assessment, node, id, &error))
        code = par_cli_fail (ctx, error);
    }
  return code;
}

const ParCliCommand par_cli_evidence_add_command = {
  .name = "evidence add",
  .summary = N_("Keep a PDF in the file, optionally as evidence of an item"),
  .parameters = N_("FILE"),
  .description = N_("Keep a PDF in the file and print its document id; with --set, --unit and --code, link it "
                    "to that item as evidence. Bytes already kept are not kept again: the existing document’s "
                    "id is printed."),
  .entries = evidence_add_entries,
  .options_size = sizeof (EvidenceAddOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one PDF file."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = evidence_add_check,
  .run = evidence_add_run,
};

static int
evidence_list_run (ParCliContext  *ctx,
                   ParDatabase    *db,
                   gpointer        data,
                   char          **args)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

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

const ParCliCommand par_cli_evidence_list_command = {
  .name = "evidence list",
  .summary = N_("List the kept documents"),
  .description = N_("List the kept documents: ID, SHA256, PAGES, NUMBER, DATE, SIGNATURE and FILENAME, "
                    "separated by tabs."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = evidence_list_run,
};

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
                 gint64      inspection_id,
                 gint64      recommendation_id)
{
  if (recommendation_id != -1)
    return g_strdup_printf (_("recommendation %lld"), (long long) recommendation_id);
  if (task_id != -1)
    return g_strdup_printf (_("task %lld"), (long long) task_id);
  if (inspection_id != -1)
    return g_strdup_printf (_("inspection %lld"), (long long) inspection_id);
  /* Translators: the item's code, the unit's code and the criteria set's id */
  return g_strdup_printf (_("item %s of unit %s in set %lld"), node_code, unit_code, (long long) set_id);
}

/* evidence link and evidence unlink: the same options, the same checks, and
 * nothing written unless every check passed. */
typedef struct
{
  /* -1: not given (0 is an id that is looked up, and refused, like any other). */
  gint64   set_id;
  char    *unit_code;
  char    *node_code;
  gint64   task_id;
  gint64   inspection_id;
  gint64   recommendation_id;
  gint64   id;     /* the document, from the argument */
  gboolean item;   /* the target is an item: --set, --unit and --code */
} LinkOptions;

static const GOptionEntry link_entries[] = {
  { "set", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (LinkOptions, set_id), N_("an item of this criteria set"),
    N_("ID") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (LinkOptions, unit_code),
    N_("the unit whose item it supports"), N_("CODE") },
  { "code", 0, 0, G_OPTION_ARG_STRING, PAR_CLI_OPTION (LinkOptions, node_code),
    N_("the item’s code, such as 1.2.1"), N_("CODE") },
  { "task", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (LinkOptions, task_id), N_("a task of a reform plan"),
    N_("ID") },
  { "inspection", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (LinkOptions, inspection_id), N_("an inspection"),
    N_("ID") },
  { "recommendation", 0, 0, G_OPTION_ARG_INT64, PAR_CLI_OPTION (LinkOptions, recommendation_id),
    N_("a recommendation of an inspection"), N_("ID") },
  { NULL }
};

static const LinkOptions link_defaults = { .set_id = -1, .task_id = -1, .inspection_id = -1,
                                           .recommendation_id = -1 };

static int
link_check (ParCliContext  *ctx,
            gpointer        data,
            char          **args)
{
  LinkOptions *options = data;
  int n_targets;

  if (!parse_id (args[0], &options->id))
    return par_cli_usage (ctx, _("Give one document id."));
  options->item = options->set_id != -1 || options->unit_code != NULL || options->node_code != NULL;
  n_targets = (options->item ? 1 : 0) + (options->task_id != -1 ? 1 : 0) + (options->inspection_id != -1 ? 1 : 0)
              + (options->recommendation_id != -1 ? 1 : 0);
  if (n_targets == 0)
    return par_cli_usage (ctx, _("Name an item (--set, --unit and --code), a task (--task), an "
                                 "inspection (--inspection) or a recommendation (--recommendation)."));
  if (n_targets > 1)
    return par_cli_usage (ctx, _("Name only one of: an item (--set, --unit and --code), a task "
                                 "(--task), an inspection (--inspection) or a recommendation "
                                 "(--recommendation)."));
  if (options->item && (options->set_id == -1 || options->unit_code == NULL || options->node_code == NULL))
    return par_cli_usage (ctx, _("To name an item, give all of --set, --unit and --code."));
  return PAR_CLI_OK;
}

/* What the options name, after checking that the file holds the document
 * and the target; for an item, also its @assessment and @node. NULL, the
 * reason told, if the file lacks one of them. */
static ParLinkTarget *
find_link_target (ParCliContext     *ctx,
                  ParDatabase       *db,
                  LinkOptions       *options,
                  ParAssessment    **assessment,
                  ParCriteriaNode  **node,
                  int               *exit_code)
{
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  document = par_evidence_get (db, options->id, &error);
  if (document == NULL)
    {
      *exit_code = par_cli_fail (ctx, error);
      return NULL;
    }
  if (options->item)
    {
      *assessment = par_cli_open_assessment (ctx, db, options->set_id, options->unit_code, exit_code);
      if (*assessment == NULL)
        return NULL;
      *node = par_cli_find_item (ctx, *assessment, options->node_code, exit_code);
      if (*node == NULL)
        return NULL;
      /* 0 until the unit's first score or link: then nothing can be unlinked. */
      return par_link_target_new_item (par_assessment_get_id (*assessment), par_criteria_node_get_id (*node));
    }

  if (options->task_id != -1)
    target = par_link_target_new_task (options->task_id);
  else if (options->recommendation_id != -1)
    target = par_link_target_new_recommendation (options->recommendation_id);
  else
    target = par_link_target_new_inspection (options->inspection_id);
  if (!par_link_target_exists (db, target, &error))
    {
      *exit_code = par_cli_fail (ctx, error);
      return NULL;
    }
  return g_steal_pointer (&target);
}

static int
link_run (ParCliContext  *ctx,
          ParDatabase    *db,
          gpointer        data,
          char          **args)
{
  LinkOptions *options = data;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node = NULL;
  int code = PAR_CLI_OK;

  target = find_link_target (ctx, db, options, &assessment, &node, &code);
  if (target == NULL)
    return code;
  /* An item of a unit not yet assessed has no assessment row for a target
   * to name: the assessment makes it, as "evidence add" does. */
  if (options->item ? !par_assessment_link_document (assessment, node, options->id, &error)
                    : !par_evidence_link (db, options->id, target, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

static int
unlink_run (ParCliContext  *ctx,
            ParDatabase    *db,
            gpointer        data,
            char          **args)
{
  LinkOptions *options = data;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *node = NULL;
  gboolean found = FALSE;
  int code = PAR_CLI_OK;

  target = find_link_target (ctx, db, options, &assessment, &node, &code);
  if (target == NULL)
    return code;
  linked = par_link_target_list_linked (db, options->id, &error);
  if (linked == NULL)
    return par_cli_fail (ctx, error);
  for (guint i = 0; i < linked->len && !found; i++)
    found = par_link_target_equal (g_ptr_array_index (linked, i), target);
  /* The core takes a missing link as already undone; a script that names
   * the wrong one should hear of it. */
  if (!found)
    {
      g_autofree char *what = describe_target (options->set_id, options->unit_code, options->node_code,
                                               options->task_id, options->inspection_id,
                                               options->recommendation_id);

      g_set_error (&error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("Document %lld is not linked to %s."), (long long) options->id, what);
      return par_cli_fail (ctx, error);
    }
  if (!par_evidence_unlink (db, options->id, target, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_evidence_link_command = {
  .name = "evidence link",
  .summary = N_("Link a kept document to an item, a plan task, an inspection or a recommendation"),
  .parameters = N_("ID"),
  .description = N_("Link a kept document to what it is evidence of: an item of a unit’s PAR Index (--set, "
                    "--unit and --code), a plan task (--task), an inspection (--inspection) or one of its "
                    "recommendations (--recommendation). Linking it again changes nothing. “evidence show "
                    "ID” lists the links."),
  .entries = link_entries,
  .options_size = sizeof (LinkOptions),
  .defaults = &link_defaults,
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one document id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = link_check,
  .run = link_run,
};

const ParCliCommand par_cli_evidence_unlink_command = {
  .name = "evidence unlink",
  .summary = N_("Remove a link of a kept document; the document stays kept"),
  .parameters = N_("ID"),
  .description = N_("Remove one link of a kept document, named with the options of “evidence link”: --set, "
                    "--unit and --code, or --task, or --inspection, or --recommendation. The document stays "
                    "kept."),
  .entries = link_entries,
  .options_size = sizeof (LinkOptions),
  .defaults = &link_defaults,
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one document id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = link_check,
  .run = unlink_run,
};

/* The options of evidence show and evidence export: the document the
 * argument names, and where to write it. */
typedef struct
{
  char  *output;
  gint64 id;   /* the argument, read */
} DocumentOptions;

static int
document_check (ParCliContext  *ctx,
                gpointer        data,
                char          **args)
{
  DocumentOptions *options = data;

  if (!parse_id (args[0], &options->id))
    return par_cli_usage (ctx, _("Give one document id."));
  return PAR_CLI_OK;
}

static int
evidence_show_run (ParCliContext  *ctx,
                   ParDatabase    *db,
                   gpointer        data,
                   char          **args)
{
  DocumentOptions *options = data;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ParEvidenceFields *f;
  GPtrArray *signatures, *links;

  document = par_evidence_get (db, options->id, &error);
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
      g_autofree char *issuer = par_cli_field (signature->trust->issuer);

      printf ("certificate: %s\n", par_certificate_status_to_string (signature->trust->status));
      printf ("certificate-issuer: %s\n", issuer);
    }
  links = par_evidence_document_get_links (document);
  for (guint i = 0; i < links->len; i++)
    printf ("link: %s\n", (char *) g_ptr_array_index (links, i));
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_evidence_show_command = {
  .name = "evidence show",
  .summary = N_("Show a kept document’s details, signatures and links"),
  .parameters = N_("ID"),
  .description = N_("Show a kept document’s details as “key: value” lines: the file, its details read from "
                    "the first page, its signatures and what it is linked to."),
  .options_size = sizeof (DocumentOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one document id."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = document_check,
  .run = evidence_show_run,
};

static const GOptionEntry evidence_export_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, PAR_CLI_OPTION (DocumentOptions, output), N_("the file to write"),
    N_("FILE") },
  { NULL }
};

static int
evidence_export_check (ParCliContext  *ctx,
                       gpointer        data,
                       char          **args)
{
  DocumentOptions *options = data;

  if (!parse_id (args[0], &options->id) || options->output == NULL)
    return par_cli_usage (ctx, _("Give one document id and -o FILE."));
  return PAR_CLI_OK;
}

static int
evidence_export_run (ParCliContext  *ctx,
                     ParDatabase    *db,
                     gpointer        data,
                     char          **args)
{
  DocumentOptions *options = data;
  g_autoptr(GError) error = NULL;

  if (!par_evidence_export (db, options->id, options->output, &error))
    return par_cli_fail (ctx, error);
  return PAR_CLI_OK;
}

const ParCliCommand par_cli_evidence_export_command = {
  .name = "evidence export",
  .summary = N_("Write a kept document back to a file"),
  .parameters = N_("ID"),
  .description = N_("Write a kept document back to a file, byte for byte."),
  .entries = evidence_export_entries,
  .options_size = sizeof (DocumentOptions),
  .min_args = 1,
  .max_args = 1,
  .args_message = N_("Give one document id and -o FILE."),
  .file = PAR_CLI_FILE_EXISTING,
  .check = evidence_export_check,
  .run = evidence_export_run,
};

static int
evidence_search_run (ParCliContext  *ctx,
                     ParDatabase    *db,
                     gpointer        data,
                     char          **args)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = g_strjoinv (" ", args);

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

const ParCliCommand par_cli_evidence_search_command = {
  .name = "evidence search",
  .summary = N_("Find text in the kept documents"),
  .parameters = N_("TEXT"),
  .description = N_("Find the pages that hold TEXT: ID, PAGE and a SNIPPET, separated by tabs, best first. "
                    "Case and Vietnamese diacritics do not matter."),
  .min_args = 1,
  .max_args = -1,
  .args_message = N_("Give the text to find."),
  .file = PAR_CLI_FILE_EXISTING,
  .run = evidence_search_run,
};
