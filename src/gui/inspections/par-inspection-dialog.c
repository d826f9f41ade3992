/* par-inspection-dialog.c: plan or edit an inspection, its clashes shown as it is edited
 *
 * Keyboard first: the unit's list has the focus and is searched by typing,
 * Tab goes from row to row, Enter saves. Days are typed as dd/mm/yyyy or
 * yyyy-mm-dd. Every change runs the core's clash check again after a short
 * pause (it takes a few milliseconds on the dialog's connection, so it
 * runs on the UI thread) and lists each clash in words above the form;
 * with clashes the main button reads "Save Anyway" and saving forces them.
 * "Find Free Days" proposes the earliest runs of as many working days on
 * which the unit and the whole team are free; a click takes one.
 *
 * An inspection's scope is its free text and the PAR Index items it
 * covers, chosen as a task's are (par-task-items-editor.c) and saved with
 * the inspection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-inspection-dialog.h"
#include "par-inspection-team.h"
#include "par-task-items-editor.h"

/* Long enough to wait for the next key, short enough to feel live. */
#define CHECK_DELAY_MS 150
#define N_FREE_RUNS 5

struct _ParInspectionDialog
{
  ParFormDialog      parent_instance;

  ParDatabase       *db;
  gint64             inspection_id;   /* 0 while it is a new one */
  GPtrArray         *units;           /* ParUnit, in tree order, after the unit list's first entry */
  GHashTable        *other_units;     /* another inspection's id → its unit's name, as read once */
  guint              check_source;
  guint              n_clashes;       /* as last shown */

  AdwWindowTitle    *title_widget;
  GtkButton         *save_button;
  GtkDropDown       *unit_dropdown;
  AdwEntryRow       *title_row;
  AdwEntryRow       *first_row;
  AdwEntryRow       *last_row;
  GtkTextView       *scope_view;
  ParTaskItemsEditor *items_editor;
  ParInspectionTeam *team;
  GtkWidget         *clash_box;
  GtkLabel          *clash_heading;
  GtkBox            *clash_lines;
  GtkButton         *find_button;
  GtkLabel          *free_status;
  GtkListBox        *free_list;
  GtkLabel          *error_label;
};

/* As the holidays page names them (par-holidays-page.c), by GDateWeekday:
 * in the UI's language, whatever the locale's. */
static const char * const weekdays[] = {
  NULL, NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"), NC_("weekday", "Sunday"),
};

G_DEFINE_FINAL_TYPE (ParInspectionDialog, par_inspection_dialog, PAR_TYPE_FORM_DIALOG)

static gint64
selected_unit_id (ParInspectionDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected == 0 || selected > self->units->len)
    return 0;
  return par_unit_get_id (g_ptr_array_index (self->units, selected - 1));
}

static const char *
unit_name_of_code (ParInspectionDialog *self,
                   const char          *code)
{
  for (guint i = 0; i < self->units->len; i++)
    if (g_strcmp0 (par_unit_get_code (g_ptr_array_index (self->units, i)), code) == 0)
      return par_unit_get_name (g_ptr_array_index (self->units, i));
  return code;
}

/* Both days typed, and the last not before the first. */
static gboolean
read_days (ParInspectionDialog *self,
           GDate               *first,
           GDate               *last)
{
  return par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->first_row)), first)
         && par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->last_row)), last)
         && g_date_compare (first, last) <= 0;
}

static char *
format_days (const GDate *first,
             const GDate *last)
{
  g_autofree char *from = par_format_gdate (first);
  g_autofree char *to = NULL;

  if (g_date_compare (first, last) == 0)
    return g_steal_pointer (&from);
  to = par_format_gdate (last);
  return g_strdup_printf ("%s – %s", from, to);
}

