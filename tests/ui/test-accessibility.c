/* test-accessibility.c — every control of every view has a usable accessible name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5 2.8: the main menu, the search entries and the access log's
 * refresh button were announced by their class names, mnemonic underscores
 * leaked into names ("_Tallenna Tallenna"), popover items had no names.
 *
 * Each view is opened in a real window; the test walks its widget tree
 * (popovers included: they are children of their buttons) and fails,
 * naming the widget's path, on a control with an interactive role whose
 * name is missing, a class name, has a mnemonic underscore or repeats
 * itself.
 *
 * GTK 4.8 has no public API that returns the computed name, so it is
 * computed here in GTK's order: the `label` property, the `labelled-by`
 * relation, then the text of the control itself for the controls whose
 * name comes from their content (a button's label or label child, a row's
 * title). A placeholder is never a name.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/kh-hetu.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-editor.h"
#include "ui/clients/kh-person-page.h"
#include "ui/intake/kh-contact-window.h"
#include "ui/intake/kh-filter-button.h"
#include "ui/intake/kh-reception-page.h"
#include "app/kh-preferences-window.h"
#include "ui/network/kh-network-consent-dialog.h"
#include "ui/network/kh-network-member-dialog.h"
#include "ui/network/kh-network-versions.h"
#include "ui/network/kh-network-window.h"
#include "ui/documents/kh-plan-extract.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

/* Never a real value: checking a property against it returns the value. */
#define NOT_A_NAME "\x01kh-not-a-name\x01"

/* Run in Finnish or Swedish (KOHTAAMO_LOCALEDIR and LANGUAGE). */
static gboolean translated;

typedef struct {
  KhShellFixture  shell;
  gint64          client_id;
} Fixture;

typedef struct {
  GtkWidget *root;       /* where labelled-by targets are looked for */
  GString   *problems;
  guint      checked;
} Walk;


static gboolean
role_is_interactive (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_TAB:
      return TRUE;
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
      /* A row to activate, or an item of a list that takes the focus (a
       * work list's row, a choice in a combo's or drop-down's list; not
       * the choice a combo row shows, which is part of the row). */
      return (GTK_IS_LIST_BOX_ROW (widget)
              && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)))
             || (GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget))
                 && gtk_widget_get_can_focus (gtk_widget_get_parent (widget))
                 && gtk_widget_get_can_target (gtk_widget_get_parent (widget)));
    default:
      return FALSE;
    }
}

/* The `label` property, when set. */
static char *
label_property (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* Returns the value held when it differs from the one given. */
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, NOT_A_NAME);
}

/* A label's text as a screen reader gets it (mnemonic markers removed). */
static const char *
label_text (GtkLabel *label)
{
  return gtk_label_get_text (label);
}

static char *text_of_content (GtkWidget *widget);

/* The text of the first label inside `widget`. */
static char *
first_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *text;

      if (GTK_IS_POPOVER (child))
        continue;
      text = text_of_content (child);
      if (text != NULL)
        return text;
    }
  return NULL;
}

static char *
text_of_content (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = label_text (GTK_LABEL (widget));

      return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    }
  /* A label drawn by a widget of its own (KhLineLabel): its name. */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LABEL)
    {
      g_autofree char *text = label_property (widget);

      return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
    }
  if (ADW_IS_BUTTON_CONTENT (widget))
    {
      const char *text = adw_button_content_get_label (ADW_BUTTON_CONTENT (widget));

      return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    }
  /* A label beside an icon in a box; not the text of another kind of
   * widget inside (a drop-down's button shows its choice, not its name). */
  if (GTK_IS_BOX (widget) || GTK_IS_CENTER_BOX (widget))
    return first_label_text (widget);
  return NULL;
}

/* The name a control takes from its own content, for the kinds of control
 * that have one. */
static char *
content_name (GtkWidget *widget)
{
  const char *text = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    text = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else
    return NULL;

  if (text != NULL && *text != '\0')
    {
      /* A mnemonic label is read without its underline marker. */
      g_autoptr(GString) plain = g_string_new (NULL);
      gboolean underline = (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
                           || (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
                           || (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)))
                           || (ADW_IS_PREFERENCES_ROW (widget) && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)));

      for (const char *p = text; *p != '\0'; p++)
        {
          if (underline && *p == '_')
            {
              if (p[1] == '_')
                p++;
              else
                continue;
            }
          g_string_append_c (plain, *p);
        }
      return g_string_free (g_steal_pointer (&plain), FALSE);
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    return NULL;
  return first_label_text (widget);
}

