/* test-document-window.c — the preview of a document, its printing and
 * saving, in a real window (issue 8, 6)
 *
 * The pages' sizes at each zoom (A4 at 96 dpi is 794 × 1123 logical
 * pixels), their names for a screen reader, a rendering made stale by a
 * new zoom, Save as PDF writing exactly the bytes shown, printing through
 * GTK (exported to a PDF that poppler reads back), bytes that are not
 * a PDF, and the keys (real key presses through the X server). With KH_TEST_SCREENSHOTS=DIR, pictures of a decision in the
 * run's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <dlfcn.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <gdk/x11/gdkx.h>

#include "core/kh-document-kind.h"
#include "documents/kh-decision.h"
#include "documents/kh-document.h"
#include "ui/documents/kh-document-window.h"
#include "ui/documents/kh-page-paintable.h"
#include "ui/documents/kh-poppler.h"
#include "ui/documents/kh-print-operation.h"

#include "kh-test-ui.h"

#define TITLE "Kutsu tapaamiseen"

typedef struct {
  char             *dir;
  GBytes           *pdf;
  KhDocumentWindow *window;
  KhDocumentView   *view;
} Fixture;

/* A two-page letter: a heading and a paragraph on each page. */
static GBytes *
make_letter (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("fi");
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  kh_document_set_title (doc, TITLE);
  kh_document_add_heading (doc, 1, TITLE);
  kh_document_add_paragraph (doc, "Tervetuloa tapaamiseen sosiaalitoimistoon tiistaina 8.12.2026 kello 10.");
  kh_document_add_page_break (doc, NULL);
  kh_document_add_heading (doc, 2, "Toinen sivu");
  kh_document_add_paragraph (doc, "Ota mukaan vuokrasopimus ja tiliotteet.");
  pdf = kh_document_render_bytes (doc, &error);
  g_assert_no_error (error);
  return pdf;
}

static gboolean
shown (Fixture *fixture)
{
  return kh_document_view_get_n_pages (fixture->view) > 0 && !kh_document_view_is_rendering (fixture->view);
}

static void
open_window (Fixture    *fixture,
             GBytes     *pdf,
             const char *title,
             const char *subtitle)
{
  fixture->window = KH_DOCUMENT_WINDOW (kh_document_window_new (NULL, title, subtitle, pdf));
  fixture->view = kh_document_window_get_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kohtaamo-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->pdf = make_letter ();
  open_window (fixture, fixture->pdf, TITLE, "Invitation · In Finnish");
}

static void
close_window (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  if (window == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (window == NULL);
  fixture->window = NULL;
  fixture->view = NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  close_window (fixture);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_bytes_unref (fixture->pdf);
}

static KhPagePaintable *
page_paintable (Fixture *fixture,
                guint    index)
{
  GtkWidget *page = kh_document_view_get_page (fixture->view, index);

  g_assert_nonnull (page);
  return KH_PAGE_PAINTABLE (gtk_picture_get_paintable (GTK_PICTURE (page)));
}

/* Every page laid out `width` × `height` logical pixels, its texture
 * rendered at that size times the scale factor. */
static gboolean
pages_are (Fixture *fixture,
           int      width,
           int      height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (fixture->view));

  if (!shown (fixture))
    return FALSE;
  for (guint i = 0; i < kh_document_view_get_n_pages (fixture->view); i++)
    {
      GtkWidget *page = kh_document_view_get_page (fixture->view, i);
      GdkTexture *texture = kh_page_paintable_get_texture (page_paintable (fixture, i));

      if (gtk_widget_get_width (page) != width || gtk_widget_get_height (page) != height
          || texture == NULL || gdk_texture_get_width (texture) != width * scale
          || gdk_texture_get_height (texture) != height * scale)
        return FALSE;
    }
  return TRUE;
}

static void
assert_pages (Fixture *fixture,
              int      width,
              int      height)
{
  WAIT_UNTIL (pages_are (fixture, width, height));
}

/* The button that activates `data` (an action's name). */
static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action)
{
  return kh_test_ui_find (widget, is_action_button, action);
}

/* What the zoom button (the header's only menu button) says. */
static const char *
zoom_label (Fixture *fixture)
{
  GtkWidget *button = kh_test_ui_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
}

