/* par-inspections-month.c: a month of inspections as a calendar: weeks from Monday, bars across days
 *
 * Weeks start on Monday, as Vietnamese calendars do. Each day is a cell,
 * shaded on weekends and public holidays (named: Tết, the National Day…),
 * marked today; each inspection is a bar across its days in the week, in a
 * lane of its own, with its unit's name; a cancelled one is struck through.
 * The grid is built again whenever the month or the file changes: a month
 * holds a few dozen widgets, and rebuilding keeps the lanes simple.
 *
 * A click on a bar selects its inspection, a double click or Enter asks
 * to edit it; a double click on a day asks to add an inspection there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-inspection-item.h"
#include "par-inspections-month.h"

/* Rows of bars a week keeps even when empty, so weeks look alike. */
#define MIN_LANES 2
#define N_COLORS 6

struct _ParInspectionsMonth
{
  AdwBin      parent_instance;

  GtkGrid    *grid;
  GPtrArray  *bars;     /* the GtkButtons, owned by the grid */
  GPtrArray  *days;     /* a cell per day shown, Monday of the first week first */
  GDate       first;    /* the first day shown */
};

G_DEFINE_FINAL_TYPE (ParInspectionsMonth, par_inspections_month, ADW_TYPE_BIN)

enum {
  INSPECTION_SELECTED,
  INSPECTION_ACTIVATED,
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
bar_id (GtkWidget *bar)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (bar), "inspection-id"));
}

static void
bar_clicked (GtkButton           *bar,
             ParInspectionsMonth *self)
{
  g_signal_emit (self, signals[INSPECTION_SELECTED], 0, bar_id (GTK_WIDGET (bar)));
}

static void
bar_pressed (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             gpointer         user_data)
{
  ParInspectionsMonth *self = PAR_INSPECTIONS_MONTH (user_data);
  GtkWidget *bar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (n_press == 2)
    g_signal_emit (self, signals[INSPECTION_ACTIVATED], 0, bar_id (bar));
}

/* Enter on a bar edits, as in the list; Space selects, as a button does. */
static gboolean
bar_key_pressed (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 gpointer               user_data)
{
  ParInspectionsMonth *self = PAR_INSPECTIONS_MONTH (user_data);
  GtkWidget *bar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  g_signal_emit (self, signals[INSPECTION_SELECTED], 0, bar_id (bar));
  g_signal_emit (self, signals[INSPECTION_ACTIVATED], 0, bar_id (bar));
  return TRUE;
}

static void
day_pressed (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             gpointer         user_data)
{
  ParInspectionsMonth *self = PAR_INSPECTIONS_MONTH (user_data);
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GDate day;

  if (n_press != 2)
    return;
  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "julian")));
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, &day);
}

static void
clear_grid (ParInspectionsMonth *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->bars, 0);
  g_ptr_array_set_size (self->days, 0);
}

static void
add_weekday_names (ParInspectionsMonth *self)
{
  /* Translators: the calendar's column headings, Monday first */
  const char *names[] = { NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
                          NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun") };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *label = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[i]));

      gtk_widget_add_css_class (label, "month-weekday");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }
}

/* The cell of @day: its number, the holiday's name if any, the shading. */
static GtkWidget *
day_cell (ParInspectionsMonth *self,
          const GDate         *day,
          const GDate         *month,
          ParHolidayCalendar  *holidays,
          const GDate         *today)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (day));
  GtkWidget *number_label = gtk_label_new (number);
  GtkGesture *click = gtk_gesture_click_new ();
  const char *holiday = NULL;
  gboolean working = TRUE;

  gtk_widget_add_css_class (cell, "month-day");
  gtk_widget_set_vexpand (cell, TRUE);
  if (g_date_get_weekday (day) >= G_DATE_SATURDAY)
    gtk_widget_add_css_class (cell, "weekend");
  if (g_date_get_month (day) != g_date_get_month (month))
    gtk_widget_add_css_class (cell, "other-month");
  /* A year out of the table's range has no holidays to show: not an error. */
  if (holidays != NULL && !par_holiday_calendar_check (holidays, day, &working, &holiday, NULL))
    holiday = NULL;
  gtk_widget_add_css_class (number_label, "month-day-number");
  gtk_box_append (GTK_BOX (header), number_label);
  if (holiday != NULL)
    {
      GtkWidget *name = gtk_label_new (holiday);

      gtk_widget_add_css_class (cell, "holiday");
      gtk_widget_add_css_class (name, "month-holiday");
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (cell, holiday);
      gtk_box_append (GTK_BOX (header), name);
    }
  if (g_date_compare (day, today) == 0)
    {
      gtk_widget_add_css_class (cell, "today");
      gtk_widget_set_tooltip_text (number_label, _("Today"));
    }
  gtk_box_append (GTK_BOX (cell), header);
  g_object_set_data (G_OBJECT (cell), "julian", GUINT_TO_POINTER (g_date_get_julian (day)));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (day_pressed), self, 0);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
  return cell;
}

