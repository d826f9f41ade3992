/* par-plan-summary.c: the Plan view's header: completion by lead unit, the overdue tasks, the deadlines ahead
 *
 * Three cards, all as of the view's date. Each line is a click away from
 * its tasks: a unit line asks the view to show that unit's tasks, a task
 * line to select that task, "Show All" to show only the overdue ones. The
 * view does it, on the signals below; the header only sums up.
 *
 * A plan of thousands of tasks can have hundreds overdue: the cards show
 * the first MAX_TASK_LINES and say how many more there are. The lines are
 * filled again, not made again, when the date changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-plan-summary.h"

#define MAX_TASK_LINES 20

struct _ParPlanSummary
{
  AdwBin      parent_instance;

  GtkListBox *unit_list;
  GtkLabel   *overdue_heading;
  GtkButton  *show_overdue_button;
  GtkListBox *overdue_list;
  GtkLabel   *overdue_more;
  GtkLabel   *due_heading;
  GtkListBox *due_list;
  GtkLabel   *due_more;
};

G_DEFINE_FINAL_TYPE (ParPlanSummary, par_plan_summary, ADW_TYPE_BIN)

enum
{
  UNIT_ACTIVATED,
  TASK_ACTIVATED,
  OVERDUE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The @index-th child of @row's box. */
static GtkWidget *
part (GtkListBoxRow *row,
      guint          index)
{
  GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  for (guint i = 0; i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static void
set_row_id (GtkListBoxRow *row,
            gint64         id)
{
  gint64 *stored = g_object_get_data (G_OBJECT (row), "id");

  *stored = id;
}

/* Keeps exactly @n rows in @list, made by @make_row: the lists change
 * with every as-of date, and rows filled again cost much less than new
 * ones. */
static void
keep_rows (GtkListBox *list,
           guint       n,
           GtkWidget *(*make_row) (void))
{
  guint have = 0;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child) && have++ >= n)
        gtk_list_box_remove (list, child);
      child = next;
    }
  for (; have < n; have++)
    {
      GtkWidget *row = make_row ();

      g_object_set_data_full (G_OBJECT (row), "id", g_new0 (gint64, 1), g_free);
      gtk_list_box_append (list, row);
    }
}

/* A unit's line: "Phòng Cải cách hành chính   5/8 ▰▰▰▱ 63%". */
static GtkWidget *
make_unit_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = new_label (NULL, NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *percent = new_label (NULL, "numeric");

  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (percent), 4);
  gtk_label_set_xalign (GTK_LABEL (percent), 1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), new_label (NULL, "dim-label"));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), percent);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a tooltip on a unit's line in the plan's header */
  gtk_widget_set_tooltip_text (row, _("Completed tasks of those the unit leads, not counting cancelled ones; "
                                      "click to show the unit’s tasks"));
  return row;
}

static void
fill_unit_row (GtkListBoxRow      *row,
               const ParUnitTally *tally,
               const char         *name)
{
  guint total = par_unit_tally_get_total (tally);
  guint completed = tally->n[PAR_TASK_STATUS_DONE] + tally->n[PAR_TASK_STATUS_DONE_LATE];
  guint percent = (guint) ((par_unit_tally_get_completed_tenths (tally) + 5) / 10);
  g_autofree char *count = g_strdup_printf ("%u/%u", completed, total - tally->n[PAR_TASK_STATUS_CANCELLED]);
  g_autofree char *percent_text = g_strdup_printf ("%u%%", percent);

  set_row_id (row, tally->unit_id);
  gtk_label_set_text (GTK_LABEL (part (row, 0)), name);
  gtk_label_set_text (GTK_LABEL (part (row, 1)), count);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (part (row, 2)), percent / 100.0);
  gtk_label_set_text (GTK_LABEL (part (row, 3)), percent_text);
}

/* A task line shows its whole title as its tooltip, asked for when the
 * pointer rests on it: a tooltip set at each fill asks the display where
 * the pointer is, a round trip for each line. */
static gboolean
query_title_tooltip (GtkWidget  *row,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (part (GTK_LIST_BOX_ROW (row), 1))));
  return TRUE;
}

/* A task's line: "III.3  Số hóa hồ sơ…  15/12/2025" or "…  12 days late". */
static GtkWidget *
make_task_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = new_label (NULL, "dim-label");
  GtkWidget *title = new_label (NULL, NULL);

  gtk_widget_add_css_class (code, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (code), 5);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), new_label (NULL, "numeric"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (query_title_tooltip), NULL);
  return row;
}

static void
fill_task_row (GtkListBoxRow *row,
               ParTask       *task,
               const GDate   *as_of,
               gboolean       overdue)
{
  GtkWidget *when_label = part (row, 2);
  g_autofree char *when = NULL;
  GDate deadline;

  par_task_get_deadline (task, &deadline);
  if (overdue)
    {
      guint days = (guint) g_date_days_between (&deadline, as_of);

      /* Translators: how long ago an overdue task's deadline passed */
      when = g_strdup_printf (ngettext ("%u day late", "%u days late", days), days);
    }
  else
    when = par_format_gdate (&deadline);
  set_row_id (row, par_task_get_id (task));
  gtk_label_set_text (GTK_LABEL (part (row, 0)), par_task_get_code (task));
  gtk_label_set_text (GTK_LABEL (part (row, 1)), par_task_get_title (task));
  gtk_label_set_text (GTK_LABEL (when_label), when);
  if (overdue)
    gtk_widget_add_css_class (when_label, "error");
}

