/* test-ecomap.c — the network map in a real window: keys, clicks, colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys and clicks go through the X server (XTest, loaded at run time, as
 * test-intake-keys does), so that GTK's own focus handling and gestures
 * take part. With KH_TEST_SCREENSHOTS set, pictures of the map with 9, 25
 * and 40 entries, light and dark.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ui/network/kh-ecomap.h"
#include "kh-test-ui.h"
#include "kh-test-xtest.h"
#include "tests/ecomap-sample.h"

typedef struct {
  GtkWidget *window;
  KhEcomap  *map;
  GtkWidget *after;                 /* a button after the map */
  GArray    *activated;             /* gint64 */
  guint      notified;
} Fixture;

#define P KH_NETWORK_PERSON
#define A KH_NETWORK_AGENCY

#define network sample_network

/* The keyboard's order: sector by sector clockwise from the top (family,
 * friends, social services, health, Kela, housing, organisations), the
 * close ring first. */
static const gint64 keyboard_order[] = { 1, 4, 2, 3, 5, 6, 8, 7, 9 };

static void
activated_cb (KhEcomap *map G_GNUC_UNUSED,
              gint64    id,
              Fixture  *f)
{
  g_array_append_val (f->activated, id);
}

static void
notify_cb (GObject    *object G_GNUC_UNUSED,
           GParamSpec *pspec G_GNUC_UNUSED,
           Fixture    *f)
{
  f->notified++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->activated = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 680);
  f->map = KH_ECOMAP (kh_ecomap_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->map), TRUE);
  kh_ecomap_set_entries (f->map, network, G_N_ELEMENTS (network), "Aino Lehto");
  g_signal_connect (f->map, "entry-activated", G_CALLBACK (activated_cb), f);
  g_signal_connect (f->map, "notify::selected-id", G_CALLBACK (notify_cb), f);
  f->after = gtk_button_new_with_label ("Next");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->map));
  gtk_box_append (GTK_BOX (box), f->after);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->map)) && gtk_widget_get_width (GTK_WIDGET (f->map)) > 0);
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_array_unref (f->activated);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* ---- X ---- */

static void
press (Fixture *f,
       KeySym   keysym,
       gboolean shift)
{
  kh_xtest_press (f->window, keysym, shift);
}

/* Clicks `n` times at `x`, `y` of the map. */
static void
click (Fixture *f,
       double   x,
       double   y,
       int      n)
{
  kh_xtest_click (f->window, GTK_WIDGET (f->map), x, y, n);
}

static gboolean
skip_without_x (Fixture *f)
{
  if (kh_xtest_available (f->window))
    return FALSE;
  g_test_skip ("keys and clicks are sent through X (XTest)");
  return TRUE;
}

static gboolean
selected_is (Fixture *f,
             gint64   id)
{
  return kh_ecomap_get_selected_id (f->map) == id;
}

/* ---- tests ---- */

/* The arrows, Home and End walk the entries in the documented order;
 * Tab too, and past the last one it leaves the map. */
static void
test_keys (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  if (skip_without_x (f))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (f->map));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (f->map)));
  g_assert_cmpint (kh_ecomap_get_selected_id (f->map), ==, 0);

  press (f, XK_Home, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[0]));
  for (guint i = 1; i < G_N_ELEMENTS (keyboard_order); i++)
    {
      press (f, i % 2 ? XK_Right : XK_Down, FALSE);
      WAIT_UNTIL (selected_is (f, keyboard_order[i]));
    }
  /* No further than the last; back with Left and Up. */
  press (f, XK_Right, FALSE);
  press (f, XK_Left, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[G_N_ELEMENTS (keyboard_order) - 2]));
  press (f, XK_Up, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[G_N_ELEMENTS (keyboard_order) - 3]));
  press (f, XK_Home, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[0]));
  press (f, XK_End, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[G_N_ELEMENTS (keyboard_order) - 1]));
  g_assert_cmpuint (f->notified, ==, G_N_ELEMENTS (keyboard_order) + 4);

  /* Tab: from the first to the next ones, then out of the map. */
  press (f, XK_Home, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[0]));
  press (f, XK_Tab, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[1]));
  press (f, XK_Tab, TRUE);
  WAIT_UNTIL (selected_is (f, keyboard_order[0]));
  press (f, XK_End, FALSE);
  WAIT_UNTIL (selected_is (f, keyboard_order[G_N_ELEMENTS (keyboard_order) - 1]));
  press (f, XK_Tab, FALSE);
  WAIT_UNTIL (gtk_widget_has_focus (f->after));
  /* And back in from behind: the last entry. */
  kh_ecomap_set_selected_id (f->map, 0);
  press (f, XK_Tab, TRUE);
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (f->map)));
  WAIT_UNTIL (selected_is (f, keyboard_order[G_N_ELEMENTS (keyboard_order) - 1]));

  /* Enter opens the selected entry. */
  press (f, XK_Return, FALSE);
  WAIT_UNTIL (f->activated->len == 1);
  g_assert_cmpint (g_array_index (f->activated, gint64, 0), ==, 9);
  kh_test_ui_screenshot (f->window, "ecomap-focused");
}

/* A click where an entry is laid out selects it; a double click opens
 * it; a click on nothing unselects. */