/* The label that `widget` is labelled by, found among the labels of the
 * view (a relation's targets cannot be read back in GTK 4.8). */
static GtkWidget *
find_labelled_by (GtkWidget *widget,
                  GtkWidget *candidate)
{
  if (candidate != widget)
    {
      g_autofree char *differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                     candidate, NULL);
      if (differs == NULL)
        return candidate;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (candidate);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_by (widget, child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
computed_name (Walk      *walk,
               GtkWidget *widget)
{
  char *name = label_property (widget);

  if (name != NULL)
    return name;

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *label = find_labelled_by (widget, walk->root);

      if (label == NULL)
        return g_strdup ("");
      name = label_property (label);
      if (name != NULL)
        return name;
      name = text_of_content (label);
      return name != NULL ? name : g_strdup ("");
    }

  name = content_name (widget);
  return name != NULL ? name : g_strdup ("");
}

/* "_Tallenna Tallenna": a name made twice, once with its mnemonic. */
static gboolean
name_repeats (const char *name)
{
  gsize len = strlen (name);

  for (gsize i = 1; i + 1 < len; i++)
    {
      g_autofree char *first = NULL;

      if (name[i] != ' ')
        continue;
      first = g_strndup (name, i);
      if (g_strcmp0 (name + i + 1, first) == 0)
        return TRUE;
      {
        g_autoptr(GString) stripped = g_string_new (NULL);

        for (const char *p = first; *p != '\0'; p++)
          if (*p != '_')
            g_string_append_c (stripped, *p);
        if (g_strcmp0 (name + i + 1, stripped->str) == 0)
          return TRUE;
      }
    }
  return FALSE;
}

static gboolean
name_is_class_name (GtkWidget  *widget,
                    const char *name)
{
  static const char *prefixes[] = { "Gtk", "Adw", "Kh", "Gdk", "G" };

  if (g_strcmp0 (name, G_OBJECT_TYPE_NAME (widget)) == 0 || g_type_from_name (name) != 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);

      if (g_str_has_prefix (name, prefixes[i]) && g_ascii_isupper (name[n])
          && strchr (name, ' ') == NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (id != NULL)
    return g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (widget), id);
  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
walk_widget (Walk       *walk,
             GtkWidget  *widget,
             const char *parent_path)
{
  g_autofree char *self = describe (widget);
  g_autofree char *path = g_strdup_printf ("%s > %s", parent_path, self);

  if (role_is_interactive (widget))
    {
      g_autofree char *name = computed_name (walk, widget);
      const char *problem = NULL;

      walk->checked++;
      if (*g_strstrip (name) == '\0')
        problem = "has no accessible name";
      else if (name_is_class_name (widget, name))
        problem = "is named by a class name";
      else if (strchr (name, '_') != NULL)
        problem = "has a mnemonic underscore in its name";
      else if (name_repeats (name))
        problem = "repeats its name";

      if (problem != NULL)
        g_string_append_printf (walk->problems, "\n  %s %s (“%s”)", path, problem, name);
      else
        g_test_message ("%s: “%s”", self, name);
    }

  /* A hidden part is not in the accessibility tree (GTK's own, such as an
   * entry row's apply button or a drop-down's unused search entry), except
   * a menu's popover, hidden until it pops up: its items are checked as
   * well. The lists of combo rows and drop-downs are checked open, by
   * assert_popover_names (), as their items are made when they are shown. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) || child == walk->root
        || (GTK_IS_POPOVER (child) && find_list_view (child) == NULL))
      walk_widget (walk, child, path);
}

/* Fails with every problem found in `root`, each with its widget path. */
static void
assert_names (GtkWidget  *root,
              const char *view,
              guint       min_checked)
{
  Walk walk = { root, g_string_new (NULL), 0 };

  walk_widget (&walk, root, view);
  g_test_message ("%s: %u controls checked", view, walk.checked);
  if (walk.problems->len > 0)
    g_test_fail_printf ("%s: controls without a usable accessible name:%s", view, walk.problems->str);
  g_string_free (walk.problems, TRUE);
  /* The walk reached the view's controls. */
  g_assert_cmpuint (walk.checked, >=, min_checked);
}

/* A reception filter makes its popover when it first opens: open and
 * close each on screen once, so that its list is checked as the
 * drop-downs' are. */
static void
make_filter_popovers (GtkWidget *widget)
{
  if (KH_IS_FILTER_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && kh_filter_button_get_popover (KH_FILTER_BUTTON (widget)) == NULL)
    {
      kh_filter_button_popup (KH_FILTER_BUTTON (widget));
      g_assert_nonnull (kh_filter_button_get_popover (KH_FILTER_BUTTON (widget)));
      gtk_popover_popdown (kh_filter_button_get_popover (KH_FILTER_BUTTON (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    make_filter_popovers (child);
}

static void
collect_list_popovers (GtkWidget *widget,
                       GPtrArray *popovers)
{
  if (GTK_IS_POPOVER (widget) && !GTK_IS_POPOVER_MENU (widget)
      && find_list_view (widget) != NULL
      && gtk_widget_get_mapped (gtk_widget_get_parent (widget)))
    g_ptr_array_add (popovers, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_list_popovers (child, popovers);
}

/* Is `widget` wholly inside its window's visible area? */
static gboolean
on_screen (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget)
      || !gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (GTK_IS_VIEWPORT (up) || GTK_IS_SCROLLED_WINDOW (up))
      {
        graphene_rect_t clip;

        if (!gtk_widget_compute_bounds (widget, up, &bounds))
          return FALSE;
        graphene_rect_init (&clip, 0, 0, gtk_widget_get_width (up), gtk_widget_get_height (up));
        if (!graphene_rect_contains_rect (&clip, &bounds))
          return FALSE;
      }
  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

/* The popover's list has rows, and each row its widget (a loaded machine
 * may paint a frame between making a row and binding it). */
static gboolean
list_filled_cb (gpointer data)
{
  GtkWidget *list = find_list_view (data);

  if (gtk_widget_get_first_child (list) == NULL)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (G_OBJECT_TYPE_NAME (row), "GtkListItemWidget") && gtk_widget_get_first_child (row) == NULL)
      return FALSE;
  return TRUE;
}

/* The choices of every combo row and drop-down on screen in `root`: each
 * popover is opened, its list items checked as they are made, and closed
 * ("popover items had empty names"). Returns how many were opened. */
static guint
assert_popover_names (GtkWidget  *root,
                      const char *view)
{
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();

  make_filter_popovers (root);
  kh_test_spin (50);
  collect_list_popovers (root, popovers);
  for (guint i = 0; i < popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (popovers, i);
      GtkWidget *owner = gtk_widget_get_ancestor (gtk_widget_get_parent (popover), GTK_TYPE_DROP_DOWN);
      g_autofree char *owner_name = NULL;
      g_autofree char *path = NULL;

      if (owner == NULL)
        owner = gtk_widget_get_ancestor (gtk_widget_get_parent (popover), KH_TYPE_FILTER_BUTTON);
      if (owner == NULL)
        owner = gtk_widget_get_ancestor (popover, ADW_TYPE_COMBO_ROW);
      owner_name = describe (owner != NULL ? owner : gtk_widget_get_parent (popover));
      path = g_strdup_printf ("%s > %s", view, owner_name);
      /* Scrolled into sight first: a popover cannot open off the screen. */
      if (owner != NULL && !on_screen (owner))
        {
          gtk_widget_grab_focus (owner);
          kh_test_spin (100);
        }
      if (!on_screen (gtk_widget_get_parent (popover)))
        {
          g_test_message ("%s: not on the screen, its list not opened", path);
          continue;
        }
      gtk_popover_popup (GTK_POPOVER (popover));
      g_assert_true (kh_test_wait_until (list_filled_cb, popover, 5000));
      kh_test_spin (50);
      assert_names (popover, path, 1);
      gtk_popover_popdown (GTK_POPOVER (popover));
      kh_test_spin (50);
    }
  return popovers->len;
}

/* A fictional person: individual number 900–999. */
static gint64
seed_person (KhShellFixture *shell)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  GDate birth;
  gint64 id;

  db = kh_shell_fixture_open_db (shell, &user);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 13, G_DATE_OCTOBER, 1952);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 952, 0);
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino Maria");
  client->language = KH_LANGUAGE_FI;
  client->address = g_strdup ("Kotikatu 1 A 2");
  client->postal_code = g_strdup ("00100");
  client->city = g_strdup ("Helsinki");
  client->phone = g_strdup ("040 123 4567");
  id = kh_db_save_client (db, user, client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Her contact today, a row in the reception's list. */
  {
    g_autoptr(KhContact) contact = kh_contact_new ();
    g_autoptr(KhIntakeResult) saved = NULL;
    KhIntake intake = { 0 };

    client->id = id;
    contact->channel = KH_CHANNEL_WALK_IN;
    contact->contactor = KH_CONTACTOR_SELF;
    contact->needs = KH_NEED_FINANCIAL;
    contact->reason_text = g_strdup ("Vuokra maksamatta");
    contact->urgency = KH_URGENCY_NOT_URGENT;
    contact->language = KH_LANGUAGE_FI;
    contact->outcome = KH_OUTCOME_ADVICE;
    intake.contact = contact;
    intake.client = client;
    saved = kh_db_save_intake (db, user, &intake, &error);
    g_assert_no_error (error);
    g_assert_nonnull (saved);
  }
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kh_shell_fixture_init (&fixture->shell);
  fixture->client_id = seed_person (&fixture->shell);
  kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_shell_fixture_clear (&fixture->shell);
}

static GType wanted_type;

static gboolean
toplevel_open_cb (gpointer data)
{
  return kh_test_ui_find_window (wanted_type) != NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  wanted_type = type;
  g_assert_true (kh_test_wait_until (toplevel_open_cb, NULL, 10000));
  return kh_test_ui_find_window (type);
}

/* Closes a window of the test and waits until it is finalized. */
static void
destroy_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  kh_test_wait_until (kh_test_is_null_cb, &window, 5000);
  g_assert_null (window);
}

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (GTK_IS_BUILDABLE (root) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Does a list view inside `root` show a row? */
static gboolean
has_list_item_cb (gpointer data)
{
  GtkWidget *root = data;

  if (GTK_IS_LIST_VIEW (root) && gtk_widget_get_first_child (root) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child) && has_list_item_cb (child))
      return TRUE;
  return FALSE;
}

/* The roles screen readers announce: the outcomes and the urgency answer
 * are radio buttons, not check boxes; search entries are search boxes; the
 * main menu is a button. */
static void
assert_roles (Fixture   *fixture,
              GtkWidget *reception)
{
  static const char *radios[] = {
    "outcome_advice_check", "outcome_directed_check", "outcome_case_check",
    "outcome_urgent_check", "outcome_consulted_check",
    "urgency_yes_check", "urgency_no_check",
  };
  GtkWidget *window = GTK_WIDGET (fixture->shell.window);
  GtkWidget *clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  GtkWidget *log = kh_shell_fixture_get_view (&fixture->shell, "log");
  GtkWidget *menu = find_by_id (window, "menu_button");

  for (guint i = 0; i < G_N_ELEMENTS (radios); i++)
    {
      GtkWidget *radio = find_by_id (reception, radios[i]);

      g_assert_nonnull (radio);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (radio), GTK_ACCESSIBLE_ROLE_RADIO);
    }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find_by_id (reception, "search_entry")),
                                   GTK_ACCESSIBLE_ROLE_SEARCH_BOX);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find_by_id (clients, "search_entry")),
                                   GTK_ACCESSIBLE_ROLE_SEARCH_BOX);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find_by_id (log, "person_entry")),
                                   GTK_ACCESSIBLE_ROLE_SEARCH_BOX);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (find_by_id (log, "reload_button")),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_nonnull (menu);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_ROLE_BUTTON);
  /* The names asked for in the issue, as a screen reader reads them (in
   * English; another language is looked at with --verbose). */
  if (translated)
    return;
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (menu)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_by_id (log, "reload_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Reload");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_by_id (reception, "save_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Save");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_by_id (reception, "change_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Change");
}

