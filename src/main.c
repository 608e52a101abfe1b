/* main.c: a command word runs the command line; anything else the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "concordat-application.h"
#include "concordat-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConcordatApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (concordat_cli_handles (argc, argv))
    return concordat_cli_run (argc, argv);

  app = concordat_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