static char *
bar_tooltip (const ParInspection *inspection,
             const char          *leader)
{
  g_autofree char *days = par_inspection_format_days (inspection);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n%s", inspection->unit_name, inspection->title, days);
  if (leader != NULL && *leader != '\0')
    /* Translators: in a tooltip: the team leader's name */
    g_string_append_printf (text, "\n%s %s", _("Team leader:"), leader);
  if (inspection->cancelled)
    g_string_append_printf (text, "\n%s", C_("inspection state", "Cancelled"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
new_bar (ParInspectionsMonth *self,
         ParInspectionItem   *item,
         guint                first_julian,
         guint                last_julian)
{
  ParInspection *inspection = par_inspection_item_get_inspection (item);
  GtkWidget *bar = gtk_button_new_with_label (inspection->unit_name);
  g_autofree char *color = g_strdup_printf ("inspection-color-%d", (int) (inspection->id % N_COLORS));
  g_autofree char *tooltip = bar_tooltip (inspection, par_inspection_item_get_leader (item));
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_add_css_class (bar, "inspection-bar");
  gtk_widget_add_css_class (bar, color);
  if (inspection->cancelled)
    gtk_widget_add_css_class (bar, "cancelled");
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (bar))), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (bar))), 0);
  gtk_widget_set_tooltip_text (bar, tooltip);
  gtk_widget_set_valign (bar, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (bar), "inspection-id", GSIZE_TO_POINTER ((gsize) inspection->id));
  g_object_set_data (G_OBJECT (bar), "first", GUINT_TO_POINTER (first_julian));
  g_object_set_data (G_OBJECT (bar), "last", GUINT_TO_POINTER (last_julian));
  g_signal_connect_object (bar, "clicked", G_CALLBACK (bar_clicked), self, 0);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  /* Before the button's own gesture, which claims the presses. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (bar_pressed), self, 0);
  gtk_widget_add_controller (bar, GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (bar_key_pressed), self, 0);
  gtk_widget_add_controller (bar, keys);
  g_ptr_array_add (self->bars, bar);
  return bar;
}

typedef struct
{
  guint index;   /* in the model */
  guint first;   /* the days of the week it covers, as Julian days */
  guint last;
  guint lane;
} Placement;

/* Lays the bars of the week from @monday out in lanes: each bar in the
 * first lane free on its days. Returns the Placements; @n_lanes the lanes used. */
static GArray *
place_week (GListModel *inspections,
            guint       monday,
            guint      *n_lanes)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, TRUE, sizeof (guint));   /* the last day taken, per lane */
  GArray *placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  guint n = g_list_model_get_n_items (inspections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParInspectionItem) item = g_list_model_get_item (inspections, i);
      ParInspection *inspection = par_inspection_item_get_inspection (item);
      Placement place = { i, 0, 0, 0 };

      if (!g_date_valid (&inspection->first) || !g_date_valid (&inspection->last))
        continue;
      place.first = MAX (g_date_get_julian (&inspection->first), monday);
      place.last = MIN (g_date_get_julian (&inspection->last), monday + 6);
      if (place.first > place.last)
        continue;
      for (place.lane = 0; place.lane < lane_ends->len; place.lane++)
        if (g_array_index (lane_ends, guint, place.lane) < place.first)
          break;
      if (place.lane == lane_ends->len)
        g_array_set_size (lane_ends, place.lane + 1);
      g_array_index (lane_ends, guint, place.lane) = place.last;
      g_array_append_val (placements, place);
    }
  *n_lanes = lane_ends->len;
  return placements;
}

/* The week from @monday at @row: its cells, then its bars over them.
 * Returns the rows it takes. */
static int
add_week (ParInspectionsMonth *self,
          guint                monday,
          int                  row,
          const GDate         *month,
          GListModel          *inspections,
          ParHolidayCalendar  *holidays,
          const GDate         *today)
{
  guint lanes;
  g_autoptr(GArray) placements = place_week (inspections, monday, &lanes);

  lanes = MAX (lanes, MIN_LANES);
  for (guint d = 0; d < 7; d++)
    {
      GtkWidget *cell;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, monday + d);
      cell = day_cell (self, &day, month, holidays, today);
      g_ptr_array_add (self->days, cell);
      /* A row under the bars too, so the last lane is not on the cell's edge. */
      gtk_grid_attach (self->grid, cell, d, row, 1, lanes + 2);
    }
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *place = &g_array_index (placements, Placement, i);
      g_autoptr(ParInspectionItem) item = g_list_model_get_item (inspections, place->index);

      gtk_grid_attach (self->grid, new_bar (self, item, place->first, place->last), place->first - monday,
                       row + 1 + place->lane, place->last - place->first + 1, 1);
    }
  return lanes + 2;
}