/* The intake form shows other rows by channel, contact maker and outcome
 * (hidden ones are not in the tree): each combination is walked. */
static void
assert_form_modes (GtkWidget *reception)
{
  static const char *outcomes[] = {
    "outcome_advice_check", "outcome_directed_check", "outcome_case_check",
    "outcome_urgent_check", "outcome_consulted_check",
  };
  GtkWidget *form = GTK_WIDGET (kh_reception_page_get_form (KH_RECEPTION_PAGE (reception)));
  AdwComboRow *channel = ADW_COMBO_ROW (find_by_id (form, "channel_row"));
  AdwComboRow *contactor = ADW_COMBO_ROW (find_by_id (form, "contactor_row"));
  guint n_channels = g_list_model_get_n_items (adw_combo_row_get_model (channel));
  guint walks = 0;

  for (guint i = 0; i < n_channels; i++)
    {
      guint n_contactors;

      adw_combo_row_set_selected (channel, i);
      n_contactors = g_list_model_get_n_items (adw_combo_row_get_model (contactor));
      for (guint j = 0; j < n_contactors; j++)
        {
          adw_combo_row_set_selected (contactor, j);
          for (guint k = 0; k < G_N_ELEMENTS (outcomes); k++)
            {
              GtkWidget *outcome = find_by_id (form, outcomes[k]);
              g_autofree char *view = NULL;

              if (!gtk_widget_is_visible (outcome) || !gtk_widget_is_sensitive (outcome))
                continue;
              gtk_check_button_set_active (GTK_CHECK_BUTTON (outcome), TRUE);
              view = g_strdup_printf ("intake form (channel %u, contact maker %u, %s)", i, j, outcomes[k]);
              assert_names (form, view, 10);
              walks++;
            }
        }
    }
  g_assert_cmpuint (walks, >=, n_channels);
}

