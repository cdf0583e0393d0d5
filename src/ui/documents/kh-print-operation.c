/* kh-print-operation.c — printing a PDF's pages (issue 8, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkPrintOperation whose pages poppler draws for printing
 * (poppler_page_render_for_printing) on the print context's cairo, scaled
 * from the page's points to the sheet. The sheet is A4 and the whole
 * sheet is used: the document's margins are in the PDF already. Text
 * Editor's editor-print-operation.c and Papers' pps-print-operation.c are
 * the models.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-poppler.h"
#include "kh-print-operation.h"

struct _KhPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* owned */
  PopplerDocument   *document;
};

G_DEFINE_FINAL_TYPE (KhPrintOperation, kh_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
kh_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  KhPrintOperation *self = KH_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, kh_poppler ()->document_get_n_pages (self->document));
}

static void
kh_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  KhPrintOperation *self = KH_PRINT_OPERATION (operation);
  g_autoptr(PopplerPage) page = kh_poppler ()->document_get_page (self->document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  kh_poppler ()->page_get_size (page, &width, &height);
  /* The same proportions on the sheet, whatever its units. */
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  kh_poppler ()->page_render_for_printing (page, cr);
  cairo_restore (cr);
}

static void
kh_print_operation_finalize (GObject *object)
{
  KhPrintOperation *self = KH_PRINT_OPERATION (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (kh_print_operation_parent_class)->finalize (object);
}

static void
kh_print_operation_class_init (KhPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = kh_print_operation_finalize;
  operation_class->begin_print = kh_print_operation_begin_print;
  operation_class->draw_page = kh_print_operation_draw_page;
}

static void
kh_print_operation_init (KhPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

KhPrintOperation *
kh_print_operation_new (GBytes      *pdf,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(KhPrintOperation) self = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* In memory: reading the bytes is no wait on the disk. */
  document = kh_poppler_open (pdf, error);
  if (document == NULL)
    return NULL;
  self = g_object_new (KH_TYPE_PRINT_OPERATION, NULL);
  self->document = document;
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), kh_poppler ()->document_get_n_pages (document));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title != NULL && *title != '\0' ? title : "Kohtaamo");
  return g_steal_pointer (&self);
}
