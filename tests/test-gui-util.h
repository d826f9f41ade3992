/* test-gui-util.h: driving real PAR Desk windows in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-application.h"
#include "par-window.h"

G_BEGIN_DECLS

/* A ceiling only: a wait ends as soon as what it waits for is there, so a
 * slow machine has time and a quick one does not wait. */
#define TEST_GUI_TIMEOUT_MS 20000

ParApplication *test_gui_init                  (int              *argc,
                                                char           ***argv);
ParWindow      *test_gui_open_window           (ParApplication   *app,
                                                const char       *path);
void            test_gui_destroy_window        (GtkWindow        *window);
void            test_gui_close_window_and_dir  (ParWindow        *window,
                                                const char       *dir);
void            test_gui_iterate               (guint             milliseconds);
gboolean        test_gui_wait_for              (gboolean        (*condition) (gpointer),
                                                gpointer          data,
                                                guint             timeout_ms);
GtkWindow      *test_gui_wait_for_window       (GType             type);
void            test_gui_wait_for_no_window    (GType             type);
void            test_gui_wait_for_drawn        (GtkWidget        *widget);
void            test_gui_wait_for_settled      (GtkWidget        *widget);
void            test_gui_wait_for_n_items      (GListModel       *model,
                                                guint             n_items);
void            test_gui_wait_for_text         (GtkWidget        *root,
                                                const char       *text);
void            test_gui_wait_for_string       (gpointer          object,
                                                const char       *property,
                                                const char       *value);
GtkWindow      *test_gui_wait_for_file_chooser (void);
void            test_gui_wait_for_chosen       (GtkWindow        *chooser,
                                                const char       *path);
GtkWidget      *test_gui_find_by_id            (GtkWidget        *root,
                                                const char       *buildable_id);
GtkWidget      *test_gui_find                  (gpointer          root,
                                                const char       *buildable_id);
typedef gboolean (*TestGuiWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

GtkWidget      *test_gui_find_where            (GtkWidget        *root,
                                                TestGuiWidgetMatch matches,
                                                gconstpointer     data);
GtkWidget      *test_gui_find_named            (GtkWidget        *root,
                                                const char       *name);
GtkWindow      *test_gui_find_window           (GType             type);
GtkWidget      *test_gui_find_icon_button      (GtkWidget        *root,
                                                const char       *icon_name);
void            test_gui_press_closing         (GtkWindow        *dialog,
                                                const char       *button_id);
void            test_gui_close_dialogs         (void);
void            test_gui_respond               (GtkWindow        *dialog,
                                                const char       *response);
void            test_gui_collect_text          (GtkWidget        *root,
                                                GPtrArray        *texts);
gboolean        test_gui_shows_text            (GtkWidget        *root,
                                                const char       *text);
gboolean        test_gui_save_png              (GtkWidget        *widget,
                                                const char       *path);

GtkDropTarget *test_gui_drop_target_of (GtkWidget *widget);
gboolean       test_gui_drop_files     (GtkWidget *widget,
                                        double     x,
                                        double     y,
                                        GPtrArray *paths);

typedef gboolean (*TestGuiItemMatch) (gpointer      item,
                                      gconstpointer data);
GtkWidget     *test_gui_tree_row_widget (GtkWidget        *column_view,
                                         TestGuiItemMatch  match,
                                         gconstpointer     data);

G_END_DECLS