/* The main window with its views: reception (with the intake form open),
 * people search and, for the administrator, the access log. */
static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *reception = kh_shell_fixture_get_view (&fixture->shell, "reception");

  g_assert_true (KH_IS_RECEPTION_PAGE (reception));
  /* The reception's lists (with today's contact), with their filters, and
   * a search's results. */
  g_assert_true (kh_test_wait_until (has_list_item_cb, reception, 10000));
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (kh_shell_fixture_get_view (&fixture->shell, "clients"), "search_entry")),
                         "Mäkinen");
  g_assert_true (kh_test_wait_until (has_list_item_cb, kh_shell_fixture_get_view (&fixture->shell, "clients"), 10000));
  kh_test_spin (200);
  assert_names (GTK_WIDGET (fixture->shell.window), "window", 20);
  g_assert_cmpuint (assert_popover_names (GTK_WIDGET (fixture->shell.window), "window"), >=, 3);

  kh_reception_page_new_contact (KH_RECEPTION_PAGE (reception));
  kh_test_spin (200);

  assert_names (GTK_WIDGET (fixture->shell.window), "window", 60);
  assert_form_modes (reception);
  /* The intake form's combo rows. */
  g_assert_cmpuint (assert_popover_names (GTK_WIDGET (fixture->shell.window), "window"), >=, 3);
  assert_roles (fixture, reception);
}

