/* par-evidence-view.c: every kept document, filtered, sorted and searched
 *
 * Adding documents runs in a worker with its own connection, one
 * transaction per file, with progress and a Stop button; the list follows
 * when it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-detail-markup.h"
#include "par-document-dialog.h"
#include "par-evidence-view.h"
#include "par-evidence-viewer.h"
#include "par-file-chooser.h"
#include "par-pdf-chooser.h"
#include "par-signature-panel.h"

struct _ParEvidenceView
{
  AdwBin              parent_instance;

  ParContext         *context;
  ParDatabase        *database;   /* the context's, followed */
  GListStore         *documents;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GListStore         *results;
  GCancellable       *adding;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *type_filter;
  GtkDropDown        *signature_filter;
  GtkDropDown        *year_filter;
  GtkToggleButton    *unlinked_toggle;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkColumnView      *documents_view;
  GtkListView        *results_view;
  GtkLabel           *details_title;
  GtkLabel           *signature_badge;
  GtkLabel           *details_label;
};

G_DEFINE_FINAL_TYPE (ParEvidenceView, par_evidence_view, ADW_TYPE_BIN)

/* The choices of the signature filter, as the badges say them: a
 * verdict, and for a sound signature how its issuer stands (NULL: any). */
static const struct
{
  const char *verdict;
  const char *trust;
} signature_choices[] = {
  { NULL, NULL },
  { "valid", "trusted" },
  { "valid", "untrusted" },
  { "valid", "expired" },
  { "valid", "revoked" },
  { "valid", "unknown" },
  { "modified", NULL },
  { "invalid", NULL },
  { "none", NULL },
};

static ParEvidenceFields *
fields_of (gpointer item)
{
  return par_evidence_document_get_fields (PAR_EVIDENCE_DOCUMENT (item));
}

/* Filtering and sorting -------------------------------------------------- */

static int
selected_year (ParEvidenceView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->year_filter);

  if (item == NULL || gtk_drop_down_get_selected (self->year_filter) == 0)
    return 0;
  return atoi (gtk_string_object_get_string (item));
}

static gboolean
filter_document (gpointer item,
                 gpointer user_data)
{
  ParEvidenceView *self = user_data;
  ParEvidenceFields *f = fields_of (item);
  guint type = gtk_drop_down_get_selected (self->type_filter);
  guint signature = gtk_drop_down_get_selected (self->signature_filter);
  int year = selected_year (self);

  if (type > 0)
    {
      GtkStringObject *chosen = gtk_drop_down_get_selected_item (self->type_filter);

      if (g_strcmp0 (gtk_string_object_get_string (chosen), f->doc_type) != 0)
        return FALSE;
    }
  if (signature > 0 && signature < G_N_ELEMENTS (signature_choices)
      && (g_strcmp0 (signature_choices[signature].verdict, f->signature) != 0
          || (signature_choices[signature].trust != NULL && g_strcmp0 (signature_choices[signature].trust, f->trust) != 0)))
    return FALSE;
  if (year != 0 && atoi (f->date) != year)
    return FALSE;
  if (gtk_toggle_button_get_active (self->unlinked_toggle)
      && GPOINTER_TO_UINT (g_object_get_data (item, "n-links")) > 0)
    return FALSE;
  return TRUE;
}

