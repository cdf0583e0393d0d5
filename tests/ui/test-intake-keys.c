/* test-intake-keys.c — the four common intakes, from the keyboard alone,
 * with their keys counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key presses go to the X server (XTest, as a person's keyboard
 * would), so that every controller, binding, mnemonic and popover of the
 * form takes part. Every key pressed counts, modifiers too: Shift+Tab is
 * two keys, typing "aino" four. The counts are the README's table
 * (issue 5, 2.5); each intake must be shorter than it was before (33, 98,
 * 28 and 80 keys).
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <dlfcn.h>
#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include "store/kh-store.h"
#include "ui/common/kh-person-fields.h"
#include "ui/intake/kh-intake-form.h"

#include "kh-test-ui.h"

typedef int (*FakeKeyFunc) (Display *display, unsigned int keycode, Bool is_press, unsigned long delay);

typedef struct
{
  KhTestUi        ui;
  GtkWidget      *form;
  KhIntakeResult *saved;
  guint           n_saved;
  Display        *display;
  FakeKeyFunc     fake_key;
  guint           keys;          /* pressed so far in this intake */
} Fixture;

static GtkWidget *
form_child (Fixture    *f,
            const char *name)
{
  return kh_test_ui_child (f->form, KH_TYPE_INTAKE_FORM, name);
}

static void
saved_cb (KhIntakeForm   *form,
          KhIntakeResult *result,
          Fixture        *f)
{
  g_clear_pointer (&f->saved, kh_intake_result_free);
  f->saved = kh_intake_result_copy (result);
  f->n_saved++;
}

/* Lets the form handle what the server has sent, without sleeping: the
 * server has processed the fake keys once XSync returns; then waits for the
 * window's next frame. */
static void
settle (Fixture *f)
{
  XSync (f->display, False);
  for (guint i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
  /* And lay out what the key changed (a scroll, a shown row) before the
   * next key, as a person's pace would: a list must open where its row is. */
  gtk_test_widget_wait_for_draw (f->ui.window);
}

static void
press (Fixture *f,
       KeySym   keysym,
       gboolean down)
{
  KeyCode code = XKeysymToKeycode (f->display, keysym);

  g_assert_cmpuint (code, !=, 0);
  f->fake_key (f->display, code, down, 0);
  if (down)
    f->keys++;
}

/* One key, with modifiers held around it (each counts). */
static void
key (Fixture *f,
     KeySym   modifier,
     KeySym   keysym)
{
  if (modifier != NoSymbol)
    press (f, modifier, TRUE);
  press (f, keysym, TRUE);
  press (f, keysym, FALSE);
  if (modifier != NoSymbol)
    press (f, modifier, FALSE);
  settle (f);
}

static void
keys (Fixture *f,
      KeySym   keysym,
      guint    times)
{
  for (guint i = 0; i < times; i++)
    key (f, NoSymbol, keysym);
}

/* Types ASCII letters (capitals with Shift), digits, space, '.' and '-'. */
static void
type (Fixture    *f,
      const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      KeySym sym;

      if (g_ascii_isupper (*p))
        {
          key (f, XK_Shift_L, (KeySym) g_ascii_tolower (*p));
          continue;
        }

      switch (*p)
        {
        case ' ': sym = XK_space; break;
        case '.': sym = XK_period; break;
        case '-': sym = XK_minus; break;
        default:
          g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p));
          sym = (KeySym) *p;
          break;
        }
      key (f, NoSymbol, sym);
    }
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->ui.window));
}