/* Shows the weeks of @month (any day of it): the inspections of
 * @inspections (ParInspectionItem) on their days, the days of @holidays
 * shaded and named, @today marked, @selected_id (or 0) highlighted. */
void
par_inspections_month_show (ParInspectionsMonth *self,
                            const GDate         *month,
                            GListModel          *inspections,
                            ParHolidayCalendar  *holidays,
                            const GDate         *today,
                            gint64               selected_id)
{
  GDate first = *month, end = *month;
  int row = 1;

  g_return_if_fail (PAR_IS_INSPECTIONS_MONTH (self));

  clear_grid (self);
  add_weekday_names (self);
  g_date_set_day (&first, 1);
  g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&first), g_date_get_year (&first)));
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  self->first = first;
  for (guint monday = g_date_get_julian (&first); monday <= g_date_get_julian (&end); monday += 7)
    row += add_week (self, monday, row, month, inspections, holidays, today);
  par_inspections_month_set_selected (self, selected_id);
}

/* Highlights the bars of @inspection_id (0: none). */
void
par_inspections_month_set_selected (ParInspectionsMonth *self,
                                    gint64               inspection_id)
{
  g_return_if_fail (PAR_IS_INSPECTIONS_MONTH (self));

  for (guint i = 0; i < self->bars->len; i++)
    {
      GtkWidget *bar = g_ptr_array_index (self->bars, i);

      if (inspection_id != 0 && bar_id (bar) == inspection_id)
        gtk_widget_add_css_class (bar, "selected");
      else
        gtk_widget_remove_css_class (bar, "selected");
    }
}

/* The bar of @inspection_id that covers @day, or NULL: what a test clicks. */
GtkWidget *
par_inspections_month_get_bar (ParInspectionsMonth *self,
                               gint64               inspection_id,
                               const GDate         *day)
{
  guint julian;

  g_return_val_if_fail (PAR_IS_INSPECTIONS_MONTH (self), NULL);

  julian = g_date_get_julian (day);
  for (guint i = 0; i < self->bars->len; i++)
    {
      GtkWidget *bar = g_ptr_array_index (self->bars, i);

      if (bar_id (bar) == inspection_id
          && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (bar), "first")) <= julian
          && julian <= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (bar), "last")))
        return bar;
    }
  return NULL;
}

/* The cell of @day, or NULL if the month shown does not show it. */
GtkWidget *
par_inspections_month_get_day (ParInspectionsMonth *self,
                               const GDate         *day)
{
  gint64 index;

  g_return_val_if_fail (PAR_IS_INSPECTIONS_MONTH (self), NULL);

  index = (gint64) g_date_get_julian (day) - (gint64) g_date_get_julian (&self->first);
  if (index < 0 || index >= self->days->len)
    return NULL;
  return g_ptr_array_index (self->days, index);
}

static void
par_inspections_month_dispose (GObject *object)
{
  ParInspectionsMonth *self = PAR_INSPECTIONS_MONTH (object);

  g_clear_pointer (&self->bars, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (par_inspections_month_parent_class)->dispose (object);
}

static void
par_inspections_month_class_init (ParInspectionsMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_inspections_month_dispose;

  /**
   * ParInspectionsMonth::inspection-selected:
   * @inspection_id: the inspection of the bar clicked
   */
  signals[INSPECTION_SELECTED] = g_signal_new ("inspection-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * ParInspectionsMonth::inspection-activated:
   * @inspection_id: the inspection of the bar double-clicked or entered
   */
  signals[INSPECTION_ACTIVATED] = g_signal_new ("inspection-activated", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                G_TYPE_INT64);
  /**
   * ParInspectionsMonth::day-activated:
   * @day: (type GDate): the day double-clicked
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);
  gtk_widget_class_set_css_name (widget_class, "inspections-month");
}

static void
par_inspections_month_init (ParInspectionsMonth *self)
{
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_homogeneous (self->grid, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "inspections-month");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->grid));
  self->bars = g_ptr_array_new ();
  self->days = g_ptr_array_new ();
  g_date_clear (&self->first, 1);
}