/* The name of the unit another inspection visits. */
static const char *
other_unit (ParInspectionDialog *self,
            gint64               inspection_id)
{
  const char *name = g_hash_table_lookup (self->other_units, &inspection_id);
  g_autoptr(ParInspection) other = NULL;

  if (name != NULL)
    return name;
  other = par_inspections_get (self->db, inspection_id, NULL);
  name = other != NULL ? other->unit_name : "?";
  g_hash_table_insert (self->other_units, g_memdup2 (&inspection_id, sizeof inspection_id), g_strdup (name));
  return g_hash_table_lookup (self->other_units, &inspection_id);
}

/* A clash in words, as an office worker would say it. */
static char *
clash_text (ParInspectionDialog *self,
            const ParClash      *clash)
{
  /* No days go with "no leader". */
  g_autofree char *days = g_date_valid (&clash->first) ? format_days (&clash->first, &clash->last) : NULL;
  const char *name;

  switch (clash->kind)
    {
    case PAR_CLASH_NO_LEADER:
      return g_strdup (_("The team has no leader."));
    case PAR_CLASH_UNIT_BUSY:
      /* Translators: a unit, then days, e.g. "10/03/2026 – 11/03/2026" */
      return g_strdup_printf (_("%s is already being inspected on %s."), unit_name_of_code (self, clash->unit_code),
                              days);
    case PAR_CLASH_MEMBER_BUSY:
      name = par_inspection_team_get_name (self->team, clash->staff_id);
      /* Translators: a person, the unit of another inspection, then days */
      return g_strdup_printf (_("%s is already in the inspection of %s on %s."), name != NULL ? name : "?",
                              other_unit (self, clash->other_id), days);
    case PAR_CLASH_HOLIDAY:
      /* Translators: a day, then the holiday's name */
      return g_strdup_printf (_("%s is a holiday: %s."), days, clash->name != NULL ? clash->name : "");
    case PAR_CLASH_WEEKEND:
      return g_strdup_printf (g_date_get_weekday (&clash->first) == G_DATE_SATURDAY ? _("%s is a Saturday.")
                              : _("%s is a Sunday."), days);
    case PAR_N_CLASH_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "Save" with no clash; "Save Anyway", in the colour of danger, with some. */
static void
show_clashes (ParInspectionDialog *self,
              GPtrArray           *clashes)
{
  GtkWidget *child;
  guint n = clashes != NULL ? clashes->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->clash_lines))) != NULL)
    gtk_box_remove (self->clash_lines, child);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = clash_text (self, g_ptr_array_index (clashes, i));
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (self->clash_lines, line);
    }
  if (n > 0)
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("This inspection has %u clash", "This inspection has %u clashes", n), n);

      gtk_label_set_text (self->clash_heading, heading);
    }
  gtk_widget_set_visible (self->clash_box, n > 0);
  self->n_clashes = n;
  gtk_button_set_label (self->save_button, n > 0 ? _("Save _Anyway") : _("_Save"));
  if (n > 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
    }
}

/* What the form holds, the team's seats kept in @seats (whose data the spec points to). */
static gboolean
read_spec (ParInspectionDialog *self,
           GArray              *seats,
           ParInspectionSpec   *spec)
{
  g_autoptr(GArray) team = par_inspection_team_get_seats (self->team);

  g_array_set_size (seats, 0);
  g_array_append_vals (seats, team->data, team->len);
  spec->unit_id = selected_unit_id (self);
  spec->title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  spec->team = (const ParTeamSeat *) (gpointer) seats->data;
  spec->n_team = seats->len;
  return read_days (self, &spec->first, &spec->last);
}

/* The clash check, now; with no days to check, nothing is shown. */
static void
check_now (ParInspectionDialog *self)
{
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  ParInspectionSpec spec = { 0 };

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (!read_spec (self, seats, &spec))
    {
      show_clashes (self, NULL);
      return;
    }
  clashes = par_inspections_check (self->db, &spec, self->inspection_id, &error);
  if (clashes == NULL)
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  show_clashes (self, clashes);
}

static gboolean
check_timeout (gpointer data)
{
  ParInspectionDialog *self = data;

  self->check_source = 0;
  check_now (self);
  return G_SOURCE_REMOVE;
}

