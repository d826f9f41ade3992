/* par-holidays-page.c: the Preferences page of a year's public holidays
 *
 * The year's table as the CLI's `holiday list` gives it, one row a day
 * with its weekday, date and kind; "Add a Day…" for a day the Government
 * announces, a button on each row to make the day a working day again
 * (with Undo). A year's table takes well under a millisecond to work out
 * (a few dozen new moons and one query), so it is built on the spot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-holiday-dialog.h"
#include "par-holidays-page.h"

struct _ParHolidaysPage
{
  AdwPreferencesPage  parent_instance;

  ParDatabase        *db;

  /* template children */
  AdwPreferencesGroup *group;
  GtkSpinButton       *year_spin;
  GtkListBox          *list;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ParHolidaysPage, par_holidays_page, ADW_TYPE_PREFERENCES_PAGE)

/* A removal the toast can take back. */
typedef struct
{
  ParHolidaysPage *page;
  GDate            date;
  ParHolidayKind   kind;
  char            *name;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->page);
  g_free (removal->name);
  g_free (removal);
}

static const char * const weekdays[] = {
  NULL, NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"), NC_("weekday", "Sunday"),
};

/* "Monday, 27/04/2026", and "· added" for a day added: the date as the interface writes dates. */
static char *
describe_day (const ParHoliday *holiday)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (&holiday->date),
                                                     g_date_get_month (&holiday->date),
                                                     g_date_get_day (&holiday->date), 0, 0, 0);
  g_autofree char *date = par_format_date (when);
  const char *weekday = g_dpgettext2 (NULL, "weekday", weekdays[g_date_get_weekday (&holiday->date)]);

  if (holiday->kind == PAR_HOLIDAY_ADDED)
    return g_strdup_printf (_("%s, %s · added"), weekday, date);
  /* the name is the kind's, unless a file says otherwise */
  if (g_strcmp0 (holiday->name, par_holiday_kind_get_label (holiday->kind)) == 0)
    return g_strdup_printf ("%s, %s", weekday, date);
  return g_strdup_printf ("%s, %s · %s", weekday, date, par_holiday_kind_get_label (holiday->kind));
}

static void show_toast (ParHolidaysPage *self, Removal *removal);
static void reload (ParHolidaysPage *self);

static void
remove_clicked (GtkButton *button,
                gpointer   user_data)
{
  ParHolidaysPage *self = user_data;
  ParHoliday *holiday = g_object_get_data (G_OBJECT (button), "holiday");
  g_autoptr(GError) error = NULL;
  Removal *removal;

  if (!par_holidays_remove (self->db, &holiday->date, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (self);
  removal->date = holiday->date;
  removal->kind = holiday->kind;
  removal->name = g_strdup (holiday->name);
  show_toast (self, removal);
  reload (self);
}

static GtkWidget *
make_row (ParHolidaysPage *self,
          ParHoliday      *holiday)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe_day (holiday);
  g_autofree char *label = g_strdup_printf (_("Make %s a working day"), subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), holiday->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Make a Working Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "holiday", holiday, (GDestroyNotify) par_holiday_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  if (holiday->kind == PAR_HOLIDAY_ADDED)
    gtk_widget_add_css_class (row, "holiday-added");
  return row;
}

static void
reload (ParHolidaysPage *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  days = par_holidays_list (self->db, year, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), days == NULL);
  if (days == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  /* the rows own the days from here */
  g_ptr_array_set_free_func (days, NULL);
  for (guint i = 0; i < days->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (days, i)));
}

static void
undo_clicked (AdwToast *toast,
              gpointer  user_data)
{
  Removal *removal = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* a day added comes back with its name; a law day as the law has it */
  if (removal->kind == PAR_HOLIDAY_ADDED)
    ok = par_holidays_add (removal->page->db, &removal->date, removal->name, &error);
  else
    ok = par_holidays_restore (removal->page->db, &removal->date, &error);
  if (!ok)
    {
      gtk_label_set_text (removal->page->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (removal->page->error_label), TRUE);
    }
  reload (removal->page);
}

static void
show_toast (ParHolidaysPage *self,
            Removal         *removal)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = g_strdup_printf (_("“%s” is a working day again"), removal->name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
dialog_saved (ParHolidaysPage *self)
{
  reload (self);
}

static void
add_clicked (ParHolidaysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ParHolidayDialog *dialog;

  dialog = par_holiday_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                                   gtk_spin_button_get_value_as_int (self->year_spin));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
year_changed (ParHolidaysPage *self)
{
  reload (self);
}

void
par_holidays_page_set_year (ParHolidaysPage *self,
                            int              year)
{
  g_return_if_fail (PAR_IS_HOLIDAYS_PAGE (self));

  gtk_spin_button_set_value (self->year_spin, CLAMP (year, PAR_HOLIDAYS_FIRST_YEAR, PAR_HOLIDAYS_LAST_YEAR));
  reload (self);
}

int
par_holidays_page_get_year (ParHolidaysPage *self)
{
  g_return_val_if_fail (PAR_IS_HOLIDAYS_PAGE (self), 0);

  return gtk_spin_button_get_value_as_int (self->year_spin);
}

/* The page opens on this year's table. */
ParHolidaysPage *
par_holidays_page_new (ParDatabase *db)
{
  ParHolidaysPage *self;
  GDate today;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_HOLIDAYS_PAGE, NULL);
  self->db = g_object_ref (db);
  par_plan_today (&today);
  par_holidays_page_set_year (self, g_date_get_year (&today));
  return self;
}

static void
par_holidays_page_dispose (GObject *object)
{
  ParHolidaysPage *self = PAR_HOLIDAYS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_HOLIDAYS_PAGE);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (par_holidays_page_parent_class)->dispose (object);
}

static void
par_holidays_page_class_init (ParHolidaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_holidays_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/calendar/par-holidays-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParHolidaysPage, group);
  gtk_widget_class_bind_template_child (widget_class, ParHolidaysPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ParHolidaysPage, list);
  gtk_widget_class_bind_template_child (widget_class, ParHolidaysPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, year_changed);
}

static void
par_holidays_page_init (ParHolidaysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
