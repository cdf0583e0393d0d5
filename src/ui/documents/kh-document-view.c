/* kh-document-view.c — a PDF's pages, rendered off the UI thread (issue 8, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are stacked in a scrolled window on a grey background, each a
 * GtkPicture of the page's size at the current zoom. Poppler renders them
 * in a GTask thread, from the PDF's bytes (a plain-data copy: the thread
 * opens its own PopplerDocument, so nothing of poppler is shared between
 * threads), to cairo image surfaces at the zoom times the display's scale
 * factor; the UI thread makes textures of them. A new zoom shows the
 * previous rendering scaled at once and cancels a rendering still under
 * way, so zooming never waits for poppler.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "kh-page-paintable.h"
#include "kh-poppler.h"
#include "kh-document-view.h"

/* Room around the pages and between them, in logical pixels. Keep in sync
 * with fit_width_zoom(). */
#define PAGE_MARGIN 24
#define PAGE_GAP    24

struct _KhDocumentView
{
  GtkWidget     parent_instance;

  /* children */
  GtkWidget    *stack;
  GtkWidget    *scroller;
  GtkWidget    *pages_box;
  GtkWidget    *error_page;

  /* owned */
  GBytes       *pdf;
  GPtrArray    *pages;          /* GtkPicture, borrowed from pages_box */
  GArray       *sizes;          /* PageSize: each page's size in points */
  GCancellable *cancellable;    /* the rendering under way */
  char         *error;

  double        zoom;
  int           rendered_scale;
  guint         n_threads;      /* renderings not yet returned, stale ones too */
  int           fit_for_width;  /* the width fit-width last fitted to */
  guint         fit_idle_id;
  gboolean      fit_width;
  gboolean      rendering;
};

G_DEFINE_FINAL_TYPE (KhDocumentView, kh_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_N_PAGES,
  PROP_RENDERING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double zoom_steps[] = { 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0 };

typedef struct {
  double width;
  double height;
} PageSize;

/* ---- the rendering, in a thread ---- */

typedef struct {
  GBytes *pdf;
  double  zoom;
  int     scale;
} RenderJob;

typedef struct {
  GBytes *pixels;               /* CAIRO_FORMAT_ARGB32 = GDK_MEMORY_DEFAULT */
  int     width;
  int     height;
  gsize   stride;
} RenderedPage;

typedef struct {
  GArray    *sizes;             /* PageSize */
  GPtrArray *images;            /* RenderedPage */
} Rendering;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->pdf);
  g_free (job);
}

static void
rendered_page_free (RenderedPage *page)
{
  g_bytes_unref (page->pixels);
  g_free (page);
}

static void
rendering_free (Rendering *rendering)
{
  g_clear_pointer (&rendering->sizes, g_array_unref);
  g_clear_pointer (&rendering->images, g_ptr_array_unref);
  g_free (rendering);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rendering, rendering_free)

/* A length in points as logical pixels at `zoom`: A4's 595.28 points are
 * 794 pixels at 96 dpi, 993 at 125 %. Never less than the page. */
static int
logical_pixels (double points,
                double zoom)
{
  return MAX (1, (int) ceil (points * 96.0 / 72.0 * zoom - 0.01));
}

static RenderedPage *
render_page (PopplerPage *page,
             double       zoom,
             int          scale)
{
  RenderedPage *out = g_new0 (RenderedPage, 1);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  kh_poppler ()->page_get_size (page, &width, &height);
  out->width = logical_pixels (width, zoom) * scale;
  out->height = logical_pixels (height, zoom) * scale;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, out->width, out->height);
  cr = cairo_create (surface);
  cairo_scale (cr, out->width / width, out->height / height);
  kh_poppler ()->page_render (page, cr);
  /* Paper is white where the page paints nothing (Papers does the same). */
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  out->stride = cairo_image_surface_get_stride (surface);
  out->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), out->stride * out->height,
                                            (GDestroyNotify) cairo_surface_destroy, surface);
  return out;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(Rendering) rendering = g_new0 (Rendering, 1);
  GError *error = NULL;
  int n;

  document = kh_poppler_open (job->pdf, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n = kh_poppler ()->document_get_n_pages (document);
  rendering->sizes = g_array_sized_new (FALSE, FALSE, sizeof (PageSize), n);
  rendering->images = g_ptr_array_new_with_free_func ((GDestroyNotify) rendered_page_free);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = kh_poppler ()->document_get_page (document, i);
      PageSize size;

      if (g_task_return_error_if_cancelled (task))
        return;
      kh_poppler ()->page_get_size (page, &size.width, &size.height);
      g_array_append_val (rendering->sizes, size);
      g_ptr_array_add (rendering->images, render_page (page, job->zoom, job->scale));
    }
  g_task_return_pointer (task, g_steal_pointer (&rendering), (GDestroyNotify) rendering_free);
}

/* ---- the pages on screen ---- */

static void
set_rendering (KhDocumentView *self,
               gboolean        rendering)
{
  if (self->rendering == rendering)
    return;
  self->rendering = rendering;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERING]);
}