/* Why the team cannot be saved, as the core would refuse it, or NULL. */
static char *
team_problem (ParInspectionDialog *self)
{
  g_autoptr(GArray) seats = par_inspection_team_get_seats (self->team);
  guint n_leaders = 0, n_secretaries = 0;

  for (guint i = 0; i < seats->len; i++)
    {
      ParTeamSeat *seat = &g_array_index (seats, ParTeamSeat, i);

      for (guint j = 0; j < i; j++)
        if (g_array_index (seats, ParTeamSeat, j).staff_id == seat->staff_id)
          return g_strdup_printf (_("%s is on the team twice: one person holds one role."),
                                  par_inspection_team_get_name (self->team, seat->staff_id));
      n_leaders += seat->role == PAR_TEAM_ROLE_LEADER;
      n_secretaries += seat->role == PAR_TEAM_ROLE_SECRETARY;
    }
  if (n_leaders > 1 || n_secretaries > 1)
    return g_strdup (_("A team has one leader and one secretary at most."));
  return NULL;
}

/* Whether Save can be tried (a team the core would refuse says why at
 * once), and a clash check after the next pause in typing. */
static void
changed (ParInspectionDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *problem = NULL;
  GDate first, last;

  if (self->units == NULL)
    return;   /* still being built */
  problem = team_problem (self);
  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), problem == NULL && *title != '\0'
                                && selected_unit_id (self) != 0 && read_days (self, &first, &last));
  if (problem != NULL)
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), problem);
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout, self);
}

static void
free_run_activated (ParInspectionDialog *self,
                    GtkListBoxRow       *row)
{
  ParDayRun *run = g_object_get_data (G_OBJECT (row), "par-day-run");
  g_autofree char *first = par_format_gdate (&run->first);
  g_autofree char *last = par_format_gdate (&run->last);

  gtk_editable_set_text (GTK_EDITABLE (self->first_row), first);
  gtk_editable_set_text (GTK_EDITABLE (self->last_row), last);
  check_now (self);
}

/* A run as a row: its days with their weekdays. */
static GtkWidget *
free_run_row (const ParDayRun *run)
{
  const char *first_day = g_dpgettext2 (NULL, "weekday", weekdays[g_date_get_weekday (&run->first)]);
  const char *last_day = g_dpgettext2 (NULL, "weekday", weekdays[g_date_get_weekday (&run->last)]);
  g_autofree char *days = format_days (&run->first, &run->last);
  g_autofree char *days_of_week = g_date_compare (&run->first, &run->last) == 0 ? g_strdup (first_day)
                              : g_strdup_printf ("%s – %s", first_day, last_day);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), days);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), days_of_week);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Take these days"));
  g_object_set_data_full (G_OBJECT (row), "par-day-run", g_memdup2 (run, sizeof *run), g_free);
  return row;
}

/* How many days the form asks for, and the day before the earliest start. */
static guint
wanted_days (ParInspectionDialog *self,
             GDate               *after)
{
  GDate first, last;

  if (read_days (self, &first, &last))
    {
      *after = first;
      g_date_subtract_days (after, 1);
      return g_date_get_julian (&last) - g_date_get_julian (&first) + 1;
    }
  if (par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->first_row)), &first))
    {
      *after = first;
      g_date_subtract_days (after, 1);
      return 1;
    }
  par_plan_today (after);
  return 1;
}

