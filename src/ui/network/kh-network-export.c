/* kh-network-export.c — the network map saved as PDF or PNG (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn by the same code as the map on screen and in the client plan
 * letter (kh-ecomap-draw.h), in the client's language, with the legend;
 * written on a worker thread from a copy of the network.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-network-common.h"
#include "kh-network-export.h"

/* A landscape A4 page, in points; the image at about 150 dpi of it. */
#define PDF_WIDTH  842.0
#define PDF_HEIGHT 595.0
#define PNG_WIDTH  1754
#define PNG_HEIGHT 1240
#define PNG_FONT_SIZE 14.0

KhEcomapPicture *
kh_network_export_picture (GPtrArray  *members,
                           const char *client_name,
                           const char *language)
{
  guint n = 0;
  g_autofree KhEcomapEntry *entries = kh_network_ecomap_entries (members, &n);

  return kh_ecomap_picture_new (entries, n, client_name, language);
}

typedef struct {
  KhEcomapPicture       *picture;
  char                  *path;
  KhNetworkExportFormat  format;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  kh_ecomap_picture_free (job->picture);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (job->format == KH_NETWORK_EXPORT_PDF)
    done = kh_ecomap_picture_export_pdf (job->picture, job->path, PDF_WIDTH, PDF_HEIGHT, &error);
  else
    {
      kh_ecomap_picture_set_font_size (job->picture, PNG_FONT_SIZE);
      done = kh_ecomap_picture_export_png (job->picture, job->path, PNG_WIDTH, PNG_HEIGHT, &error);
    }
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
kh_network_export_async (gpointer               source,
                         KhEcomapPicture       *picture,
                         GFile                 *file,
                         KhNetworkExportFormat  format,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_task_set_source_tag (task, kh_network_export_async);
  job->picture = picture;
  job->path = g_file_get_path (file);
  job->format = format;
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: saving the network map to a place that is not a local file */
                               _("The map can only be saved in a folder of this computer."));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
kh_network_export_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- choosing where ---- */

typedef struct {
  AdwToastOverlay       *toasts;     /* weak */
  KhEcomapPicture       *picture;
  KhNetworkExportFormat  format;
  char                  *name;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_weak_pointer (&choice->toasts);
  g_clear_pointer (&choice->picture, kh_ecomap_picture_free);
  g_free (choice->name);
  g_free (choice);
}

static void
exported_cb (GObject      *object G_GNUC_UNUSED,
             GAsyncResult *result,
             gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (kh_network_export_finish (result, &error))
    /* Translators: a toast after the network map was saved; %s is the file's name */
    title = g_strdup_printf (_("Map saved as %s"), choice->name);
  else
    /* Translators: a toast when the network map could not be saved; %s is the reason */
    title = g_strdup_printf (_("The map could not be saved: %s"), error->message);
  if (choice->toasts != NULL)
    adw_toast_overlay_add_toast (choice->toasts, adw_toast_new (title));
  choice_free (choice);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    {
      choice_free (choice);
      return;
    }
  g_free (choice->name);
  choice->name = g_file_get_basename (file);
  kh_network_export_async (NULL, g_steal_pointer (&choice->picture), file, choice->format, NULL, exported_cb, choice);
}

void
kh_network_export_choose (GtkWindow             *parent,
                          AdwToastOverlay       *toasts,
                          KhEcomapPicture       *picture,
                          KhNetworkExportFormat  format,
                          const char            *file_name)
{
  gboolean pdf = format == KH_NETWORK_EXPORT_PDF;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.%s", file_name, pdf ? "pdf" : "png");
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (pdf
                                         /* Translators: the title of the dialog that saves the network map */
                                         ? _("Save the Map as PDF")
                                         /* Translators: the title of the dialog that saves the network map */
                                         : _("Save the Map as an Image"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the kind of file in the dialog that saves the network map */
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  choice->picture = picture;
  choice->format = format;
  choice->name = g_steal_pointer (&name);
  g_set_weak_pointer (&choice->toasts, toasts);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