static void
show_error (KhDocumentView *self,
            const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), message);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->error_page);
}

static void
remove_pages (KhDocumentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->sizes, 0);
}

static void
add_pages (KhDocumentView *self,
           guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *picture = gtk_picture_new ();
      /* Translators: the accessible name of a page of a document being viewed */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      /* Tab goes from page to page, and the scrolled window follows. */
      gtk_widget_set_focusable (picture, TRUE);
      gtk_widget_add_css_class (picture, "kh-document-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (self->pages_box), picture);
      g_ptr_array_add (self->pages, picture);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

/* Every page at the current zoom, showing what was rendered last scaled
 * to it (or white) until the new rendering comes. */
static void
resize_pages (KhDocumentView *self)
{
  for (guint i = 0; i < self->pages->len && i < self->sizes->len; i++)
    {
      GtkPicture *picture = g_ptr_array_index (self->pages, i);
      GdkPaintable *old = gtk_picture_get_paintable (picture);
      const PageSize *size = &g_array_index (self->sizes, PageSize, i);
      g_autoptr(GdkPaintable) paintable = NULL;

      paintable = kh_page_paintable_new (old != NULL ? kh_page_paintable_get_texture (KH_PAGE_PAINTABLE (old)) : NULL,
                                         logical_pixels (size->width, self->zoom),
                                         logical_pixels (size->height, self->zoom));
      gtk_picture_set_paintable (picture, paintable);
    }
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  KhDocumentView *self = KH_DOCUMENT_VIEW (object);
  g_autoptr(Rendering) rendering = NULL;
  g_autoptr(GError) error = NULL;
  int scale = GPOINTER_TO_INT (user_data);

  self->n_threads--;
  rendering = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_rendering (self, FALSE);
  if (rendering == NULL)
    {
      remove_pages (self);
      show_error (self, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
      return;
    }

  if (self->pages->len != rendering->images->len)
    {
      remove_pages (self);
      add_pages (self, rendering->images->len);
    }
  g_array_set_size (self->sizes, 0);
  g_array_append_vals (self->sizes, rendering->sizes->data, rendering->sizes->len);
  self->rendered_scale = scale;
  for (guint i = 0; i < rendering->images->len; i++)
    {
      RenderedPage *image = g_ptr_array_index (rendering->images, i);
      const PageSize *size = &g_array_index (self->sizes, PageSize, i);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (image->width, image->height, GDK_MEMORY_DEFAULT,
                                                              image->pixels, image->stride);
      g_autoptr(GdkPaintable) paintable = kh_page_paintable_new (texture,
                                                                 logical_pixels (size->width, self->zoom),
                                                                 logical_pixels (size->height, self->zoom));

      gtk_picture_set_paintable (g_ptr_array_index (self->pages, i), paintable);
    }
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->scroller);
}

/* Renders the pages at the current zoom and scale, cancelling a rendering
 * still under way. */
static void
render (KhDocumentView *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pdf == NULL)
    {
      set_rendering (self, FALSE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  job = g_new0 (RenderJob, 1);
  job->pdf = g_bytes_ref (self->pdf);
  job->zoom = self->zoom;
  job->scale = scale;
  task = g_task_new (self, self->cancellable, rendered_cb, GINT_TO_POINTER (scale));
  g_task_set_source_tag (task, render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  set_rendering (self, TRUE);
  self->n_threads++;
  g_task_run_in_thread (task, render_thread);
}

static void
apply_zoom (KhDocumentView *self,
            double          zoom)
{
  zoom = CLAMP (zoom, KH_DOCUMENT_VIEW_ZOOM_MIN, KH_DOCUMENT_VIEW_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 0.0005)
    return;
  self->zoom = zoom;
  resize_pages (self);
  render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The zoom at which the widest page fills the view's width. */
static double
fit_width_zoom (KhDocumentView *self,
                int             width)
{
  double widest = 0;

  for (guint i = 0; i < self->sizes->len; i++)
    widest = MAX (widest, g_array_index (self->sizes, PageSize, i).width);
  if (widest <= 0)
    return self->zoom;
  return (width - 2 * PAGE_MARGIN) / (widest * 96.0 / 72.0);
}

static gboolean
fit_idle_cb (gpointer data)
{
  KhDocumentView *self = data;

  self->fit_idle_id = 0;
  if (self->fit_width && self->sizes->len > 0)
    {
      self->fit_for_width = gtk_widget_get_width (GTK_WIDGET (self));
      apply_zoom (self, fit_width_zoom (self, self->fit_for_width));
    }
  return G_SOURCE_REMOVE;
}

/* A zoom cannot change sizes while the view is being allocated: it is
 * worked out just after. */
static void
queue_fit (KhDocumentView *self)
{
  if (self->fit_idle_id == 0)
    self->fit_idle_id = g_idle_add (fit_idle_cb, self);
}

static void
scale_factor_changed_cb (KhDocumentView *self)
{
  if (self->rendered_scale != 0 && self->rendered_scale != gtk_widget_get_scale_factor (GTK_WIDGET (self)))
    render (self);
}

/* ---- the widget ---- */

static void
kh_document_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (KH_DOCUMENT_VIEW (widget)->stack, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
kh_document_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KhDocumentView *self = KH_DOCUMENT_VIEW (widget);

  gtk_widget_allocate (self->stack, width, height, baseline, NULL);
  if (self->fit_width && width != self->fit_for_width && self->sizes->len > 0)
    queue_fit (self);
}

static void
kh_document_view_dispose (GObject *object)
{
  KhDocumentView *self = KH_DOCUMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (kh_document_view_parent_class)->dispose (object);
}

static void
kh_document_view_finalize (GObject *object)
{
  KhDocumentView *self = KH_DOCUMENT_VIEW (object);

  g_ptr_array_unref (self->pages);
  g_array_unref (self->sizes);
  g_free (self->error);

  G_OBJECT_CLASS (kh_document_view_parent_class)->finalize (object);
}

static void
kh_document_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhDocumentView *self = KH_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->pages->len);
      break;
    case PROP_RENDERING:
      g_value_set_boolean (value, self->rendering);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_document_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhDocumentView *self = KH_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      kh_document_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      kh_document_view_set_fit_width (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_document_view_class_init (KhDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_document_view_dispose;
  object_class->finalize = kh_document_view_finalize;
  object_class->get_property = kh_document_view_get_property;
  object_class->set_property = kh_document_view_set_property;
  widget_class->measure = kh_document_view_measure;
  widget_class->size_allocate = kh_document_view_size_allocate;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, KH_DOCUMENT_VIEW_ZOOM_MIN, KH_DOCUMENT_VIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RENDERING] =
    g_param_spec_boolean ("rendering", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kh-document-view");
}

static void
kh_document_view_init (KhDocumentView *self)
{
  GtkWidget *loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->zoom = 1.0;
  self->pages = g_ptr_array_new ();
  self->sizes = g_array_new (FALSE, FALSE, sizeof (PageSize));

  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_GAP);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_halign (self->pages_box, GTK_ALIGN_CENTER);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->pages_box);
  gtk_widget_add_css_class (self->scroller, "kh-document-pages");

  self->error_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error_page), "dialog-error-symbolic");
  /* Translators: the heading shown instead of a document's pages when they cannot be shown */
  adw_status_page_set_title (ADW_STATUS_PAGE (self->error_page), _("The Document Cannot Be Shown"));

  self->stack = gtk_stack_new ();
  gtk_stack_add_child (GTK_STACK (self->stack), loading);
  gtk_stack_add_child (GTK_STACK (self->stack), self->scroller);
  gtk_stack_add_child (GTK_STACK (self->stack), self->error_page);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
}

GtkWidget *
kh_document_view_new (void)
{
  return g_object_new (KH_TYPE_DOCUMENT_VIEW, NULL);
}

void
kh_document_view_set_pdf (KhDocumentView *self,
                          GBytes         *pdf)
{
  g_return_if_fail (KH_IS_DOCUMENT_VIEW (self));

  if (pdf != NULL)
    g_bytes_ref (pdf);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = pdf;
  g_clear_pointer (&self->error, g_free);
  remove_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), gtk_widget_get_first_child (self->stack));
  render (self);
}