static void
assert_focus_in (Fixture   *f,
                 GtkWidget *widget)
{
  GtkWidget *now = focus (f);

  if (now == NULL || (now != widget && !gtk_widget_is_ancestor (now, widget)))
    {
      GtkWidget *row = now ? gtk_widget_get_ancestor (now, ADW_TYPE_PREFERENCES_ROW) : NULL;

      g_error ("focus is on %s (%s), not in %s", now ? G_OBJECT_TYPE_NAME (now) : "nothing",
               row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "",
               gtk_widget_get_name (widget));
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GdkDisplay *display;
  void *xtst;

  kh_test_ui_set_up (&f->ui);
  f->form = kh_intake_form_new (f->ui.store);
  g_signal_connect (f->form, "saved", G_CALLBACK (saved_cb), f);
  kh_test_ui_show (&f->ui, f->form);
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (form_child (f, "service_row")))) > 1);

  display = gtk_widget_get_display (f->ui.window);
  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("the keys are sent through X (XTest)");
      return;
    }
  xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  g_assert_nonnull (xtst);
  f->fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent");
  g_assert_nonnull (f->fake_key);
  f->display = gdk_x11_display_get_xdisplay (display);

  /* Without a window manager the window gets the keyboard when told. */
  XSetInputFocus (f->display,
                  gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->ui.window))),
                  RevertToParent, CurrentTime);
  settle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kh_test_ui_tear_down (&f->ui);
  g_clear_pointer (&f->saved, kh_intake_result_free);
}

/* Someone already known, for the intakes that find a person. */
static void
add_known_person (Fixture *f)
{
  GtkWidget *grid = form_child (f, "needs_grid");

  kh_test_ui_fill_new_person (f->form, "Virtanen", "Aino", "010594Y9021");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_child (f, "channel_row")), KH_CHANNEL_PHONE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_child (f, "urgency_no_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_child (f, "outcome_advice_check")), TRUE);
  g_assert_true (gtk_widget_activate_action (f->form, "intake.save", NULL));
  WAIT_UNTIL (f->n_saved == 1);
  kh_intake_form_focus_start (KH_INTAKE_FORM (f->form));
  settle (f);
}

/* Finds the known person and leaves the focus on the channel. */
static void
find_known_person (Fixture *f)
{
  GtkWidget *results = form_child (f, "results_frame");
  GtkWidget *view = form_child (f, "results_view");

  assert_focus_in (f, form_child (f, "search_entry"));
  type (f, "virtanen aino");
  WAIT_UNTIL (gtk_widget_get_visible (results)
              && g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))) == 1);
  key (f, NoSymbol, XK_Return);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (form_child (f, "who_stack"))), ==, "chosen");
  assert_focus_in (f, form_child (f, "channel_row"));
}

/* Opens the focused combo row's list (Space), picks the choice that
 * starts with `prefix` by typing it, and takes it (Enter). */
static void
choose (Fixture    *f,
        const char *prefix)
{
  key (f, NoSymbol, XK_space);
  type (f, prefix);
  key (f, NoSymbol, XK_Return);
}

static void
report (Fixture    *f,
        const char *intake,
        guint       before)
{
  g_test_message ("keystrokes: %s: %u (before: %u)", intake, f->keys, before);
  g_assert_cmpuint (f->keys, <, before);
}

/* 1. A walk-in who is known: found, housing, not urgent, a case opened. */
static void
test_walk_in_with_case (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  KhContact *contact;

  if (g_test_failed () || f->display == NULL)
    return;
  add_known_person (f);
  f->keys = 0;

  find_known_person (f);
  choose (f, "w");                                   /* Walk-in */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (form_child (f, "channel_row"))), ==, KH_CHANNEL_WALK_IN);
  keys (f, XK_Tab, 3);                               /* made by, directed by, reasons */
  assert_focus_in (f, form_child (f, "needs_grid"));
  key (f, NoSymbol, XK_Right);                       /* housing */
  key (f, NoSymbol, XK_space);
  keys (f, XK_Tab, 2);                               /* own words, urgency */
  key (f, NoSymbol, XK_Right);                       /* not urgent */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_child (f, "urgency_no_check"))));
  keys (f, XK_Tab, 3);                               /* language, interpreter, outcomes */
  assert_focus_in (f, form_child (f, "outcome_advice_check"));
  keys (f, XK_Down, 2);                              /* advice → directed → case opened */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_child (f, "outcome_case_check"))));
  key (f, NoSymbol, XK_Return);                      /* save */
  WAIT_UNTIL (f->n_saved == 2);

  g_assert_cmpint (f->saved->case_id, >, 0);
  contacts = kh_test_ui_list_contacts_today (f->ui.store);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->channel, ==, KH_CHANNEL_WALK_IN);
  g_assert_cmpuint (contact->needs, ==, KH_NEED_HOUSING);
  g_assert_cmpint (contact->urgency, ==, KH_URGENCY_NOT_URGENT);
  report (f, "walk-in with case", 33);
}