static void
show_free_runs (ParInspectionDialog *self,
                GArray              *runs,
                guint                n_days,
                const GDate         *after)
{
  GDate from = *after;
  g_autofree char *from_text = NULL;
  g_autofree char *status = NULL;

  g_date_add_days (&from, 1);
  from_text = par_format_gdate (&from);
  if (runs->len > 0)
    status = g_strdup_printf (ngettext ("Free runs of %u working day for the unit and the whole team, from %s:",
                                        "Free runs of %u working days in a row for the unit and the whole team, "
                                        "from %s:", n_days), n_days, from_text);
  else
    status = g_strdup_printf (ngettext ("No run of %u free working day for the unit and the whole team within a "
                                        "year from %s.",
                                        "No run of %u free working days in a row for the unit and the whole team "
                                        "within a year from %s.", n_days), n_days, from_text);
  gtk_label_set_text (self->free_status, status);
  for (guint i = 0; i < runs->len; i++)
    gtk_list_box_append (self->free_list, free_run_row (&g_array_index (runs, ParDayRun, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->free_list), runs->len > 0);
}

/* The free-slot search is one query and the year's holidays: quick enough
 * for the UI thread. */
static void
find_free_days (ParInspectionDialog *self)
{
  g_autoptr(GArray) seats = par_inspection_team_get_seats (self->team);
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit_id = selected_unit_id (self);
  GtkWidget *child;
  GDate after;
  guint n_days = wanted_days (self, &after);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->free_list))) != NULL)
    gtk_list_box_remove (self->free_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->free_list), FALSE);
  if (unit_id == 0)
    {
      gtk_label_set_text (self->free_status, _("Choose the unit first."));
      return;
    }
  for (guint i = 0; i < seats->len; i++)
    g_array_append_val (staff, g_array_index (seats, ParTeamSeat, i).staff_id);
  runs = par_inspections_free_slots_except (self->db, self->inspection_id, unit_id,
                                            (const gint64 *) (gpointer) staff->data, staff->len, n_days, &after,
                                            N_FREE_RUNS, &error);
  if (runs == NULL)
    {
      gtk_label_set_text (self->free_status, error->message);
      return;
    }
  show_free_runs (self, runs, n_days, &after);
}

static gboolean
save_items (ParInspectionDialog  *self,
            GError              **error)
{
  g_autoptr(GArray) ids = par_task_items_editor_get_node_ids (self->items_editor);

  return par_inspection_items_set (self->db, self->inspection_id, (const gint64 *) (gpointer) ids->data, ids->len,
                                   error);
}

static gint64
par_inspection_dialog_save (ParFormDialog  *dialog,
                            GError        **error)
{
  ParInspectionDialog *self = PAR_INSPECTION_DIALOG (dialog);
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  g_autoptr(GtkTextBuffer) buffer = g_object_ref (gtk_text_view_get_buffer (self->scope_view));
  g_autofree char *scope = NULL;
  ParInspectionSpec spec = { 0 };
  GtkTextIter start, end;
  /* Forced only for the clashes the user was shown: new ones found by
   * the check at saving time are shown and the save refused. */
  gboolean anyway = self->n_clashes > 0 && self->check_source == 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  scope = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  read_spec (self, seats, &spec);
  spec.scope = scope;
  if (self->inspection_id == 0)
    {
      gint64 id = par_inspections_add (self->db, &spec, anyway, NULL, error);

      if (id == 0)
        {
          check_now (self);
          return 0;
        }
      /* Added: if its items fail, trying again edits it rather than adding it twice. */
      self->inspection_id = id;
      adw_window_title_set_title (self->title_widget, _("Edit Inspection"));
      return save_items (self, error) ? id : 0;
    }
  if (!par_inspections_update (self->db, self->inspection_id, &spec, anyway, NULL, error))
    {
      check_now (self);
      return 0;
    }
  return save_items (self, error) ? self->inspection_id : 0;
}

/* Fills the unit list: first "choose", then every unit in tree order, indented by depth. */
static gboolean
fill_units (ParInspectionDialog  *self,
            GError              **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(GHashTable) depths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_string_list_append (names, _("Choose a unit…"));
  self->units = par_directory_list_all_units (self->db, error);
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (self->units, i);
      gint64 id = par_unit_get_id (unit), parent_id = par_unit_get_parent_id (unit);
      guint depth = GPOINTER_TO_UINT (g_hash_table_lookup (depths, &parent_id));
      g_autofree char *label = g_strdup_printf ("%*s%s", (int) depth * 4, "", par_unit_get_name (unit));

      /* Depths are kept one up, so that a unit missing from the table reads as depth 0. */
      g_hash_table_insert (depths, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (depth + 1));
      gtk_string_list_append (names, label);
    }
  gtk_drop_down_set_expression (self->unit_dropdown, name);
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  return self->units != NULL;
}