static void
test_zoom_sizes (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    double zoom;
    int    width;
    int    height;
    const char *label;
  } zooms[] = {
    { 1.25, 993, 1404, "125%" },
    { 0.8, 635, 899, "80%" },
    { 0.5, 397, 562, "50%" },
    { 1.0, 794, 1123, "100%" },
  };

  /* 100 %: A4 at 96 dpi. */
  assert_pages (fixture, 794, 1123);
  g_assert_cmpuint (kh_document_view_get_n_pages (fixture->view), ==, 2);
  g_assert_cmpstr (zoom_label (fixture), ==, "100%");

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_test_message ("zoom %.2f", zooms[i].zoom);
      kh_document_view_set_zoom (fixture->view, zooms[i].zoom);
      /* The call does not wait for poppler: the pages have their new size
       * at once, showing the previous rendering scaled. */
      g_assert_true (kh_document_view_is_rendering (fixture->view));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (page_paintable (fixture, 0))), ==,
                       zooms[i].width);
      g_assert_nonnull (kh_page_paintable_get_texture (page_paintable (fixture, 0)));
      assert_pages (fixture, zooms[i].width, zooms[i].height);
      g_assert_cmpstr (zoom_label (fixture), ==, zooms[i].label);
    }

  /* The steps, and the limits. */
  kh_document_view_zoom_in (fixture->view);
  g_assert_cmpfloat_with_epsilon (kh_document_view_get_zoom (fixture->view), 1.25, 1e-9);
  kh_document_view_zoom_out (fixture->view);
  kh_document_view_zoom_out (fixture->view);
  g_assert_cmpfloat_with_epsilon (kh_document_view_get_zoom (fixture->view), 0.8, 1e-9);
  kh_document_view_set_zoom (fixture->view, 9.0);
  g_assert_cmpfloat_with_epsilon (kh_document_view_get_zoom (fixture->view), 3.0, 1e-9);
  kh_document_view_zoom_in (fixture->view);
  g_assert_cmpfloat_with_epsilon (kh_document_view_get_zoom (fixture->view), 3.0, 1e-9);
  kh_document_view_set_zoom (fixture->view, 0.1);
  g_assert_cmpfloat_with_epsilon (kh_document_view_get_zoom (fixture->view), 0.5, 1e-9);
  assert_pages (fixture, 397, 562);
}

/* A rendering made stale by a new zoom never shows: 300 % then at once
 * 50 % ends with 50 % textures, whichever thread finishes first. */
static void
test_stale_rendering (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_pages (fixture, 794, 1123);
  kh_document_view_set_zoom (fixture->view, 3.0);
  kh_document_view_set_zoom (fixture->view, 0.5);
  g_assert_cmpuint (kh_document_view_get_n_threads (fixture->view), ==, 2);
  /* Both threads returned: the stale one changed nothing. */
  WAIT_UNTIL (kh_document_view_get_n_threads (fixture->view) == 0);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (gdk_texture_get_width (kh_page_paintable_get_texture (page_paintable (fixture, i))), ==,
                     397 * gtk_widget_get_scale_factor (GTK_WIDGET (fixture->view)));
  /* And laid out so at the next frame. */
  assert_pages (fixture, 397, 562);
}

/* What a caller adds goes into the window's own header, at its end: the
 * one added first outermost. */
static void
test_header_widgets (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *issue = gtk_button_new_with_label ("Issue");
  GtkWidget *language = gtk_label_new ("In Swedish");
  GtkWidget *header;

  kh_document_window_add_header_widget (fixture->window, issue);
  kh_document_window_add_header_widget (fixture->window, language);
  header = gtk_widget_get_ancestor (issue, ADW_TYPE_HEADER_BAR);
  g_assert_nonnull (header);
  g_assert_true (gtk_widget_get_ancestor (language, ADW_TYPE_HEADER_BAR) == header);
  g_assert_true (gtk_widget_get_root (header) == GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (fixture->view), ADW_TYPE_HEADER_BAR) == NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  {
    graphene_point_t a = GRAPHENE_POINT_INIT (0, 0), b = GRAPHENE_POINT_INIT (0, 0);

    g_assert_true (gtk_widget_compute_point (issue, header, &a, &a));
    g_assert_true (gtk_widget_compute_point (language, header, &b, &b));
    g_assert_cmpfloat (b.x, <, a.x);
  }
}

/* Fit width: the page fills the view's width less the margins. */
static void
test_fit_width (Fixture       *fixture,
                gconstpointer  data)
{
  int expected;

  assert_pages (fixture, 794, 1123);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "document.fit-width", NULL);
  g_assert_true (kh_document_view_get_fit_width (fixture->view));
  expected = gtk_widget_get_width (GTK_WIDGET (fixture->view)) - 2 * 24;
  WAIT_UNTIL (shown (fixture) && ABS (gtk_widget_get_width (kh_document_view_get_page (fixture->view, 0))
                                      - expected) <= 1);
  /* A zoom chosen turns it off. */
  kh_document_view_set_zoom (fixture->view, 1.0);
  g_assert_false (kh_document_view_get_fit_width (fixture->view));
}

