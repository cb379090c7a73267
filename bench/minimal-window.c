/* The baseline for bench/startup.py: the smallest libadwaita application with a window,
 * built by that script with `cc $(pkg-config --cflags --libs libadwaita-1)`.
 * Untrain's time to map and peak RSS are compared against this program's. */

#include <adwaita.h>

static void
activate_cb (GApplication *application,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Minimal");

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  AdwApplication *application = adw_application_new ("io.github.untrain.BenchMinimal",
                                                     G_APPLICATION_DEFAULT_FLAGS);
  int status;

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (application), argc, argv);
  g_object_unref (application);
  return status;
}