/* The first MAX_TASK_LINES of @tasks into @list, and how many more there are into @more. */
static void
show_tasks (GtkListBox  *list,
            GtkLabel    *more,
            GPtrArray   *tasks,
            const GDate *as_of,
            gboolean     overdue)
{
  guint n = MIN (tasks->len, MAX_TASK_LINES);
  guint i = 0;

  keep_rows (list, n, make_task_row);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL && i < n;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      fill_task_row (GTK_LIST_BOX_ROW (row), g_ptr_array_index (tasks, i++), as_of, overdue);
  gtk_widget_set_visible (GTK_WIDGET (more), tasks->len > n);
  if (tasks->len > n)
    {
      guint rest = tasks->len - n;
      /* Translators: under a list in the plan's header that shows only its first lines */
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more", rest), rest);

      gtk_label_set_text (more, text);
    }
}

static void
show_units (ParPlanSummary *self,
            GPtrArray      *tallies,
            GHashTable     *unit_names)
{
  guint i = 0;

  keep_rows (self->unit_list, tallies->len, make_unit_row);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row != NULL && i < tallies->len;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        ParUnitTally *tally = g_ptr_array_index (tallies, i++);
        const char *name = unit_names != NULL ? g_hash_table_lookup (unit_names, &tally->unit_id) : NULL;

        fill_unit_row (GTK_LIST_BOX_ROW (row), tally, name != NULL ? name : tally->unit_code);
      }
}

/* Sums up @tasks as of @as_of; @unit_names maps a unit's id (gint64) to
 * its name. */
void
par_plan_summary_set_tasks (ParPlanSummary *self,
                            GPtrArray      *tasks,
                            const GDate    *as_of,
                            GHashTable     *unit_names)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) tallies = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *overdue_title = NULL;
  g_autofree char *due_title = NULL;

  g_return_if_fail (PAR_IS_PLAN_SUMMARY (self));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  if (tasks == NULL)
    tasks = none;
  tallies = par_plan_tally_by_lead_unit (tasks, as_of);
  overdue = par_plan_tasks_overdue (tasks, as_of);
  due = par_plan_tasks_due_within (tasks, as_of, PAR_PLAN_SUMMARY_DAYS_AHEAD);
  show_units (self, tallies, unit_names);
  show_tasks (self->overdue_list, self->overdue_more, overdue, as_of, TRUE);
  show_tasks (self->due_list, self->due_more, due, as_of, FALSE);

  /* Translators: the heading of the plan header's list of overdue tasks */
  overdue_title = g_strdup_printf (_("Overdue (%u)"), overdue->len);
  gtk_label_set_text (self->overdue_heading, overdue_title);
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_overdue_button), overdue->len > 0);
  /* Translators: the heading of the plan header's list of tasks due soon; the number of tasks */
  due_title = g_strdup_printf (_("Due in the Next 30 Days (%u)"), due->len);
  gtk_label_set_text (self->due_heading, due_title);
}

static void
unit_row_activated (ParPlanSummary *self,
                    GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (id != NULL)
    g_signal_emit (self, signals[UNIT_ACTIVATED], 0, *id);
}

static void
task_row_activated (ParPlanSummary *self,
                    GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (id != NULL)
    g_signal_emit (self, signals[TASK_ACTIVATED], 0, *id);
}

static void
show_overdue_clicked (ParPlanSummary *self)
{
  g_signal_emit (self, signals[OVERDUE_ACTIVATED], 0);
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = new_label (text, "dim-label");

  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (list, label);
}

static void
par_plan_summary_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PAR_TYPE_PLAN_SUMMARY);

  G_OBJECT_CLASS (par_plan_summary_parent_class)->dispose (object);
}

static void
par_plan_summary_class_init (ParPlanSummaryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = par_plan_summary_dispose;

  /* A unit line was clicked: its id. */
  signals[UNIT_ACTIVATED] = g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A task line was clicked: the task's id. */
  signals[TASK_ACTIVATED] = g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The user asked for all the overdue tasks. */
  signals[OVERDUE_ACTIVATED] = g_signal_new ("overdue-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/plan/par-plan-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, unit_list);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, overdue_heading);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, show_overdue_button);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, due_heading);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, due_list);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, overdue_more);
  gtk_widget_class_bind_template_child (widget_class, ParPlanSummary, due_more);
  gtk_widget_class_bind_template_callback (widget_class, unit_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, task_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, show_overdue_clicked);
}

static void
par_plan_summary_init (ParPlanSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_placeholder (self->unit_list, _("No task has a lead unit yet."));
  set_placeholder (self->overdue_list, _("No task is overdue."));
  set_placeholder (self->due_list, _("No deadline falls in the next 30 days."));
}