GBytes *
kh_document_view_get_pdf (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), NULL);

  return self->pdf;
}

guint
kh_document_view_get_n_pages (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), 0);

  return self->pages->len;
}

GtkWidget *
kh_document_view_get_page (KhDocumentView *self,
                           guint           index)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), NULL);

  return index < self->pages->len ? g_ptr_array_index (self->pages, index) : NULL;
}

const char *
kh_document_view_get_error (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), NULL);

  return self->error;
}

gboolean
kh_document_view_is_rendering (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), FALSE);

  return self->rendering;
}

guint
kh_document_view_get_n_threads (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), 0);

  return self->n_threads;
}

void
kh_document_view_set_zoom (KhDocumentView *self,
                           double          zoom)
{
  g_return_if_fail (KH_IS_DOCUMENT_VIEW (self));

  kh_document_view_set_fit_width (self, FALSE);
  apply_zoom (self, zoom);
}

double
kh_document_view_get_zoom (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), 1.0);

  return self->zoom;
}

void
kh_document_view_zoom_in (KhDocumentView *self)
{
  g_return_if_fail (KH_IS_DOCUMENT_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 0.001)
      {
        kh_document_view_set_zoom (self, zoom_steps[i]);
        return;
      }
}

void
kh_document_view_zoom_out (KhDocumentView *self)
{
  g_return_if_fail (KH_IS_DOCUMENT_VIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 0.001)
      {
        kh_document_view_set_zoom (self, zoom_steps[i - 1]);
        return;
      }
}

void
kh_document_view_set_fit_width (KhDocumentView *self,
                                gboolean        fit_width)
{
  g_return_if_fail (KH_IS_DOCUMENT_VIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;
  self->fit_width = fit_width;
  self->fit_for_width = 0;
  if (fit_width)
    queue_fit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

gboolean
kh_document_view_get_fit_width (KhDocumentView *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_VIEW (self), FALSE);

  return self->fit_width;
}