static void
test_pages_named (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = kh_poppler_open (fixture->pdf, &error);

  g_assert_no_error (error);
  WAIT_UNTIL (shown (fixture));
  g_assert_cmpuint (kh_document_view_get_n_pages (fixture->view), ==, poppler_document_get_n_pages (document));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Page %u of 2", i + 1);
      g_autofree char *problem = NULL;
      GtkWidget *page = kh_document_view_get_page (fixture->view, i);

      g_assert_true (GTK_IS_PICTURE (page));
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      if (problem != NULL)
        g_error ("page %u: %s", i + 1, problem);
      g_assert_true (gtk_widget_get_focusable (page));
    }
  g_assert_null (kh_document_view_get_page (fixture->view, 2));
  g_assert_null (kh_document_view_get_error (fixture->view));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, TITLE);
  g_assert_true (gtk_widget_get_sensitive (action_button (GTK_WIDGET (fixture->window), "document.print")));
  g_assert_true (gtk_widget_get_sensitive (action_button (GTK_WIDGET (fixture->window), "document.save-as")));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  if (!kh_document_window_save_to_finish (KH_DOCUMENT_WINDOW (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, 0, "saved");
}

/* `*error` is set when done: "saved" (code 0) on success. */
static void
save_to (Fixture    *fixture,
         const char *path,
         GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  kh_document_window_save_to (fixture->window, file, NULL, saved_cb, error);
  WAIT_UNTIL (*error != NULL);
}

static void
test_save_to (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "kutsu.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "kutsu.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = kh_document_window_dup_file_name (fixture->window);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gsize size;
  mode_t mask = umask (022);

  umask (mask);
  g_assert_cmpstr (name, ==, TITLE ".pdf");
  /* Over an older file of the same name, too. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  save_to (fixture, path, &error);
  g_assert_cmpstr (error->message, ==, "saved");
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpmem (contents, size, g_bytes_get_data (fixture->pdf, NULL), g_bytes_get_size (fixture->pdf));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644 & ~mask);

  /* A folder that is not there: said, and nothing written. */
  save_to (fixture, missing, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "The document could not be saved as kutsu.pdf: "));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static char *
text_of (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\n", t);
    }
  return g_string_free (text, FALSE);
}

/* What is printed, exported to a PDF through GTK's printing, read back:
 * the same pages on A4 with the same text. */
static void
test_print_export (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPrintOperation) operation = kh_print_operation_new (fixture->pdf, TITLE, &error);
  g_autoptr(PopplerDocument) original = kh_poppler_open (fixture->pdf, NULL);
  g_autoptr(PopplerDocument) printed = NULL;
  g_autofree char *job_name = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *printed_text = NULL;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, TITLE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (path, NULL, NULL);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, 2);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, poppler_document_get_n_pages (original));
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (printed, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
    }
  original_text = text_of (original);
  printed_text = text_of (printed);
  g_assert_nonnull (strstr (printed_text, TITLE));
  g_assert_nonnull (strstr (printed_text, "Ota mukaan vuokrasopimus ja tiliotteet."));
  g_assert_cmpstr (printed_text, ==, original_text);
}

static void
test_not_a_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const bad[] = { "%PDF-1.5\nnot really\n%%EOF\n", "Hello", "" };
  const char *expected = "This is not a PDF file, or the file is damaged.";

  close_window (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;

      open_window (fixture, bytes, "Rikki", NULL);
      WAIT_UNTIL (kh_document_view_get_error (fixture->view) != NULL);
      g_assert_cmpstr (kh_document_view_get_error (fixture->view), ==, expected);
      g_assert_false (kh_document_view_is_rendering (fixture->view));
      g_assert_cmpuint (kh_document_view_get_n_pages (fixture->view), ==, 0);
      g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (fixture->view)));
      /* Nothing to print or to save as a PDF. */
      g_assert_false (gtk_widget_get_sensitive (action_button (GTK_WIDGET (fixture->window), "document.print")));
      g_assert_false (gtk_widget_get_sensitive (action_button (GTK_WIDGET (fixture->window), "document.save-as")));
      g_assert_false (gtk_widget_get_sensitive (action_button (GTK_WIDGET (fixture->window), "document.zoom-in")));
      g_assert_null (kh_print_operation_new (bytes, "Rikki", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, expected);
      close_window (fixture);
    }
}

