/* main.c: par-desk, the PAR Desk desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-application.h"
#include "par-core.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ParApplication) app = NULL;

  par_i18n_init ();
  app = par_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