/* 2. A new person without an identity code: name and birth date, asylum
 * seeker, by phone, financial support, not urgent, advice. */
static void
test_new_person_without_code (Fixture       *f,
                              gconstpointer  data)
{
  if (g_test_failed () || f->display == NULL)
    return;
  kh_intake_form_focus_start (KH_INTAKE_FORM (f->form));
  settle (f);
  f->keys = 0;

  type (f, "Rahimi Amir");
  key (f, NoSymbol, XK_Tab);                         /* New Person, names filled in */
  key (f, NoSymbol, XK_space);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (form_child (f, "who_stack"))), ==, "new");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_ui_person_child (f->form, "last_name_row"))),
                   ==, "Rahimi");
  assert_focus_in (f, kh_test_ui_person_child (f->form, "last_name_row"));
  keys (f, XK_Tab, 3);                               /* first names, code, the no-code row */
  assert_focus_in (f, gtk_widget_get_ancestor (kh_test_ui_person_child (f->form, "no_code_switch"),
                                               GTK_TYPE_LIST_BOX_ROW));
  key (f, NoSymbol, XK_space);                       /* no code */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (kh_test_ui_person_child (f->form, "no_code_switch"))));
  key (f, NoSymbol, XK_Tab);                         /* birth date */
  assert_focus_in (f, kh_test_ui_person_child (f->form, "birth_date_row"));
  type (f, "1.1.1990");
  key (f, NoSymbol, XK_Tab);                         /* why no code */
  assert_focus_in (f, kh_test_ui_person_child (f->form, "no_code_reason_row"));
  choose (f, "as");                                  /* Asylum seeker */
  {
    g_autoptr(KhClient) client = kh_person_fields_dup_client (KH_PERSON_FIELDS (kh_test_ui_child (f->form, KH_TYPE_INTAKE_FORM, "person_fields")));

    g_assert_cmpint (client->no_code_reason, ==, KH_NO_CODE_ASYLUM_SEEKER);
  }

  /* The contact. In English "_City" of the person's address shares the
   * channel's letter (and Alt+C stays on the city), so Tab goes on: the
   * language, interpreter, address, postal code, city, phone, e-mail,
   * received, channel. */
  keys (f, XK_Tab, 9);
  assert_focus_in (f, form_child (f, "channel_row"));
  choose (f, "p");                                   /* Phone */
  keys (f, XK_Tab, 3);                               /* made by, directed by, reasons */
  keys (f, XK_Right, 2);                             /* financial support */
  key (f, NoSymbol, XK_space);
  keys (f, XK_Tab, 2);                               /* own words, urgency */
  key (f, NoSymbol, XK_Right);                       /* not urgent */
  keys (f, XK_Tab, 1);                               /* outcomes (the new person's fields give the language) */
  assert_focus_in (f, form_child (f, "outcome_advice_check"));
  key (f, NoSymbol, XK_space);                       /* advice */
  key (f, NoSymbol, XK_Return);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_true (f->saved->created_client);
  report (f, "new person without a code", 98);
}

/* 3. Anonymous advice by phone. */
static void
test_anonymous_advice (Fixture       *f,
                       gconstpointer  data)
{
  if (g_test_failed () || f->display == NULL)
    return;
  kh_intake_form_focus_start (KH_INTAKE_FORM (f->form));
  settle (f);
  f->keys = 0;

  key (f, XK_Alt_L, XK_a);                           /* anonymous */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (form_child (f, "anonymous_switch"))));
  key (f, XK_Alt_L, XK_c);
  choose (f, "p");                                   /* Phone */
  key (f, NoSymbol, XK_Tab);                         /* reasons */
  assert_focus_in (f, form_child (f, "needs_grid"));
  key (f, NoSymbol, XK_space);                       /* coping with daily life */
  keys (f, XK_Tab, 1);                               /* urgency (no free text when anonymous) */
  key (f, NoSymbol, XK_Right);                       /* not urgent */
  keys (f, XK_Tab, 3);                               /* language, interpreter, outcomes */
  assert_focus_in (f, form_child (f, "outcome_advice_check"));
  key (f, NoSymbol, XK_space);                       /* advice */
  key (f, NoSymbol, XK_Return);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->client_id, ==, 0);
  report (f, "anonymous advice", 28);
}