static void
test_click (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  const KhEcomapLayout *layout;

  if (skip_without_x (f))
    return;
  layout = kh_ecomap_get_layout (f->map);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_nodes, ==, G_N_ELEMENTS (network));
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const KhEcomapNode *node = &layout->nodes[i];

      click (f, node->x, node->y, 1);
      WAIT_UNTIL (selected_is (f, node->entry.id));
    }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->map)));
  /* Its label is as good as its node. */
  click (f, layout->nodes[4].label.x + 3, layout->nodes[4].label.y + layout->nodes[4].label.height / 2, 1);
  WAIT_UNTIL (selected_is (f, 5));
  g_assert_cmpuint (f->activated->len, ==, 0);

  click (f, layout->nodes[5].x, layout->nodes[5].y, 2);
  WAIT_UNTIL (f->activated->len == 1);
  g_assert_cmpint (g_array_index (f->activated, gint64, 0), ==, 6);
  g_assert_true (selected_is (f, 6));

  click (f, 4, 4, 1);
  WAIT_UNTIL (selected_is (f, 0));
}

/* The map's accessible name with `n` entries, in the run's language
 * ("Network map of Aino Lehto: 9 entries" in the tests' C locale). */
static const char *
name (guint n)
{
  static char buffer[256];

  g_snprintf (buffer, sizeof buffer,
              g_dngettext (GETTEXT_PACKAGE, "Network map of %s: %u entry", "Network map of %s: %u entries", n),
              "Aino Lehto", n);
  if (g_getenv ("LANGUAGE") == NULL)
    g_assert_cmpstr (buffer, ==, n == 1 ? "Network map of Aino Lehto: 1 entry" : "Network map of Aino Lehto: 9 entries");
  return buffer;
}

/* The selection: the property, what the screen reader hears, entries
 * replaced. */
static void
test_selection (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  static const KhEcomapEntry fewer[] = {
    { 1, "Äiti Marjatta", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
  };
  gint64 id = 0;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->map), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->map), GTK_ACCESSIBLE_PROPERTY_LABEL, name (9));
  g_object_set (f->map, "selected-id", (gint64) 7, NULL);
  g_object_get (f->map, "selected-id", &id, NULL);
  g_assert_cmpint (id, ==, 7);
  g_assert_cmpuint (f->notified, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Vuokranantaja Oy");
  kh_ecomap_set_selected_id (f->map, 7);
  g_assert_cmpuint (f->notified, ==, 1);
  kh_ecomap_set_selected_id (f->map, 77);    /* not on the map */
  g_assert_cmpint (kh_ecomap_get_selected_id (f->map), ==, 0);
  g_assert_cmpuint (f->notified, ==, 2);

  kh_ecomap_set_selected_id (f->map, 7);
  kh_ecomap_set_entries (f->map, fewer, G_N_ELEMENTS (fewer), "Aino Lehto");
  g_assert_cmpint (kh_ecomap_get_selected_id (f->map), ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->map), GTK_ACCESSIBLE_PROPERTY_LABEL, name (1));
  WAIT_UNTIL (kh_ecomap_get_layout (f->map) != NULL && kh_ecomap_get_layout (f->map)->n_nodes == 1);
}

/* The brightness of the map's corner as the map draws itself now. */
static double
corner_brightness (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->map);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guchar *data = g_malloc (4 * width * height);
  gsize at = 4 * (5 * width + 5);

  gtk_test_widget_wait_for_draw (f->window);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, 4 * width);
  return (data[at] + data[at + 1] + data[at + 2]) / (3 * 255.0);
}

/* Dark when the style is dark, again light when it is light. */
static void
test_dark (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_cmpfloat (corner_brightness (f), >, 0.9);
  kh_test_ui_screenshot (f->window, "ecomap-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_UNTIL (adw_style_manager_get_dark (style));
  g_assert_cmpfloat (corner_brightness (f), <, 0.2);
  kh_ecomap_set_selected_id (f->map, 6);
  kh_test_ui_screenshot (f->window, "ecomap-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  WAIT_UNTIL (!adw_style_manager_get_dark (style));
  g_assert_cmpfloat (corner_brightness (f), >, 0.9);
}

/* 25 entries in two sectors, 40 in all: every node and label clear of
 * the others and of the sectors' names, as the widget measures them (the
 * layout's tests check the geometry; this one looks). */
static void
test_crowded (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  static const struct {
    guint    n;
    guint    n_sectors;
    const char *name;
  } cases[] = { { 25, 2, "ecomap-25" }, { 40, 9, "ecomap-40" } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree KhEcomapEntry *entries = g_new0 (KhEcomapEntry, cases[c].n);
      const KhEcomapLayout *layout;

      sample_crowd (entries, cases[c].n, cases[c].n_sectors);
      kh_ecomap_set_entries (f->map, entries, cases[c].n, "Aino Lehto");
      WAIT_UNTIL ((layout = kh_ecomap_get_layout (f->map)) != NULL && layout->n_nodes == cases[c].n);
      for (guint i = 0; i < layout->n_nodes; i++)
        {
          const KhEcomapNode *a = &layout->nodes[i];

          for (guint j = 0; j < layout->n_nodes; j++)
            {
              const KhEcomapNode *b = &layout->nodes[j];

              if (j == i)
                continue;
              g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, a->radius + b->radius);
              /* Nor a label over another or over a node. */
              g_assert_false (kh_ecomap_rect_overlaps (&a->label, &b->label));
              g_assert_false (kh_ecomap_circle_overlaps_rect (b->x, b->y, b->radius, &a->label));
            }
          for (guint w = 0; w < layout->n_wedges; w++)
            g_assert_false (kh_ecomap_rect_overlaps (&a->label, &layout->wedges[w].label));
        }
      kh_test_ui_screenshot (f->window, cases[c].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kh_test_ui_bind_catalogue ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/ecomap/keys", test_keys);
  ADD ("/ui/ecomap/click", test_click);
  ADD ("/ui/ecomap/selection", test_selection);
  ADD ("/ui/ecomap/dark", test_dark);
  ADD ("/ui/ecomap/crowded", test_crowded);
  return g_test_run ();
}