static void
select_unit (ParInspectionDialog *self,
             gint64               unit_id)
{
  for (guint i = 0; i < self->units->len; i++)
    if (par_unit_get_id (g_ptr_array_index (self->units, i)) == unit_id)
      gtk_drop_down_set_selected (self->unit_dropdown, i + 1);
}

static gboolean
show_inspection (ParInspectionDialog  *self,
                 GError              **error)
{
  g_autoptr(ParInspection) inspection = par_inspections_get (self->db, self->inspection_id, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (inspection == NULL || (items = par_inspection_items_list (self->db, self->inspection_id, error)) == NULL)
    return FALSE;
  adw_window_title_set_title (self->title_widget, _("Edit Inspection"));
  adw_window_title_set_subtitle (self->title_widget, inspection->unit_name);
  select_unit (self, inspection->unit_id);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), inspection->title);
  first = g_date_valid (&inspection->first) ? par_format_gdate (&inspection->first) : g_strdup ("");
  last = g_date_valid (&inspection->last) ? par_format_gdate (&inspection->last) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->first_row), first);
  gtk_editable_set_text (GTK_EDITABLE (self->last_row), last);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->scope_view),
                            inspection->scope != NULL ? inspection->scope : "", -1);
  par_inspection_team_set_team (self->team, inspection->team);
  par_task_items_editor_set_items (self->items_editor, self->db, items);
  return TRUE;
}

/* Plans a new inspection (@inspection_id 0), its days @first_day if given,
 * or edits inspection @inspection_id. */
ParInspectionDialog *
par_inspection_dialog_new (GtkWindow   *parent,
                           ParDatabase *db,
                           gint64       inspection_id,
                           const GDate *first_day)
{
  ParInspectionDialog *self;
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_INSPECTION_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->inspection_id = inspection_id;
  par_task_items_editor_set_items (self->items_editor, db, NULL);
  par_task_items_editor_set_texts (self->items_editor, _("None: the inspection covers no item of the PAR Index"),
                                   _("Choose the items of a criteria set this inspection covers"));
  loaded = fill_units (self, &error) && par_inspection_team_load (self->team, db, &error);
  if (self->units == NULL)
    self->units = g_ptr_array_new ();
  if (loaded && inspection_id != 0)
    loaded = show_inspection (self, &error);
  else if (loaded && first_day != NULL && g_date_valid (first_day))
    {
      g_autofree char *day = par_format_gdate (first_day);

      gtk_editable_set_text (GTK_EDITABLE (self->first_row), day);
      gtk_editable_set_text (GTK_EDITABLE (self->last_row), day);
    }
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  changed (self);
  if (!loaded)
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->unit_dropdown));
  return self;
}

static void
par_inspection_dialog_dispose (GObject *object)
{
  ParInspectionDialog *self = PAR_INSPECTION_DIALOG (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->db);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->other_units, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_INSPECTION_DIALOG);

  G_OBJECT_CLASS (par_inspection_dialog_parent_class)->dispose (object);
}

static void
par_inspection_dialog_class_init (ParInspectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_inspection_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_inspection_dialog_save;

  g_type_ensure (PAR_TYPE_INSPECTION_TEAM);
  g_type_ensure (PAR_TYPE_TASK_ITEMS_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/inspections/par-inspection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, scope_view);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, items_editor);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, team);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, clash_box);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, clash_heading);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, clash_lines);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, find_button);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, free_status);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, free_list);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed);
  gtk_widget_class_bind_template_callback (widget_class, find_free_days);
  gtk_widget_class_bind_template_callback (widget_class, free_run_activated);
}

static void
par_inspection_dialog_init (ParInspectionDialog *self)
{
  self->other_units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
