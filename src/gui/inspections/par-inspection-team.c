/* par-inspection-team.c: the team of an inspection, chosen from the directory's staff, with their roles
 *
 * One row a seat: the person (a list searched by typing, every unit's
 * staff with their position and unit), the role, and a button that takes
 * the seat away. A new row starts with nobody chosen, so that nobody is put
 * on a team by accident; such rows are left out of the team. Every change
 * is told by "changed", on which the dialog checks the clashes again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-inspection-team.h"

#define STAFF_KEY "par-staff-dropdown"
#define ROLE_KEY "par-role-dropdown"

struct _ParInspectionTeam
{
  GtkBox         parent_instance;

  GPtrArray     *staff;    /* ParStaffEntry, in the order of the person lists after their first entry */
  GtkStringList *names;    /* "Choose a person", then one label a staff member */
  GtkStringList *roles;    /* in the order of ParTeamRole */
  GtkListBox    *list;
  GtkButton     *add_button;
};

G_DEFINE_FINAL_TYPE (ParInspectionTeam, par_inspection_team, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (ParInspectionTeam *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The staff member a row's person list shows, or 0. */
static gint64
row_staff_id (ParInspectionTeam *self,
              GtkWidget         *row)
{
  GtkDropDown *staff = g_object_get_data (G_OBJECT (row), STAFF_KEY);
  guint selected = gtk_drop_down_get_selected (staff);

  if (selected == 0 || selected > self->staff->len)
    return 0;
  return ((ParStaffEntry *) g_ptr_array_index (self->staff, selected - 1))->id;
}

static void
remove_row (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  ParInspectionTeam *self = PAR_INSPECTION_TEAM (gtk_widget_get_ancestor (row, PAR_TYPE_INSPECTION_TEAM));

  gtk_list_box_remove (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
  emit_changed (self);
}

static GtkWidget *
new_dropdown (GListModel *model,
              const char *accessible_label,
              gboolean    searchable)
{
  g_autoptr(GtkExpression) string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (model), NULL);

  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), string);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), searchable);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  /* Plain text in the row until pointed at, as the rows of a boxed list are. */
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return dropdown;
}

/* Sets a row (from par_inspection_team_add_row()) to @staff_id, as @role;
 * FALSE if the directory has no such person. */
gboolean
par_inspection_team_select (GtkWidget   *row,
                            gint64       staff_id,
                            ParTeamRole  role)
{
  ParInspectionTeam *self = PAR_INSPECTION_TEAM (gtk_widget_get_ancestor (row, PAR_TYPE_INSPECTION_TEAM));
  GtkDropDown *staff = g_object_get_data (G_OBJECT (row), STAFF_KEY);
  GtkDropDown *roles = g_object_get_data (G_OBJECT (row), ROLE_KEY);

  g_return_val_if_fail (role < PAR_N_TEAM_ROLES, FALSE);
  gtk_drop_down_set_selected (roles, role);
  for (guint i = 0; i < self->staff->len; i++)
    if (((ParStaffEntry *) g_ptr_array_index (self->staff, i))->id == staff_id)
      {
        gtk_drop_down_set_selected (staff, i + 1);
        return TRUE;
      }
  return FALSE;
}

/* Adds a seat, with @staff_id 0 nobody chosen yet: the new row. */
GtkWidget *
par_inspection_team_add_row (ParInspectionTeam *self,
                             gint64             staff_id,
                             ParTeamRole        role)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *staff = new_dropdown (G_LIST_MODEL (self->names), _("Person"), TRUE);
  GtkWidget *roles = new_dropdown (G_LIST_MODEL (self->roles), _("Role in the team"), FALSE);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_val_if_fail (self->staff != NULL, NULL);

  gtk_widget_set_hexpand (staff, TRUE);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove from the Team"));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), staff);
  gtk_box_append (GTK_BOX (box), roles);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), STAFF_KEY, staff);
  g_object_set_data (G_OBJECT (row), ROLE_KEY, roles);
  gtk_list_box_append (self->list, row);
  par_inspection_team_select (row, staff_id, role);
  g_signal_connect_object (staff, "notify::selected", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (roles, "notify::selected", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row), NULL);
  emit_changed (self);
  return row;
}