static void
filters_changed (ParEvidenceView *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  /* Newest first; undated last. */
  int order = -g_strcmp0 (fields_of ((gpointer) a)->date, fields_of ((gpointer) b)->date);

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *na = fields_of ((gpointer) a)->number;
  const char *nb = fields_of ((gpointer) b)->number;
  /* "15/KH" before "1242/QĐ": by the number, then the symbol. */
  long va = atol (na), vb = atol (nb);
  int order = va != vb ? (va < vb ? -1 : 1) : g_utf8_collate (na, nb);

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gsize offset = GPOINTER_TO_SIZE (user_data);
  const char *ta = *(char **) ((guint8 *) fields_of ((gpointer) a) + offset);
  const char *tb = *(char **) ((guint8 *) fields_of ((gpointer) b) + offset);
  int order = g_utf8_collate (ta, tb);

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Columns ----------------------------------------------------------------- */

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_TYPE,
  COLUMN_ABSTRACT,
  COLUMN_SIGNATURE,
  COLUMN_PAGES,
  COLUMN_FILENAME,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_PAGES ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  ParEvidenceFields *f = fields_of (gtk_list_item_get_item (item));
  const char *css = NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NUMBER:
      text = g_strdup (f->number);
      break;
    case COLUMN_DATE:
      text = par_format_iso_date (f->date);
      break;
    case COLUMN_TYPE:
      text = g_strdup (f->doc_type);
      break;
    case COLUMN_ABSTRACT:
      text = g_strdup (*f->abstract != '\0' ? f->abstract : f->pdf_title);
      break;
    case COLUMN_SIGNATURE:
      text = g_strdup (par_signature_badge_label (f->signature, f->trust, &css));
      gtk_widget_add_css_class (GTK_WIDGET (label), css);
      break;
    case COLUMN_PAGES:
      text = g_strdup_printf ("%d", f->pages);
      break;
    case COLUMN_FILENAME:
    default:
      text = g_strdup (f->filename);
      break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (ParEvidenceView *self,
            const char      *title,
            Column           column,
            GtkSorter       *sorter,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (sorter != NULL)
    {
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->documents_view, view_column);
}

static GtkSorter *
text_sorter (gsize offset)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_texts, GSIZE_TO_POINTER (offset), NULL));
}

static void
build_columns (ParEvidenceView *self)
{
  add_column (self, _("Number"), COLUMN_NUMBER, GTK_SORTER (gtk_custom_sorter_new (compare_numbers, NULL, NULL)),
              FALSE);
  add_column (self, _("Date"), COLUMN_DATE, GTK_SORTER (gtk_custom_sorter_new (compare_dates, NULL, NULL)), FALSE);
  add_column (self, _("Type"), COLUMN_TYPE, text_sorter (G_STRUCT_OFFSET (ParEvidenceFields, doc_type)), FALSE);
  add_column (self, _("Abstract"), COLUMN_ABSTRACT, text_sorter (G_STRUCT_OFFSET (ParEvidenceFields, abstract)), TRUE);
  add_column (self, _("Signature"), COLUMN_SIGNATURE, text_sorter (G_STRUCT_OFFSET (ParEvidenceFields, signature)),
              FALSE);
  add_column (self, _("Pages"), COLUMN_PAGES, NULL, FALSE);
  add_column (self, _("File"), COLUMN_FILENAME, text_sorter (G_STRUCT_OFFSET (ParEvidenceFields, filename)), FALSE);
}

/* Details ----------------------------------------------------------------- */

static ParEvidenceDocument *
selected_document (ParEvidenceView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_details (ParEvidenceView *self)
{
  ParEvidenceDocument *selected = selected_document (self);
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ParEvidenceFields *f;
  GPtrArray *signatures, *links;
  const char *css = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pages = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.open", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.save-copy", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.edit", selected != NULL);
  if (selected == NULL || self->database == NULL)
    {
      gtk_label_set_text (self->details_title, "");
      gtk_label_set_text (self->signature_badge, "");
      gtk_label_set_text (self->details_label, "");
      return;
    }
  document = par_evidence_get (self->database, fields_of (selected)->id, &error);
  if (document == NULL)
    {
      par_context_report_error (self->context, _("The document could not be read"), error);
      return;
    }
  f = par_evidence_document_get_fields (document);
  title = g_strdup_printf ("%s %s", f->doc_type, *f->number != '\0' ? f->number : f->filename);
  gtk_label_set_text (self->details_title, g_strstrip (title));

  gtk_widget_remove_css_class (GTK_WIDGET (self->signature_badge), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->signature_badge), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->signature_badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->signature_badge), "dim-label");
  gtk_label_set_text (self->signature_badge, par_signature_badge_label (f->signature, f->trust, &css));
  gtk_widget_add_css_class (GTK_WIDGET (self->signature_badge), css);

  date = par_format_iso_date (f->date);
  pages = g_strdup_printf ("%d", f->pages);
  par_detail_markup_append_block (markup, _("Abstract"), f->abstract);
  par_detail_markup_append_block (markup, _("Issued by"), f->issuer);
  par_detail_markup_append_block (markup, _("Number and symbol"), f->number);
  par_detail_markup_append_block (markup, _("Date of issue"), date);
  par_detail_markup_append_block (markup, _("Place"), f->place);
  par_detail_markup_append_block (markup, _("Pages"), pages);
  if (f->encrypted)
    par_detail_markup_append_block (markup, _("Protection"), _("Protected by a password"));

  signatures = par_evidence_document_get_signatures (document);
  for (guint i = 0; i < signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (signatures, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (signature->signing_time, NULL);
      g_autofree char *when_text = when != NULL ? par_format_date (when) : g_strdup (signature->signing_time);
      g_autofree char *line = g_strdup_printf ("%s · %s · %s", signature->signer, when_text,
                                               signature->status == PAR_SIGNATURE_VALID
                                               ? par_certificate_status_get_label (signature->trust->status)
                                               : par_signature_verdict_get_label (signature->status));

      par_detail_markup_append_block (markup, _("Signed by"), line);
    }
  links = par_evidence_document_get_link_labels (document);
  if (links->len == 0)
    par_detail_markup_append_block (markup, _("Supports"), _("Nothing yet: link it from the PAR Index."));
  for (guint i = 0; i < links->len; i++)
    par_detail_markup_append_block (markup, _("Supports"), g_ptr_array_index (links, i));
  par_detail_markup_append_block (markup, _("File"), f->filename);
  gtk_label_set_markup (self->details_label, markup->str);
}