/* 4. A police notification without consent about a known person: a case. */
static void
test_police_notification (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  KhContact *contact;

  if (g_test_failed () || f->display == NULL)
    return;
  add_known_person (f);
  f->keys = 0;

  find_known_person (f);
  choose (f, "an");                                  /* Another authority */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (form_child (f, "contactor_row"))), ==, 3);
  keys (f, XK_Tab, 2);                               /* made by (an authority), which */
  assert_focus_in (f, form_child (f, "contactor_detail_row"));
  type (f, "poliisi");
  key (f, NoSymbol, XK_Tab);                         /* kind of contact */
  choose (f, "n");                                   /* Notification without consent */
  key (f, NoSymbol, XK_Tab);                         /* reasons */
  keys (f, XK_Right, 1);                             /* housing */
  key (f, NoSymbol, XK_space);
  keys (f, XK_Tab, 2);                               /* own words, urgency */
  key (f, NoSymbol, XK_Right);                       /* not urgent */
  keys (f, XK_Tab, 3);                               /* language, interpreter, outcomes */
  keys (f, XK_Down, 2);                              /* case opened */
  key (f, NoSymbol, XK_Return);
  WAIT_UNTIL (f->n_saved == 2);

  g_assert_cmpint (f->saved->case_id, >, 0);
  contacts = kh_test_ui_list_contacts_today (f->ui.store);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->contactor, ==, KH_CONTACTOR_AUTHORITY);
  g_assert_cmpstr (contact->contactor_detail, ==, "poliisi");
  g_assert_cmpint (contact->referral, ==, KH_REFERRAL_WITHOUT_CONSENT);
  report (f, "police notification", 80);
}

/* 2.5: a list opens on its current choice, so that Space and Enter keep it;
 * the focused field is scrolled out from under the action bar. */
static void
test_list_opens_on_choice (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *channel = form_child (f, "channel_row");
  GtkWidget *note = form_child (f, "outcome_note_row");
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  GtkWidget *content;

  if (g_test_failed () || f->display == NULL)
    return;
  adw_combo_row_set_selected (ADW_COMBO_ROW (channel), KH_CHANNEL_CHAT);
  gtk_widget_grab_focus (channel);
  settle (f);
  f->keys = 0;
  key (f, NoSymbol, XK_space);
  key (f, NoSymbol, XK_Return);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (channel)), ==, KH_CHANNEL_CHAT);
  assert_focus_in (f, channel);

  /* The last field of the form, reached by Tab from the outcomes. */
  gtk_widget_grab_focus (form_child (f, "outcome_advice_check"));
  settle (f);
  key (f, NoSymbol, XK_Tab);
  assert_focus_in (f, note);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form_child (f, "scroller")));
  content = gtk_widget_get_parent (gtk_widget_get_parent (form_child (f, "error_label")));
  while (content != NULL && !GTK_IS_VIEWPORT (gtk_widget_get_parent (content)))
    content = gtk_widget_get_parent (content);
  g_assert_nonnull (content);
  g_assert_true (gtk_widget_compute_bounds (focus (f), content, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
}

int
main (int   argc,
      char *argv[])
{
  /* The choices are typed by their English names. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A switch turns at the end of its animation: none, so that each key's
   * effect is there when the next key goes. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/intake-keys/walk-in-with-case", test_walk_in_with_case);
  ADD ("/ui/intake-keys/new-person-without-code", test_new_person_without_code);
  ADD ("/ui/intake-keys/anonymous-advice", test_anonymous_advice);
  ADD ("/ui/intake-keys/police-notification", test_police_notification);
  ADD ("/ui/intake-keys/list-opens-on-choice", test_list_opens_on_choice);

#undef ADD

  return g_test_run ();
}