/* ---- keys ---- */

typedef int (*FakeKeyFunc) (Display *, unsigned int, Bool, unsigned long);

/* Presses `keysym` with Control held, as a keyboard would (XTest, loaded
 * at run time), and lets the window handle it. */
static void
press_control (Fixture *fixture,
               KeySym   keysym,
               gboolean control)
{
  static FakeKeyFunc fake_key;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  Display *x = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (fixture->window)));
  KeyCode code = XKeysymToKeycode (x, keysym);
  KeyCode ctrl = XKeysymToKeycode (x, XK_Control_L);

  if (fake_key == NULL)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);

      g_assert_nonnull (xtst);
      fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent");
      g_assert_nonnull (fake_key);
    }
  g_assert_cmpuint (code, !=, 0);
  /* Without a window manager the window gets the keyboard when told. */
  XSetInputFocus (x, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  if (control)
    fake_key (x, ctrl, True, 0);
  fake_key (x, code, True, 0);
  fake_key (x, code, False, 0);
  if (control)
    fake_key (x, ctrl, False, 0);
  XSync (x, False);
}

static gboolean
zoom_is (Fixture *fixture,
         double   zoom)
{
  return ABS (kh_document_view_get_zoom (fixture->view) - zoom) < 1e-9;
}

/* The zoom keys; Esc and Ctrl+W close the window. */
static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct {
    KeySym key;
    double zoom;
  } zooms[] = {
    { XK_plus, 1.25 }, { XK_equal, 1.5 }, { XK_minus, 1.25 }, { XK_minus, 1.0 }, { XK_minus, 0.8 },
    { XK_0, 1.0 }, { XK_KP_Add, 1.25 }, { XK_KP_Subtract, 1.0 },
  };
  static const struct {
    KeySym   key;
    gboolean control;
  } closers[] = { { XK_Escape, FALSE }, { XK_w, TRUE } };

  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (fixture->window))))
    {
      g_test_skip ("the keys are sent through X (XTest)");
      return;
    }
  WAIT_UNTIL (shown (fixture));
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      press_control (fixture, zooms[i].key, TRUE);
      WAIT_UNTIL (zoom_is (fixture, zooms[i].zoom));
    }

  for (guint i = 0; i < G_N_ELEMENTS (closers); i++)
    {
      GtkWidget *window = GTK_WIDGET (fixture->window);

      if (window == NULL)
        open_window (fixture, fixture->pdf, TITLE, NULL);
      window = GTK_WIDGET (fixture->window);
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      press_control (fixture, closers[i].key, closers[i].control);
      WAIT_UNTIL (window == NULL);
      fixture->window = NULL;
      fixture->view = NULL;
    }
}

/* ---- pictures ---- */

static const KhDecisionAmount amounts_fi[] = {
  { "Vuokra joulukuu 2026", 52000 },
  { "Lääkkeet", 3450 },
};
static const KhDecisionAmount amounts_sv[] = {
  { "Hyra december 2026", 52000 },
  { "Läkemedel", 3450 },
};
static const char *const provisions_fi[] = { "Laki toimeentulotuesta (1412/1997) 7 c §", NULL };
static const char *const provisions_sv[] = { "Lagen om utkomststöd (1412/1997) 7 c §", NULL };

/* A decision on supplementary income support for a fictional person of
 * a fictional unit, in `language`. */
