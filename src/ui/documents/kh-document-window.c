/* kh-document-window.c — a document's preview, printing and saving (issue 8, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header says what the document is; the pages are a KhDocumentView.
 * Printing goes through GTK's print dialog (KhPrintOperation); Save as
 * PDF through GtkFileChooserNative (GtkFileDialog is GTK 4.10), the write
 * in a thread, all or nothing (G_FILE_SET_CONTENTS_CONSISTENT). The bytes
 * saved and printed are the ones shown: an issued document exactly as it
 * was issued.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kh-print-operation.h"
#include "kh-document-window.h"

struct _KhDocumentWindow
{
  AdwWindow             parent_instance;

  /* children */
  AdwWindowTitle       *window_title;
  AdwHeaderBar         *header;
  AdwToastOverlay      *toasts;
  KhDocumentView       *view;
  GtkMenuButton        *zoom_button;

  /* owned */
  GCancellable         *cancellable;   /* cancelled when the window closes */
  GtkFileChooserNative *chooser;
  KhPrintOperation     *print_operation;
};

G_DEFINE_FINAL_TYPE (KhDocumentWindow, kh_document_window, ADW_TYPE_WINDOW)

static void
show_toast (KhDocumentWindow *self,
            const char       *text)
{
  AdwToast *toast;

  /* A write that ends after the window has closed has nowhere to say so. */
  if (self->toasts == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
update_actions (KhDocumentWindow *self)
{
  gboolean shown = kh_document_view_get_n_pages (self->view) > 0;
  gboolean broken = kh_document_view_get_error (self->view) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print", shown && self->print_operation == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.save-as", !broken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.zoom-in", !broken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.zoom-out", !broken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.zoom", !broken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.fit-width", !broken);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_button), !broken);
}

static void
zoom_changed_cb (KhDocumentWindow *self)
{
  /* Translators: the zoom of a document being viewed, a percentage: "100 %" in fi and sv */
  g_autofree char *label = g_strdup_printf (_("%d%%"), (int) (kh_document_view_get_zoom (self->view) * 100 + 0.5));

  gtk_menu_button_set_label (self->zoom_button, label);
}

/* ---- printing ---- */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               KhDocumentWindow        *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: a toast; %s is why (from the printing system) */
      text = g_strdup_printf (_("The document could not be printed: %s"), error != NULL ? error->message : "");
      show_toast (self, text);
    }
  g_clear_object (&self->print_operation);
  update_actions (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhDocumentWindow *self = KH_DOCUMENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->print_operation != NULL)
    return;
  self->print_operation = kh_print_operation_new (kh_document_view_get_pdf (self->view),
                                                  adw_window_title_get_title (self->window_title), &error);
  if (self->print_operation == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self->print_operation), TRUE);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (print_done_cb), self, 0);
  update_actions (self);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self->print_operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  /* Done at once (an error, or no dialog): "done" has come already or
   * does not come. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->print_operation != NULL)
    print_done_cb (GTK_PRINT_OPERATION (self->print_operation), result, self);
}

/* ---- saving ---- */

typedef struct {
  GBytes *pdf;
  char   *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_bytes_unref (job->pdf);
  g_free (job->path);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (job->pdf, &size);

  if (g_file_set_contents_full (job->path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  KhDocumentWindow *self = KH_DOCUMENT_WINDOW (object);
  g_autoptr(GTask) task = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* Translators: a toast; the first %s is a file name, the second why (from the system) */
      text = g_strdup_printf (_("The document could not be saved as %s: %s"), name, error->message);
      show_toast (self, text);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", text);
      return;
    }
  /* Translators: a toast after a document was saved; %s is the file's name */
  text = g_strdup_printf (_("Saved as %s"), name);
  show_toast (self, text);
  g_task_return_boolean (task, TRUE);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     KhDocumentWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    kh_document_window_save_to (self, file, self->cancellable, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhDocumentWindow *self = KH_DOCUMENT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->chooser != NULL)
    return;
  /* Translators: the title of the dialog that saves a document as a PDF file */
  self->chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               /* Translators: the button of the dialog that saves a document */
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the kind of file in the dialog that saves a document */
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  name = kh_document_window_dup_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- zoom ---- */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kh_document_view_zoom_in (KH_DOCUMENT_WINDOW (widget)->view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kh_document_view_zoom_out (KH_DOCUMENT_WINDOW (widget)->view);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kh_document_view_set_zoom (KH_DOCUMENT_WINDOW (widget)->view, g_variant_get_double (parameter));
}

static void
fit_width_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kh_document_view_set_fit_width (KH_DOCUMENT_WINDOW (widget)->view, TRUE);
}

/* ---- the window ---- */

static GMenuModel *
build_zoom_menu (void)
{
  static const double zooms[] = { 0.5, 1.0, 1.5, 2.0 };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) levels = g_menu_new ();
  g_autoptr(GMenu) fit = g_menu_new ();

  /* Translators: an item of a document window's zoom menu */
  g_menu_append (fit, _("Fit _Width"), "document.fit-width");
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      /* Translators: an item of a document window's zoom menu, a percentage: "100 %" in fi and sv */
      g_autofree char *label = g_strdup_printf (_("%d%%"), (int) (zooms[i] * 100));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "document.zoom", g_variant_new_double (zooms[i]));
      g_menu_append_item (levels, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (fit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (levels));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *action_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
build (KhDocumentWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GMenuModel) menu = build_zoom_menu ();

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  self->header = ADW_HEADER_BAR (header);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             /* Translators: a tooltip of a document window's button */
                             icon_button ("printer-symbolic", "document.print", _("Print… (Ctrl+P)")));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             /* Translators: a tooltip of a document window's button */
                             icon_button ("document-save-as-symbolic", "document.save-as", _("Save as PDF… (Ctrl+S)")));

  gtk_widget_add_css_class (zoom, "linked");
  gtk_box_append (GTK_BOX (zoom),
                  /* Translators: a tooltip of a document window's button */
                  icon_button ("zoom-out-symbolic", "document.zoom-out", _("Zoom Out (Ctrl+−)")));
  self->zoom_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_menu_model (self->zoom_button, menu);
  /* Translators: a tooltip of a document window's button that shows the zoom */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zoom_button), _("Zoom"));
  gtk_widget_add_css_class (GTK_WIDGET (self->zoom_button), "numeric");
  gtk_box_append (GTK_BOX (zoom), GTK_WIDGET (self->zoom_button));
  gtk_box_append (GTK_BOX (zoom),
                  /* Translators: a tooltip of a document window's button */
                  icon_button ("zoom-in-symbolic", "document.zoom-in", _("Zoom In (Ctrl++)")));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), zoom);
  gtk_box_append (GTK_BOX (box), header);

  self->view = KH_DOCUMENT_VIEW (kh_document_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::n-pages", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);
}