/* Loading ----------------------------------------------------------------- */

static void
reload (ParEvidenceView *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen_types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_years = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) year_list = g_array_new (FALSE, FALSE, sizeof (int));

  g_list_store_remove_all (self->documents);
  if (self->database != NULL)
    {
      documents = par_evidence_list (self->database, &error);
      if (documents == NULL)
        par_context_report_error (self->context, _("The documents could not be read"), error);
    }

  gtk_string_list_append (types, _("All types"));
  gtk_string_list_append (years, _("All years"));
  if (documents != NULL)
    for (guint i = 0; i < documents->len; i++)
      {
        ParEvidenceFields *f = fields_of (g_ptr_array_index (documents, i));
        int year = atoi (f->date);

        if (*f->doc_type != '\0' && !g_hash_table_contains (seen_types, f->doc_type))
          {
            g_hash_table_add (seen_types, f->doc_type);
            gtk_string_list_append (types, f->doc_type);
          }
        if (year > 0 && !g_hash_table_contains (seen_years, GINT_TO_POINTER (year)))
          {
            g_hash_table_add (seen_years, GINT_TO_POINTER (year));
            g_array_append_val (year_list, year);
          }
        g_list_store_append (self->documents, g_ptr_array_index (documents, i));
      }
  for (guint i = 0; i < year_list->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (year_list, int, i));

      gtk_string_list_append (years, text);
    }
  gtk_drop_down_set_model (self->type_filter, G_LIST_MODEL (types));
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (years));
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0 ? "list" : "empty");
  update_details (self);
}

/* Link counts, for the "unlinked" filter: one query for all. */
static void
count_links (ParEvidenceView *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(ParEvidenceDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      g_autoptr(ParEvidenceDocument) full = par_evidence_get (self->database, fields_of (document)->id, NULL);

      g_object_set_data (G_OBJECT (document), "n-links",
                         GUINT_TO_POINTER (full != NULL ? par_evidence_document_get_links (full)->len : 0));
    }
}

static void
database_changed (ParEvidenceView *self,
                  ParChange        what)
{
  /* PAR_CHANGE_TRUST: every badge says how its signatures stand now. */
  if (what == PAR_CHANGE_DOCUMENTS || what == PAR_CHANGE_SCORES || what == PAR_CHANGE_LINKS
      || what == PAR_CHANGE_TRUST)
    {
      reload (self);
      count_links (self);
    }
}

static void
follow_database (ParEvidenceView *self)
{
  g_set_object (&self->database, par_context_get_database (self->context));
  reload (self);
  if (self->database != NULL)
    count_links (self);
}

/* The view shows the context's file, and follows it. */
void
par_evidence_view_set_context (ParEvidenceView *self,
                               ParContext      *context)
{
  g_return_if_fail (PAR_IS_EVIDENCE_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::database", G_CALLBACK (follow_database), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  follow_database (self);
}

guint
par_evidence_view_get_n_shown (ParEvidenceView *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* Search ------------------------------------------------------------------ */

static void
setup_result (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (item, box);
}

static void
bind_result (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GObject *result = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (title);

  gtk_label_set_text (GTK_LABEL (title), g_object_get_data (result, "title"));
  gtk_label_set_markup (GTK_LABEL (snippet), g_object_get_data (result, "snippet-markup"));
}

/* "…text [match] text…" → markup with the match in bold. */
static char *
snippet_markup (const char *snippet)
{
  g_autofree char *escaped = g_markup_escape_text (snippet, -1);
  GString *markup = g_string_new (NULL);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '[')
        g_string_append (markup, "<b>");
      else if (*p == ']')
        g_string_append (markup, "</b>");
      else
        g_string_append_c (markup, *p);
    }
  return g_string_free (markup, FALSE);
}