static GBytes *
make_decision (const char *language)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gboolean fi = g_str_equal (language, "fi");
  KhDecisionContent c = { 0 };
  GBytes *pdf;

  c.language = language;
  c.authority[0] = (KhDecisionAuthority) { .name = "Järvilaakson hyvinvointialue",
                                           .unit = "Aikuissosiaalityö", .postal_address = "PL 50\n40100 Jyväskylä",
                                           .phone = "014 555 0200" };
  c.authority[1] = (KhDecisionAuthority) { .name = "Välfärdsområdet Sjödalen",
                                           .unit = "Socialt arbete för vuxna", .postal_address = "PB 50\n40100 Jyväskylä",
                                           .phone = "014 555 0200" };
  g_date_set_dmy (&c.decision_date, 7, 12, 2026);
  c.number = 41;
  c.number_year = 2026;
  c.party_name = "Kaisa Virtanen";
  c.party_id = "150385-953N";
  c.party_address = fi ? "Koivukuja 3 A 5\n40320 Jyväskylä" : "Björkgränden 3 A 5\n40320 Jyväskylä";
  c.kind = KH_DECISION_SUPPLEMENTARY_SUPPORT;
  c.outcome = KH_DECISION_GRANTED;
  c.subject = fi ? "Hakemus 30.11.2026: vuokra ja lääkkeet" : "Ansökan 30.11.2026: hyra och läkemedel";
  c.amounts = fi ? amounts_fi : amounts_sv;
  c.n_amounts = 2;
  g_date_set_dmy (&c.period_start, 1, 12, 2026);
  g_date_set_dmy (&c.period_end, 31, 12, 2026);
  c.payee = KH_PAYEE_CLIENT_ACCOUNT;
  c.iban = "FI21 1234 5600 0007 85";
  c.reasoning = fi ? "Hakijan tulot eivät riitä välttämättömiin menoihin. Lääkkeet on määrätty."
                   : "Sökandens inkomster räcker inte till de nödvändiga utgifterna. Läkemedlen har ordinerats.";
  c.provisions = fi ? provisions_fi : provisions_sv;
  c.maker = (KhDecisionPerson) { "Helmi Harjula", fi ? "sosiaalityöntekijä" : "socialarbetare", NULL, NULL };
  c.preparer = c.maker;
  c.contact = (KhDecisionPerson) { "Helmi Harjula", fi ? "sosiaalityöntekijä" : "socialarbetare",
                                   "014 555 0201", NULL };
  c.rectification[0] = (KhDecisionAuthority) { .name = "Järvilaakson hyvinvointialue", .unit = "Yksilöjaosto",
                                                .postal_address = "Kirjaamo, PL 50\n40100 Jyväskylä" };
  c.rectification[1] = (KhDecisionAuthority) { .name = "Välfärdsområdet Sjödalen",
                                                .unit = "Individsektionen",
                                                .postal_address = "Registratorskontoret, PB 50\n40100 Jyväskylä" };
  g_date_set_dmy (&c.sent_date, 7, 12, 2026);
  c.delivery = KH_DELIVERY_LETTER;
  doc = kh_decision_build (&c, calendar);
  pdf = kh_document_render_bytes (doc, &error);
  g_assert_no_error (error);
  return pdf;
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *language = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "sv")
                         ? "sv" : "fi";
  g_autoptr(GBytes) decision = make_decision (language);
  g_autoptr(GBytes) bad = g_bytes_new_static ("Hello", 5);
  /* As the timeline makes it (kh-person-timeline.c). */
  g_autofree char *number = g_strdup_printf (g_dpgettext2 (NULL, "timeline", "No. %d/%d"), 41, 2026);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", kh_document_kind_label (KH_DOCUMENT_DECISION), number,
                                               g_dpgettext2 (NULL, "timeline", g_str_equal (language, "fi")
                                                                               ? "In Finnish" : "In Swedish"));

  close_window (fixture);
  open_window (fixture, decision, g_str_equal (language, "fi") ? "Päätös täydentävästä toimeentulotuesta"
                                                              : "Beslut om kompletterande utkomststöd",
               subtitle);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 1000);
  WAIT_UNTIL (shown (fixture));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->window), "document-window");
  kh_document_view_set_zoom (fixture->view, 0.5);
  WAIT_UNTIL (pages_are (fixture, 397, 562));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->window), "document-window-50");
  close_window (fixture);
  open_window (fixture, bad, "Rikki", NULL);
  WAIT_UNTIL (kh_document_view_get_error (fixture->view) != NULL);
  kh_test_ui_screenshot (GTK_WIDGET (fixture->window), "document-window-not-a-pdf");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kh_test_ui_bind_catalogue ();
  /* The application's style sheet, as KhApplication (an AdwApplication)
   * loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/document-window/zoom-sizes", test_zoom_sizes);
  ADD ("/ui/document-window/stale-rendering", test_stale_rendering);
  ADD ("/ui/document-window/fit-width", test_fit_width);
  ADD ("/ui/document-window/pages-named", test_pages_named);
  ADD ("/ui/document-window/save-to", test_save_to);
  ADD ("/ui/document-window/print-export", test_print_export);
  ADD ("/ui/document-window/not-a-pdf", test_not_a_pdf);
  ADD ("/ui/document-window/keys", test_keys);
  ADD ("/ui/document-window/header-widgets", test_header_widgets);
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    ADD ("/ui/document-window/screenshots", test_screenshots);

  return g_test_run ();
}