static gboolean
person_loaded_cb (gpointer data)
{
  return kh_person_page_get_client (data) != NULL;
}

static KhPersonPage *
open_person (Fixture *fixture)
{
  GtkWidget *clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  KhPersonPage *page;

  page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), fixture->client_id);
  g_assert_true (kh_test_wait_until (person_loaded_cb, page, 10000));
  kh_test_spin (200);
  return page;
}

static void
test_person_page (Fixture       *fixture,
                  gconstpointer  data)
{
  KhPersonPage *page = open_person (fixture);

  assert_names (GTK_WIDGET (page), "person page", 3);
}

static void
test_person_editor (Fixture       *fixture,
                    gconstpointer  data)
{
  KhPersonPage *page = open_person (fixture);
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.edit", NULL));
  editor = wait_for_toplevel (KH_TYPE_PERSON_EDITOR);
  kh_test_spin (200);
  assert_names (GTK_WIDGET (editor), "person editor", 8);
  g_assert_cmpuint (assert_popover_names (GTK_WIDGET (editor), "person editor"), >=, 1);
  destroy_window (editor);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->shell.app), "preferences", NULL);
  preferences = wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW);
  kh_test_spin (500);
  assert_names (GTK_WIDGET (preferences), "preferences", 5);
  assert_popover_names (GTK_WIDGET (preferences), "preferences");
  destroy_window (preferences);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->shell.app), "shortcuts", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  kh_test_spin (200);
  assert_names (GTK_WIDGET (shortcuts), "shortcuts", 1);
  destroy_window (shortcuts);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  KhIntakeResult **saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = kh_store_save_intake_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set_cb (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
contact_shown_cb (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, KH_TYPE_CONTACT_WINDOW, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "view") == 0;
}