void
par_evidence_view_search (ParEvidenceView *self,
                          const char      *text)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (PAR_IS_EVIDENCE_VIEW (self));

  g_list_store_remove_all (self->results);
  if (*stripped == '\0' || self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "documents");
      return;
    }
  hits = par_evidence_search (self->database, text, 200, &error);
  if (hits == NULL)
    {
      par_context_report_error (self->context, _("The search failed"), error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(ParEvidenceDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      ParEvidenceFields *f = fields_of (document);
      g_autofree char *date = par_format_iso_date (f->date);

      g_hash_table_insert (titles, g_memdup2 (&f->id, sizeof f->id),
                           g_strdup_printf ("%s %s %s", f->doc_type, *f->number != '\0' ? f->number : f->filename,
                                            date));
    }
  for (guint i = 0; i < hits->len; i++)
    {
      ParSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
      const char *document_title = g_hash_table_lookup (titles, &hit->document_id);
      /* Translators: a search result: the document, then its page */
      g_autofree char *title = g_strdup_printf (_("%s · page %d"), document_title != NULL ? document_title : "",
                                                hit->page);

      g_object_set_data_full (result, "title", g_strstrip (g_steal_pointer (&title)), g_free);
      g_object_set_data_full (result, "snippet-markup", snippet_markup (hit->snippet), g_free);
      g_object_set_data (result, "document-id", GSIZE_TO_POINTER ((gsize) hit->document_id));
      g_object_set_data (result, "page", GINT_TO_POINTER (hit->page));
      g_list_store_append (self->results, result);
    }
  gtk_stack_set_visible_child_name (self->list_stack, hits->len > 0 ? "results" : "no-results");
}

static void
search_changed (ParEvidenceView *self)
{
  par_evidence_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Opening ----------------------------------------------------------------- */

static void
open_document (ParEvidenceView *self,
               gint64           document_id,
               int              page,
               const char      *find)
{
  ParEvidenceViewer *viewer = par_evidence_viewer_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       self->context, document_id);

  gtk_window_present (GTK_WINDOW (viewer));
  par_evidence_viewer_show_page (viewer, page, find);
}

static void
document_activated (ParEvidenceView *self,
                    guint            position)
{
  g_autoptr(ParEvidenceDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (document != NULL)
    open_document (self, fields_of (document)->id, 1, NULL);
}

static void
result_activated (ParEvidenceView *self,
                  guint            position)
{
  g_autoptr(GObject) result = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (result != NULL)
    open_document (self, GPOINTER_TO_SIZE (g_object_get_data (result, "document-id")),
                   GPOINTER_TO_INT (g_object_get_data (result, "page")),
                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParEvidenceView *self = PAR_EVIDENCE_VIEW (widget);
  ParEvidenceDocument *document = selected_document (self);

  if (document != NULL)
    open_document (self, fields_of (document)->id, 1, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParEvidenceView *self = PAR_EVIDENCE_VIEW (widget);
  ParEvidenceDocument *document = selected_document (self);

  if (document != NULL)
    gtk_window_present (GTK_WINDOW (par_document_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->database,
                                                             fields_of (document)->id)));
}

typedef struct
{
  ParEvidenceView *view;
  gint64           document_id;
} SaveCopyRequest;

static void
save_copy_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree SaveCopyRequest *request = user_data;
  g_autoptr(ParEvidenceView) self = request->view;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->database == NULL)
    return;
  if (!par_evidence_export (self->database, request->document_id, path, &error))
    par_context_report_error (self->context, _("The copy was not saved"), error);
  else
    par_context_show_file_toast (self->context, _("Copy saved"), path);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParEvidenceView *self = PAR_EVIDENCE_VIEW (widget);
  ParEvidenceDocument *document = selected_document (self);
  g_autoptr(ParFileChooser) chooser = NULL;
  g_autofree char *name = NULL;
  SaveCopyRequest *request;

  if (document == NULL)
    return;
  chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE, _("Save a Copy of the Document"), _("_Save"));
  /* The name comes from the file, which may come from anyone. */
  name = par_file_safe_name (fields_of (document)->filename, _("document.pdf"), ".pdf");
  par_file_chooser_set_current_name (chooser, name);
  request = g_new0 (SaveCopyRequest, 1);
  request->view = g_object_ref (self);
  request->document_id = fields_of (document)->id;
  par_file_chooser_run_async (chooser, GTK_WINDOW (gtk_widget_get_root (widget)), save_copy_chosen, request);
}

