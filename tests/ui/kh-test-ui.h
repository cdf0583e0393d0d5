/* kh-test-ui.h — what the intake-form and reception-page tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test gets its own database in a temporary folder, opened by a
 * KhStore, and a plain window to put the widget under test in. Waiting is
 * done by running the main loop until a condition holds, with a time limit,
 * never by sleeping.
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

typedef struct {
  char      *dir;
  KhStore   *store;
  GtkWidget *window;
  /* What the store opened: the SQLite file in `dir`, or, with
   * KOHTAAMO_TEST_ENGINE=pg (the ui-pg suite), the test's own database on
   * the test cluster (tests/store/pg-test-util.h), as its administrator. */
  char      *location;
  char      *pg_dbname;
  gpointer   pg_turn;
} KhTestUi;

/* Sets `*(gboolean *) data` and stops: the time limit of WAIT_UNTIL. */
gboolean   kh_test_ui_timed_out_cb        (gpointer    data);

/* Runs the main loop until `cond` holds, failing after 10 s. Never sleeps. */
#define WAIT_UNTIL(cond) G_STMT_START {                                         \
    gboolean timed_out_ = FALSE;                                                \
    guint id_ = g_timeout_add_seconds (10, kh_test_ui_timed_out_cb, &timed_out_); \
    while (!(cond) && !timed_out_)                                              \
      g_main_context_iteration (NULL, TRUE);                                    \
    if (!timed_out_)                                                            \
      g_source_remove (id_);                                                    \
    g_assert_true (cond);                                                       \
  } G_STMT_END

/* Opens a new database (a file in a temporary folder, or a database on
 * the test cluster) and makes the window (tall when screenshots are asked
 * for). */
void       kh_test_ui_set_up              (KhTestUi   *ui);
/* Puts `child` in the window, presents it and waits until it is drawn. */
void       kh_test_ui_show                (KhTestUi   *ui,
                                           GtkWidget  *child);
/* Destroys the window, waits until the store is gone and removes the files. */
void       kh_test_ui_tear_down           (KhTestUi   *ui);

/* With KH_TEST_SCREENSHOTS=DIR set, saves what the window shows as
 * DIR/NAME.png, for looking at the layout; otherwise does nothing. */
void       kh_test_ui_screenshot          (GtkWidget  *window,
                                           const char *name);

/* With KOHTAAMO_LOCALEDIR set (pictures in Finnish or Swedish), the
 * run's locale and the catalogue there. */
void       kh_test_ui_bind_catalogue      (void);

typedef gboolean (*KhTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);
/* The first widget inside `widget` (itself included, depth first) that
 * `match` accepts, or NULL. */
GtkWidget *kh_test_ui_find                (GtkWidget         *widget,
                                           KhTestWidgetMatch  match,
                                           gconstpointer      data);
/* The first of `type`. */
GtkWidget *kh_test_ui_find_type           (GtkWidget  *widget,
                                           GType       type);
/* The first with the style class `css_class`. */
GtkWidget *kh_test_ui_find_css_class      (GtkWidget  *widget,
                                           const char *css_class);

/* The first shown toplevel window of `type`, or NULL. */
GtkWindow *kh_test_ui_find_window         (GType       type);

/* The template child `name` of `widget` (of template type `type`); fails
 * the test when there is none. */
GtkWidget *kh_test_ui_child               (GtkWidget  *widget,
                                           GType       type,
                                           const char *name);
/* A template child of the person fields inside an intake form. */
GtkWidget *kh_test_ui_person_child        (GtkWidget  *form,
                                           const char *name);
/* Starts a new person in an intake form and types the names and the code. */
void       kh_test_ui_fill_new_person     (GtkWidget  *form,
                                           const char *last_name,
                                           const char *first_names,
                                           const char *code);
/* Chooses the channel, ticks the need at `need` (the grid's order, two a
 * row) and the outcome check button named `outcome_check`. */
void       kh_test_ui_fill_contact        (GtkWidget  *form,
                                           KhChannel   channel,
                                           guint       need,
                                           const char *outcome_check);

/* Whether the tests run on PostgreSQL (KOHTAAMO_TEST_ENGINE=pg). */
gboolean   kh_test_ui_on_server           (void);
/* Runs SQL beside the store, as another program would: on the SQLite file,
 * or as the server's superuser in the test's database (schema kohtaamo). */
void       kh_test_ui_sql                 (KhTestUi   *ui,
                                           const char *statement);
/* The number the first column of the first row of `query` holds. */
gint64     kh_test_ui_count               (KhTestUi   *ui,
                                           const char *query);

/* Today `days` from now (negative: ago). */
void       kh_test_ui_day_from_now        (GDate      *out,
                                           int         days);
/* Issue 9: the case's assessment finished as `worker` (started and
 * finished when it is not); its id. */
gint64     kh_test_ui_finish_assessment   (KhDb       *db,
                                           KhUser     *worker,
                                           gint64      case_id);
/* Issue 9: finishes the case's assessment as `worker` and makes the
 * person a client plan `made_ago` days ago, reviewed `review_in` days
 * from today, of one goal: the client's action due `due_in` days from
 * today, Kela's (a new entry of the network) in a month. Returns the
 * plan as stored. */
KhClientPlan *kh_test_ui_make_plan        (KhDb       *db,
                                           KhUser     *worker,
                                           gint64      client_id,
                                           gint64      case_id,
                                           int         made_ago,
                                           int         review_in,
                                           int         due_in);

/* Today's contacts, straight from the store. */
GPtrArray *kh_test_ui_list_contacts_today (KhStore    *store);
/* The contacts received on `date` (ISO; NULL for today). */
GPtrArray *kh_test_ui_list_contacts_on     (KhStore    *store,
                                           const char *date);

G_END_DECLS