static void
kh_document_window_dispose (GObject *object)
{
  KhDocumentWindow *self = KH_DOCUMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->print_operation != NULL)
    g_signal_handlers_disconnect_by_func (self->print_operation, print_done_cb, self);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->cancellable);
  self->toasts = NULL;

  G_OBJECT_CLASS (kh_document_window_parent_class)->dispose (object);
}

static void
add_shortcut (GtkWidgetClass  *widget_class,
              guint            key,
              GdkModifierType  modifiers,
              const char      *action_name)
{
  gtk_widget_class_add_binding_action (widget_class, key, modifiers, action_name, NULL);
}

static void
kh_document_window_class_init (KhDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_document_window_dispose;

  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "document.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "document.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "document.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "document.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "document.fit-width", NULL, fit_width_action);

  add_shortcut (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "document.print");
  add_shortcut (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "document.save-as");
  add_shortcut (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "document.zoom-in");
  add_shortcut (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "document.zoom-in");
  add_shortcut (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "document.zoom-in");
  add_shortcut (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "document.zoom-out");
  add_shortcut (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "document.zoom-out");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "document.zoom", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "document.zoom", "d", 1.0);
  add_shortcut (widget_class, GDK_KEY_Escape, 0, "window.close");
  add_shortcut (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close");
}

static void
kh_document_window_init (KhDocumentWindow *self)
{
  self->cancellable = g_cancellable_new ();
  build (self);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 1000);
  gtk_widget_add_css_class (GTK_WIDGET (self), "kh-document-window");
}

GtkWidget *
kh_document_window_new (GtkWindow  *parent,
                        const char *title,
                        const char *subtitle,
                        GBytes     *pdf)
{
  KhDocumentWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (KH_TYPE_DOCUMENT_WINDOW,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title != NULL ? title : "");
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  kh_document_view_set_pdf (self->view, pdf);
  update_actions (self);
  return GTK_WIDGET (self);
}

KhDocumentView *
kh_document_window_get_view (KhDocumentWindow *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_WINDOW (self), NULL);

  return self->view;
}

char *
kh_document_window_dup_file_name (KhDocumentWindow *self)
{
  const char *title;
  g_autoptr(GString) name = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT_WINDOW (self), NULL);

  title = adw_window_title_get_title (self->window_title);
  /* Translators: the file name suggested for a document without a title */
  name = g_string_new (title != NULL && *title != '\0' ? title : _("document"));
  /* Nothing that a folder name or another system's file names refuse. */
  for (gsize i = 0; i < name->len; i++)
    if (strchr ("/\\:*?\"<>|", name->str[i]) != NULL || (guchar) name->str[i] < 0x20)
      name->str[i] = '-';
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

void
kh_document_window_save_to (KhDocumentWindow    *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  SaveJob *job;

  g_return_if_fail (KH_IS_DOCUMENT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_document_window_save_to);
  job = g_new0 (SaveJob, 1);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      save_job_free (job);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               /* Translators: a toast when the file chosen is not on this computer */
                               _("Documents can only be saved in a folder on this computer."));
      show_toast (self, _("Documents can only be saved in a folder on this computer."));
      return;
    }
  job->pdf = g_bytes_ref (kh_document_view_get_pdf (self->view));
  write = g_task_new (self, cancellable, written_cb, g_steal_pointer (&task));
  g_task_set_source_tag (write, save_thread);
  g_task_set_task_data (write, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (write, save_thread);
}

gboolean
kh_document_window_save_to_finish (KhDocumentWindow  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kh_document_window_add_header_widget:
 * @widget: (transfer floating): what a caller adds to the header's end,
 *   e.g. the language of a letter and "Issue"; added after (left of) those
 *   added before it
 *
 * What is done with the document shown besides printing and saving.
 */
void
kh_document_window_add_header_widget (KhDocumentWindow *self,
                                      GtkWidget        *widget)
{
  g_return_if_fail (KH_IS_DOCUMENT_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  adw_header_bar_pack_end (self->header, widget);
}