/* Adding ------------------------------------------------------------------ */

static void
show_progress (guint       done,
               guint       total,
               const char *path,
               gpointer    user_data)
{
  ParEvidenceView *self = user_data;
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: progress while adding documents: file name, then "3 of 10" */
  g_autofree char *text = g_strdup_printf (_("%s (%u of %u)"), name, done + 1, total);

  if (self->adding == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
add_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ParEvidenceView) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->adding);
  results = par_evidence_add_files_finish (result, &error);
  if (results == NULL)
    {
      par_context_report_error (self->context, _("The documents were not added"), error);
      return;
    }
  /* The worker wrote through its own connection: tell this one's views. */
  if (self->database != NULL)
    par_database_emit_changed (self->database, PAR_CHANGE_DOCUMENTS);
  par_pdf_chooser_report (self->context, results, NULL, _("Some files were not added"));
}

/* Keeps @paths (file names) in the file, in a worker. */
void
par_evidence_view_add_files (ParEvidenceView *self,
                             GPtrArray       *paths)
{
  g_return_if_fail (PAR_IS_EVIDENCE_VIEW (self));

  if (self->database == NULL || paths->len == 0 || self->adding != NULL)
    return;
  self->adding = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  par_evidence_add_files_async (par_database_get_path (self->database), paths,
                                par_context_get_evidence_max_bytes (self->context), show_progress, self,
                                self->adding, add_done, g_object_ref (self));
}

static void
add_paths (GPtrArray *paths,
           gpointer   owner)
{
  par_evidence_view_add_files (PAR_EVIDENCE_VIEW (owner), paths);
}

static void
cancel_clicked (ParEvidenceView *self)
{
  if (self->adding != NULL)
    g_cancellable_cancel (self->adding);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  par_pdf_chooser_run (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add Documents"), _("_Add"), G_OBJECT (widget),
                       add_paths);
}

/* Class ------------------------------------------------------------------- */

static void
par_evidence_view_dispose (GObject *object)
{
  ParEvidenceView *self = PAR_EVIDENCE_VIEW (object);

  if (self->adding != NULL)
    g_cancellable_cancel (self->adding);
  g_clear_object (&self->database);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_EVIDENCE_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->documents);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (par_evidence_view_parent_class)->dispose (object);
}

static void
par_evidence_view_class_init (ParEvidenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_evidence_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/evidence/par-evidence-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, type_filter);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, signature_filter);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, unlinked_toggle);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, stack);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, documents_view);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, results_view);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, details_title);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, signature_badge);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceView, details_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, document_activated);
  gtk_widget_class_bind_template_callback (widget_class, result_activated);

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "evidence.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "evidence.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "evidence.edit", NULL, edit_action);
}

static void
par_evidence_view_init (ParEvidenceView *self)
{
  g_autoptr(GtkStringList) signatures = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (signatures, _("Any signature"));
  for (guint i = 1; i < G_N_ELEMENTS (signature_choices); i++)
    gtk_string_list_append (signatures, par_signature_summary_label (signature_choices[i].verdict,
                                                                     signature_choices[i].trust));
  gtk_drop_down_set_model (self->signature_filter, G_LIST_MODEL (signatures));

  self->documents = g_list_store_new (PAR_TYPE_EVIDENCE_DOCUMENT);
  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->documents)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  build_columns (self);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->documents_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->documents_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_details), self,
                           G_CONNECT_SWAPPED);

  self->results = g_list_store_new (G_TYPE_OBJECT);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result), NULL);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->results_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)))));

  par_pdf_chooser_accept_drop (GTK_WIDGET (self), G_OBJECT (self), add_paths);

  reload (self);
}