/* A saved contact's own window (2.1). */
static void
test_contact_window (Fixture       *fixture,
                     gconstpointer  data)
{
  KhStore *store = kh_window_get_store (fixture->shell.window);
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhIntakeResult) saved = NULL;
  KhIntake intake = { 0 };
  GtkWidget *window;

  client->id = fixture->client_id;
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->needs = KH_NEED_FINANCIAL;
  contact->reason_text = g_strdup ("Vuokra maksamatta");
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_ADVICE;
  intake.contact = contact;
  intake.client = client;
  kh_store_save_intake_async (store, &intake, NULL, saved_cb, &saved);
  g_assert_true (kh_test_wait_until (is_set_cb, &saved, 10000));

  window = kh_contact_window_new (store, saved->contact_id, GTK_WINDOW (fixture->shell.window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kh_test_wait_until (contact_shown_cb, window, 10000));
  assert_names (window, "contact window", 2);
  destroy_window (GTK_WINDOW (window));
}


/* Issue 9: the network page, an entry's dialog and two versions side by
 * side, for a social worker (the test's account, demoted from the
 * administrator it was made) with a network of three entries, one with a
 * consent, and a version of it. */
static void
fixture_set_up_network (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kh_shell_fixture_init (&fixture->shell);
  fixture->client_id = seed_person (&fixture->shell);
  {
    g_autoptr(KhUser) own = NULL;
    g_autoptr(KhDb) db = kh_shell_fixture_open_db (&fixture->shell, &own);
    g_autoptr(KhUser) admin = kh_db_save_user (db, own, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
    g_autoptr(KhUser) worker = NULL;
    g_autoptr(KhUser) demoted = NULL;
    static const struct { KhNetworkKind kind; const char *name; KhSector sector; } entries[] = {
      { KH_NETWORK_PERSON, "Maija Mäkinen", KH_SECTOR_FAMILY },
      { KH_NETWORK_PERSON, "Liisa Laine", KH_SECTOR_FRIENDS },
      { KH_NETWORK_AGENCY, "Terveysasema", KH_SECTOR_HEALTH },
    };

    g_assert_no_error (error);
    demoted = kh_db_save_user (db, admin, g_get_user_name (), NULL, KH_ROLE_SOCIAL_WORKER, TRUE, &error);
    g_assert_no_error (error);
    worker = kh_db_login (db, g_get_user_name (), NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_autoptr(KhNetworkMember) m = kh_network_member_new (entries[i].kind);
        g_autoptr(KhNetworkMember) added = NULL;

        m->client_id = fixture->client_id;
        m->name = g_strdup (entries[i].name);
        m->sector = entries[i].sector;
        added = kh_db_add_network_member (db, worker, m, &error);
        g_assert_no_error (error);
        if (i == 0)
          {
            g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
            g_autoptr(KhNetworkConsent) given = NULL;
            g_autoptr(GDateTime) now = g_date_time_new_now_local ();

            c->member_id = added->id;
            c->scope = KH_CONSENT_CONTACT;
            g_date_set_dmy (&c->given_on, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                            g_date_time_get_year (now));
            given = kh_db_record_network_consent (db, worker, fixture->client_id, c, &error);
            g_assert_no_error (error);
          }
      }
    {
      g_autoptr(KhNetworkVersion) version = kh_db_take_network_version (db, worker, fixture->client_id,
                                                                        "Alkukartoitus", &error);

      g_assert_no_error (error);
    }
  }
  kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");
}

static gboolean
network_loaded_cb (gpointer data)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_NETWORK_WINDOW);

  return window != NULL && kh_network_window_get_members (KH_NETWORK_WINDOW (window)) != NULL;
}

static gboolean
versions_compared_cb (gpointer data)
{
  return kh_network_versions_get_changes (data) != NULL;
}