static gboolean
has_role (ParInspectionTeam *self,
          ParTeamRole        role)
{
  g_autoptr(GArray) seats = par_inspection_team_get_seats (self);

  for (guint i = 0; i < seats->len; i++)
    if (g_array_index (seats, ParTeamSeat, i).role == role)
      return TRUE;
  return FALSE;
}

/* The first seat leads the team, the others are members; the person list
 * takes the focus, ready for typing a name. */
static void
add_clicked (ParInspectionTeam *self)
{
  gboolean led = has_role (self, PAR_TEAM_ROLE_LEADER);
  GtkWidget *row = par_inspection_team_add_row (self, 0, led ? PAR_TEAM_ROLE_MEMBER : PAR_TEAM_ROLE_LEADER);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), STAFF_KEY));
}

/* Reads the directory's staff; call once, before anything else. */
gboolean
par_inspection_team_load (ParInspectionTeam  *self,
                          ParDatabase        *db,
                          GError            **error)
{
  g_return_val_if_fail (PAR_IS_INSPECTION_TEAM (self), FALSE);

  self->staff = par_directory_list_staff_entries (db, 0, error);
  if (self->staff == NULL)
    {
      self->staff = g_ptr_array_new ();
      return FALSE;
    }
  for (guint i = 0; i < self->staff->len; i++)
    {
      ParStaffEntry *entry = g_ptr_array_index (self->staff, i);
      g_autofree char *label = NULL;

      /* The position and unit tell two people of the same name apart. */
      if (entry->position != NULL && *entry->position != '\0')
        label = g_strdup_printf ("%s — %s, %s", entry->name, entry->position, entry->unit_code);
      else
        label = g_strdup_printf ("%s — %s", entry->name, entry->unit_code);
      gtk_string_list_append (self->names, label);
    }
  return TRUE;
}

/* Shows a saved team: a GPtrArray of ParTeamMember. */
void
par_inspection_team_set_team (ParInspectionTeam *self,
                              GPtrArray         *members)
{
  GtkListBoxRow *row;

  g_return_if_fail (PAR_IS_INSPECTION_TEAM (self));

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  for (guint i = 0; i < members->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (members, i);

      par_inspection_team_add_row (self, member->staff_id, member->role);
    }
}

/* The seats with a person chosen, top to bottom: a GArray of ParTeamSeat. */
GArray *
par_inspection_team_get_seats (ParInspectionTeam *self)
{
  GArray *seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  GtkListBoxRow *row;

  g_return_val_if_fail (PAR_IS_INSPECTION_TEAM (self), seats);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      ParTeamSeat seat;

      if ((seat.staff_id = row_staff_id (self, GTK_WIDGET (row))) == 0)
        continue;
      seat.role = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), ROLE_KEY));
      g_array_append_val (seats, seat);
    }
  return seats;
}

/* A staff member's name, or NULL if the directory has no such person. */
const char *
par_inspection_team_get_name (ParInspectionTeam *self,
                              gint64             staff_id)
{
  g_return_val_if_fail (PAR_IS_INSPECTION_TEAM (self), NULL);

  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      ParStaffEntry *entry = g_ptr_array_index (self->staff, i);

      if (entry->id == staff_id)
        return entry->name;
    }
  return NULL;
}

static void
par_inspection_team_dispose (GObject *object)
{
  ParInspectionTeam *self = PAR_INSPECTION_TEAM (object);

  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->roles);

  G_OBJECT_CLASS (par_inspection_team_parent_class)->dispose (object);
}

static void
par_inspection_team_class_init (ParInspectionTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = par_inspection_team_dispose;

  /**
   * ParInspectionTeam::changed:
   *
   * A seat was added, removed, or given another person or role.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
}

static void
par_inspection_team_init (ParInspectionTeam *self)
{
  GtkWidget *placeholder = gtk_label_new (_("Nobody is on the team yet."));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Member"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->names, _("Choose a person…"));
  self->roles = gtk_string_list_new (NULL);
  for (guint i = 0; i < PAR_N_TEAM_ROLES; i++)
    gtk_string_list_append (self->roles, par_team_role_get_label (i));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  self->add_button = GTK_BUTTON (add);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), add);
}
