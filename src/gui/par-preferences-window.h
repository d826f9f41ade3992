/* par-preferences-window.h: the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PAR_TYPE_PREFERENCES_WINDOW (par_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ParPreferencesWindow, par_preferences_window, PAR, PREFERENCES_WINDOW, AdwPreferencesWindow)

ParPreferencesWindow *par_preferences_window_new (GtkWindow *parent,
                                                  GSettings *settings);
/* The page of the open file's public holidays, or NULL if no file is open. */
AdwPreferencesPage   *par_preferences_window_get_holidays_page (ParPreferencesWindow *self);
AdwPreferencesPage   *par_preferences_window_get_trust_page    (ParPreferencesWindow *self);

G_END_DECLS