static gboolean
has_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_check (child))
      return TRUE;
  return FALSE;
}

/* The partners' rows are made when the network has been read. */
static gboolean
extract_rows_cb (gpointer data)
{
  return has_check (data);
}

static void
test_network (Fixture       *fixture,
              gconstpointer  data)
{
  KhPersonPage *page = open_person (fixture);
  KhNetworkWindow *network;
  GtkListBox *list;
  GtkWindow *dialog;
  GtkWindow *versions;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.network", NULL));
  g_assert_true (kh_test_wait_until (network_loaded_cb, NULL, 10000));
  network = KH_NETWORK_WINDOW (kh_test_ui_find_window (KH_TYPE_NETWORK_WINDOW));
  kh_test_spin (200);
  assert_names (GTK_WIDGET (network), "network window", 12);
  assert_popover_names (GTK_WIDGET (network), "network window");

  list = kh_network_window_get_list (network);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  dialog = wait_for_toplevel (KH_TYPE_NETWORK_MEMBER_DIALOG);
  kh_test_spin (200);
  assert_names (GTK_WIDGET (dialog), "network entry", 15);
  assert_popover_names (GTK_WIDGET (dialog), "network entry");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "member.record-consent", NULL));
  {
    GtkWindow *consent = wait_for_toplevel (KH_TYPE_NETWORK_CONSENT_DIALOG);

    kh_test_spin (200);
    assert_names (GTK_WIDGET (consent), "consent of the network", 6);
    destroy_window (consent);
  }
  destroy_window (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "network.add-service", NULL));
  dialog = wait_for_toplevel (KH_TYPE_NETWORK_MEMBER_DIALOG);
  kh_test_spin (200);
  assert_names (GTK_WIDGET (dialog), "new service of the network", 12);
  destroy_window (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "network.versions", NULL));
  versions = wait_for_toplevel (KH_TYPE_NETWORK_VERSIONS);
  kh_test_spin (200);
  assert_names (GTK_WIDGET (versions), "versions of the network", 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (versions), "versions.compare", NULL));
  g_assert_true (kh_test_wait_until (versions_compared_cb, versions, 10000));
  kh_test_spin (200);
  assert_names (GTK_WIDGET (versions), "two versions of the network side by side", 5);
  destroy_window (versions);

  /* Issue 9, 6: giving a joint plan to its partner, the health centre. */
  {
    g_autoptr(KhClientPlan) plan = kh_client_plan_new ();
    GPtrArray *members = kh_network_window_get_members (network);
    GtkWidget *extract;

    plan->client_id = fixture->client_id;
    plan->joint = TRUE;
    for (guint i = 0; i < members->len; i++)
      {
        KhNetworkMember *m = g_ptr_array_index (members, i);

        if (m->kind == KH_NETWORK_AGENCY)
          g_ptr_array_add (plan->partners, kh_plan_partner_new (m->id, m->name, "Terveystarkastus", TRUE));
      }
    g_assert_cmpuint (plan->partners->len, ==, 1);
    extract = kh_plan_extract_dialog_new (GTK_WINDOW (network), kh_window_get_store (fixture->shell.window), plan);
    gtk_window_present (GTK_WINDOW (extract));
    g_assert_true (kh_test_wait_until (extract_rows_cb, extract, 10000));
    assert_names (extract, "giving the plan to a partner", 3);
    assert_popover_names (extract, "giving the plan to a partner");
    destroy_window (GTK_WINDOW (extract));
  }
  destroy_window (GTK_WINDOW (network));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KOHTAAMO_LOCALEDIR");

  kh_shell_test_init (&argc, &argv);
  /* In Finnish or Swedish: KOHTAAMO_LOCALEDIR and LANGUAGE from outside
   * (the names are then checked in that language). */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      translated = TRUE;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/accessibility/window", test_window);
  ADD ("/ui/accessibility/person-page", test_person_page);
  ADD ("/ui/accessibility/person-editor", test_person_editor);
  ADD ("/ui/accessibility/preferences", test_preferences);
  ADD ("/ui/accessibility/shortcuts", test_shortcuts);
  ADD ("/ui/accessibility/contact-window", test_contact_window);
  g_test_add ("/ui/accessibility/network", Fixture, NULL, fixture_set_up_network, test_network, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
