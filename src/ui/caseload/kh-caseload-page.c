/* kh-caseload-page.c — the worker's cases and their team's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 1. A switch between "My Cases" and "Team Queue", each a
 * GtkListView over a KhCaseloadModel (read a page at a time, urgent first,
 * then by the next statutory date), a heading that counts the cases, the
 * urgent and the overdue ones, and two actions on the selected case: Take
 * (from the queue) and Assign… (to a colleague the rules allow,
 * kh_case_assign_check). Every widget is reachable from the keyboard:
 * the switch and the buttons have mnemonics (Alt+M, Alt+Q, Alt+T,
 * Alt+A), the list takes the arrows, and Enter on a case opens the
 * person's page. The page follows the store's "changed", so a case taken
 * at another desk leaves the queue here.
 *
 * Issue 7, "how we will know": a case of one's own is assessed from its
 * row. The row's button (Start, Continue or Open Assessment), Ctrl+Enter
 * on the selected case, or its context menu (the Menu key, Shift+F10 or a
 * right click, which also has Open Person, Take and Assign…) open the
 * same window as the person's page (kh_assessment_window_present).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-caseload.h"
#include "ui/assessment/kh-assessment-window.h"
#include "ui/common/kh-accessible.h"
#include "kh-caseload-model.h"
#include "kh-caseload-page.h"
#include "kh-caseload-row.h"

struct _KhCaseloadPage
{
  GtkWidget           parent_instance;

  /* borrowed: children */
  GtkWidget          *mine_button;
  GtkWidget          *queue_button;
  GtkWidget          *heading;
  GtkWidget          *take_button;
  GtkWidget          *assign_button;
  GtkWidget          *stack;
  GtkWidget          *empty;
  GtkWidget          *error;
  GtkListView        *list_view;
  GtkWidget          *menu;

  /* owned */
  KhStore            *store;
  KhCaseloadModel    *model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  GdkFrameClock      *clock;
  gulong              paint_id;
  gboolean            stale;       /* changed while not on screen */
  gboolean            busy;        /* a take or an assignment on its way */
};

G_DEFINE_FINAL_TYPE (KhCaseloadPage, kh_caseload_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  TOAST,
  OPEN_CLIENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Rows added to the list a frame (see kh_caseload_model_grow). */
#define ROWS_PER_FRAME 25

static void
toast (KhCaseloadPage *self,
       const char     *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  g_signal_emit (self, signals[TOAST], 0, t);
  g_object_unref (t);
}

static KhCase *
selected_case (KhCaseloadPage *self)
{
  KhWorkListItem *item = gtk_single_selection_get_selected_item (self->selection);
  GObject *record = item != NULL ? kh_work_list_item_get_record (item) : NULL;

  return KH_IS_CASE (record) ? KH_CASE (record) : NULL;
}

/* The user's id when their role works with assessments, else 0. */
static gint64
assessor (KhCaseloadPage *self)
{
  KhUser *me = kh_store_get_user (self->store);

  return me != NULL && kh_assessment_window_may_open (self->store) ? me->id : 0;
}

/* A case of the user's own, when their role works with assessments: as
 * the row's button (kh-caseload-row.c). */
static gboolean
may_assess (KhCaseloadPage *self,
            KhCase         *kcase)
{
  gint64 me = assessor (self);

  return me != 0 && kcase->status == KH_CASE_ASSIGNED && kcase->assigned_to == me;
}

static void
update_actions (KhCaseloadPage *self)
{
  KhCase *kcase = selected_case (self);
  KhUser *me = kh_store_get_user (self->store);
  gboolean take = FALSE;

  if (kcase != NULL && me != NULL && !self->busy)
    take = kcase->status == KH_CASE_QUEUED && kh_case_assign_check (me, kcase, me) == KH_ASSIGN_OK;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caseload.take", take);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caseload.assign",
                                 kcase != NULL && !self->busy && me != NULL
                                 && kh_role_works_cases (me->role));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caseload.assess-selected",
                                 kcase != NULL && may_assess (self, kcase));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caseload.open", kcase != NULL);
}

static void
update_heading (KhCaseloadPage *self)
{
  const KhCaseloadCounts *counts = kh_caseload_model_get_counts (self->model);
  g_autoptr(GString) text = g_string_new (NULL);

  if (!kh_caseload_model_is_loaded (self->model))
    {
      gtk_label_set_text (GTK_LABEL (self->heading), "");
      return;
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", counts->total),
                          counts->total);
  if (counts->urgent > 0)
    /* Translators: appended to "12 cases" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u urgent", ", %u urgent",
                                               counts->urgent), counts->urgent);
  if (counts->overdue > 0)
    /* Translators: appended to "12 cases, 2 urgent" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u overdue", ", %u overdue",
                                               counts->overdue), counts->overdue);
  gtk_label_set_text (GTK_LABEL (self->heading), text->str);
}

static GtkWidget *
status_page (const char *icon)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  return page;
}

/* The empty and the error page, made when first needed: they are not in
 * the first frame of a list (issue 7: the view's first frame counts). */
static void
ensure_status_pages (KhCaseloadPage *self)
{
  if (self->empty != NULL)
    return;
  self->empty = status_page ("folder-documents-symbolic");
  self->error = status_page ("dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->error), _("The Cases Could Not Be Read"));
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), self->error, "error");
}

static void
loaded_cb (KhCaseloadModel *model,
           const GError    *error,
           KhCaseloadPage  *self)
{
  if (error != NULL)
    {
      /* While the server is away the rows stay; the window says so. */
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE)
          && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "list") == 0)
        return;
      ensure_status_pages (self);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      return;
    }
  update_heading (self);
  if (kh_caseload_model_get_counts (model)->total == 0)
    {
      gboolean mine = kh_caseload_model_get_scope (model) == KH_CASELOAD_MINE;

      ensure_status_pages (self);
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty),
                                 mine ? _("No Cases") : _("The Queue Is Empty"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                       mine ? _("Cases you take from your team’s queue, or that are assigned to you, are listed here.")
                                            : _("No case is waiting for a worker in your team."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  update_actions (self);
}

/* Reads the pages of the rows on screen; only those are logged. */
static void
read_rows_on_screen (KhCaseloadPage *self)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->list_view));
  int height = gtk_widget_get_height (scroller);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      KhWorkListItem *item;
      graphene_rect_t bounds;

      if (!KH_IS_CASELOAD_ROW (row) || !gtk_widget_get_child_visible (child))
        continue;
      item = kh_caseload_row_get_item (KH_CASELOAD_ROW (row));
      if (item == NULL || !gtk_widget_compute_bounds (child, scroller, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      kh_caseload_model_read_item (self->model, item);
    }
}

static void
painted_cb (GdkFrameClock  *clock,
            KhCaseloadPage *self)
{
  read_rows_on_screen (self);
  if (kh_caseload_model_grow (self->model, ROWS_PER_FRAME))
    gtk_widget_queue_draw (GTK_WIDGET (self->list_view));
}

static void
selection_changed_cb (KhCaseloadPage *self)
{
  update_actions (self);
}

static void
item_record_changed_cb (KhCaseloadPage *self)
{
  update_actions (self);
}

static void
selected_item_changed_cb (KhCaseloadPage *self)
{
  /* The record of the selected row may come later than the selection. */
  static GQuark quark = 0;
  KhWorkListItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (quark == 0)
    quark = g_quark_from_static_string ("kh-caseload-watched");
  if (item != NULL && g_object_get_qdata (G_OBJECT (item), quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (item), quark, GINT_TO_POINTER (1));
      g_signal_connect_object (item, "notify::record", G_CALLBACK (item_record_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  update_actions (self);
}

static void
activate_cb (GtkListView    *view,
             guint           position,
             KhCaseloadPage *self)
{
  g_autoptr(KhWorkListItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GObject *record = item != NULL ? kh_work_list_item_get_record (item) : NULL;

  if (KH_IS_CASE (record))
    g_signal_emit (self, signals[OPEN_CLIENT], 0, KH_CASE (record)->client_id);
}

static void
scope_toggled_cb (KhCaseloadPage *self)
{
  KhCaseloadScope scope = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->queue_button))
                          ? KH_CASELOAD_TEAM_QUEUE : KH_CASELOAD_MINE;

  kh_caseload_page_set_scope (self, scope);
}

/* ---- taking and assigning ---- */

typedef struct
{
  KhCaseloadPage *self;
  char           *message;
} Assigning;

static void
assigned_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Assigning *a = user_data;
  g_autoptr(KhCaseloadPage) self = a->self;
  g_autofree char *message = a->message;
  g_autoptr(GError) error = NULL;

  g_free (a);
  self->busy = FALSE;
  if (kh_store_assign_case_finish (KH_STORE (object), result, &error))
    toast (self, message);
  else
    {
      toast (self, error->message);
      /* The store's "changed" does not follow a refused write. */
      kh_caseload_model_refresh (self->model);
    }
  update_actions (self);
}

static void
assign_to (KhCaseloadPage *self,
           KhCase         *kcase,
           KhUser         *assignee,
           const char     *message)
{
  Assigning *a = g_new0 (Assigning, 1);

  a->self = g_object_ref (self);
  a->message = g_strdup (message);
  self->busy = TRUE;
  update_actions (self);
  kh_store_assign_case_async (self->store, kcase->id, kcase->assigned_to, assignee->id,
                              NULL, assigned_cb, a);
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);
  KhCase *kcase = selected_case (self);
  g_autofree char *message = NULL;

  if (kcase == NULL)
    return;
  /* Translators: %s is the person's name */
  message = g_strdup_printf (_("You took the case of %s. It is now in your cases."), kcase->client_name);
  assign_to (self, kcase, kh_store_get_user (self->store), message);
}

typedef struct
{
  KhCaseloadPage *self;
  KhCase         *kcase;
  GPtrArray      *colleagues;  /* of KhUser: the case's team first */
  GPtrArray      *labels;      /* of char *, the colleagues' */
  guint           n_team;      /* how many of them are in the case's team */
  GtkDropDown    *choice;
} AssignDialog;

static void
assign_dialog_free (AssignDialog *d)
{
  g_object_unref (d->self);
  g_object_unref (d->kcase);
  g_ptr_array_unref (d->colleagues);
  g_ptr_array_unref (d->labels);
  g_free (d);
}

/* The choice lists the case's team (issue 5, 2.9), or everyone the user may
 * give the case to; the one chosen stays chosen. */
static void
show_colleagues (AssignDialog *d,
                 gboolean      all)
{
  guint n = all || d->n_team == 0 ? d->colleagues->len : d->n_team;
  guint chosen = gtk_drop_down_get_selected (d->choice);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, g_ptr_array_index (d->labels, i));
  gtk_drop_down_set_model (d->choice, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (d->choice, chosen < n ? chosen : 0);
}

static void
all_workers_toggled_cb (GtkCheckButton *check,
                        AssignDialog   *d)
{
  show_colleagues (d, gtk_check_button_get_active (check));
}

/* The colleagues the case may go to, those of its team first; a worker of
 * another team is for the lead social worker, who moves cases between
 * teams (kh_case_assign_check). */
static void
add_colleagues (AssignDialog *d,
                KhUser       *me,
                GPtrArray    *users,
                gboolean      team)
{
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);
      const char *name = user->display_name != NULL ? user->display_name : user->account;

      if ((user->team_id == d->kcase->team_id) != team || user->id == d->kcase->assigned_to
          || kh_case_assign_check (me, d->kcase, user) != KH_ASSIGN_OK)
        continue;
      g_ptr_array_add (d->colleagues, g_object_ref (user));
      g_ptr_array_add (d->labels,
                       user->id == me->id ? g_strdup_printf (_("%s (you)"), name)
                       : !team && user->team_name != NULL
                       ? g_strdup_printf ("%s · %s", name, user->team_name)
                       : g_strdup (name));
      if (team)
        d->n_team++;
    }
}

static void
assign_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AssignDialog     *d)
{
  if (g_strcmp0 (response, "assign") == 0)
    {
      guint chosen = gtk_drop_down_get_selected (d->choice);

      if (chosen < d->colleagues->len)
        {
          KhUser *colleague = g_ptr_array_index (d->colleagues, chosen);
          g_autofree char *message = NULL;

          const char *name = colleague->display_name != NULL ? colleague->display_name
                                                             : colleague->account;

          /* A case follows its worker into their team (kh_case_team_after_assign). */
          if (kh_case_team_after_assign (d->kcase->team_id, colleague->team_id) != d->kcase->team_id
              && colleague->team_name != NULL)
            /* Translators: the person's name, the colleague's, then the colleague's team */
            message = g_strdup_printf (_("The case of %s is now with %s, in the team %s."),
                                       d->kcase->client_name, name, colleague->team_name);
          else
            /* Translators: the person's name, then the colleague's */
            message = g_strdup_printf (_("The case of %s is now with %s."), d->kcase->client_name, name);
          assign_to (d->self, d->kcase, colleague, message);
        }
    }
  assign_dialog_free (d);
}

static void
users_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhCaseloadPage) self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  KhUser *me = kh_store_get_user (self->store);
  KhCase *kcase = selected_case (self);
  AssignDialog *d;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkRoot *root;

  users = kh_store_list_users_finish (KH_STORE (object), result, &error);
  self->busy = FALSE;
  update_actions (self);
  if (users == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (kcase == NULL || me == NULL)
    return;

  d = g_new0 (AssignDialog, 1);
  d->self = g_object_ref (self);
  d->kcase = g_object_ref (kcase);
  d->colleagues = g_ptr_array_new_with_free_func (g_object_unref);
  d->labels = g_ptr_array_new_with_free_func (g_free);
  add_colleagues (d, me, users, TRUE);
  add_colleagues (d, me, users, FALSE);
  if (d->colleagues->len == 0)
    {
      KhAssignCheck why = kh_case_assign_check (me, kcase, me);

      toast (self, why != KH_ASSIGN_OK && why != KH_ASSIGN_ASSIGNEE_NOT_A_WORKER
                   ? kh_assign_check_message (why)
                   : _("No colleague can be given this case."));
      assign_dialog_free (d);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Assign Case"), NULL);
  /* Translators: %s is the person's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Who will work on the case of %s?"),
                                  kcase->client_name);
  d->choice = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Worker"), -1);
  show_colleagues (d, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->choice));
  /* Workers of other teams, only when there are both. */
  if (d->n_team > 0 && d->n_team < d->colleagues->len)
    {
      GtkWidget *all = gtk_check_button_new_with_mnemonic (_("Show _workers of other teams"));

      gtk_widget_set_name (all, "kh-assign-all-workers");
      kh_accessible_fix_mnemonics (all);
      g_signal_connect (all, "toggled", G_CALLBACK (all_workers_toggled_cb), d);
      gtk_box_append (GTK_BOX (box), all);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "assign", _("_Assign"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "assign",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (assign_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->choice));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);

  if (selected_case (self) == NULL)
    return;
  self->busy = TRUE;
  update_actions (self);
  kh_store_list_users_async (self->store, self->cancellable, users_listed_cb, g_object_ref (self));
}

/* ---- the assessment ---- */

static void
assessment_window_destroyed_cb (KhCaseloadPage *self)
{
  /* Started or finished there: the row's button says so now. */
  if (self->model != NULL)
    kh_caseload_model_refresh (self->model);
}

static void
assess (KhCaseloadPage *self,
        KhCase         *kcase)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window;

  if (!may_assess (self, kcase))
    return;
  window = kh_assessment_window_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->store, kcase->id);
  if (kcase->client_name != NULL)
    kh_assessment_window_set_client_name (KH_ASSESSMENT_WINDOW (window), kcase->client_name);
  g_signal_handlers_disconnect_by_func (window, assessment_window_destroyed_cb, self);
  g_signal_connect_object (window, "destroy", G_CALLBACK (assessment_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The row's button: the case by its id, among the rows read. */
static void
assess_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);
  gint64 case_id = g_variant_get_int64 (parameter);
  GListModel *model = G_LIST_MODEL (self->model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhWorkListItem) item = g_list_model_get_item (model, i);
      GObject *record = kh_work_list_item_get_record (item);

      if (KH_IS_CASE (record) && KH_CASE (record)->id == case_id)
        {
          /* Keyboard and pointer agree on which case is at hand. */
          gtk_single_selection_set_selected (self->selection, i);
          assess (self, KH_CASE (record));
          return;
        }
    }
}

static void
assess_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);
  KhCase *kcase = selected_case (self);

  if (kcase != NULL)
    assess (self, kcase);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);
  KhCase *kcase = selected_case (self);

  if (kcase != NULL)
    g_signal_emit (self, signals[OPEN_CLIENT], 0, kcase->client_id);
}

/* The list item widget of the selected row, if it is made. */
static GtkWidget *
selected_row_widget (KhCaseloadPage *self)
{
  KhWorkListItem *selected = gtk_single_selection_get_selected_item (self->selection);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL && selected != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (KH_IS_CASELOAD_ROW (row) && kh_caseload_row_get_item (KH_CASELOAD_ROW (row)) == selected
          && gtk_widget_get_child_visible (child))
        return child;
    }
  return NULL;
}

/* The selected case's menu, at its row (or at `x`, `y` of the page). */
static void
popup_menu (KhCaseloadPage *self,
            double          x,
            double          y)
{
  KhCase *kcase = selected_case (self);
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) section = NULL;
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (kcase == NULL)
    return;
  menu = g_menu_new ();
  section = g_menu_new ();
  if (may_assess (self, kcase))
    g_menu_append (section, kh_caseload_row_assessment_label (kcase), "caseload.assess-selected");
  /* Translators: in a case's context menu: opens the person's page */
  g_menu_append (section, _("Open Person"), "caseload.open");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  if (kcase->status == KH_CASE_QUEUED)
    g_menu_append (section, _("_Take"), "caseload.take");
  g_menu_append (section, _("_Assign…"), "caseload.assign");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  if (self->menu == NULL)
    {
      /* Made at the first use, as the status pages. */
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));

  if (x < 0)
    {
      GtkWidget *row = selected_row_widget (self);
      graphene_rect_t bounds;

      if (row != NULL && gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
        at = (GdkRectangle) { (int) bounds.origin.x + 24, (int) bounds.origin.y,
                              1, (int) bounds.size.height };
      else
        at = (GdkRectangle) { 24, 24, 1, 1 };
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  popup_menu (KH_CASELOAD_PAGE (widget), -1, -1);
}

/* A right click selects the case under the pointer and opens its menu. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      KhCaseloadPage  *self)
{
  GtkWidget *view = GTK_WIDGET (self->list_view);
  GtkWidget *picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  double px, py;

  while (picked != NULL && !KH_IS_CASELOAD_ROW (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || kh_caseload_row_get_item (KH_CASELOAD_ROW (picked)) == NULL)
    return;
  {
    KhWorkListItem *item = kh_caseload_row_get_item (KH_CASELOAD_ROW (picked));
    GListModel *model = G_LIST_MODEL (self->model);
    guint n = g_list_model_get_n_items (model);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(KhWorkListItem) other = g_list_model_get_item (model, i);

        if (other == item)
          {
            gtk_single_selection_set_selected (self->selection, i);
            break;
          }
      }
  }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (!gtk_widget_translate_coordinates (view, GTK_WIDGET (self), x, y, &px, &py))
    px = py = -1;
  popup_menu (self, px, py);
}

/* The rows: each knows whether its user assesses (for its button). */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KhCaseloadPage           *self)
{
  GtkWidget *row = g_object_new (KH_TYPE_CASELOAD_ROW, NULL);
  KhUser *me = kh_store_get_user (self->store);

  kh_caseload_row_set_user (KH_CASELOAD_ROW (row), me != NULL ? me->id : 0,
                            kh_assessment_window_may_open (self->store));
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  kh_caseload_row_set_item (KH_CASELOAD_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  kh_caseload_row_set_item (KH_CASELOAD_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* ---- live ---- */

static void
store_changed_cb (KhCaseloadPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kh_caseload_model_refresh (self->model);
  else
    self->stale = TRUE;
}

static void
kh_caseload_page_map (GtkWidget *widget)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);

  GTK_WIDGET_CLASS (kh_caseload_page_parent_class)->map (widget);

  self->clock = gtk_widget_get_frame_clock (widget);
  if (self->clock != NULL)
    {
      g_object_ref (self->clock);
      self->paint_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (painted_cb), self);
    }
  /* Each showing of the page is a new showing of its people. */
  if (!kh_caseload_model_is_loaded (self->model) || self->stale)
    kh_caseload_model_reload (self->model);
  self->stale = FALSE;
}

static void
kh_caseload_page_unmap (GtkWidget *widget)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (widget);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_object (&self->clock);

  GTK_WIDGET_CLASS (kh_caseload_page_parent_class)->unmap (widget);
}

/* ---- GObject ---- */


static void
kh_caseload_page_constructed (GObject *object)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (object);

  G_OBJECT_CLASS (kh_caseload_page_parent_class)->constructed (object);

  g_return_if_fail (KH_IS_STORE (self->store));

  self->model = kh_caseload_model_new (self->store);
  g_signal_connect_object (self->model, "loaded", G_CALLBACK (loaded_cb), self, 0);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
kh_caseload_page_dispose (GObject *object)
{
  KhCaseloadPage *self = KH_CASELOAD_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->clock != NULL)
    g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kh_caseload_page_parent_class)->dispose (object);
}

static void
kh_caseload_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, KH_CASELOAD_PAGE (object)->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_caseload_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      KH_CASELOAD_PAGE (object)->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_caseload_page_class_init (KhCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_caseload_page_constructed;
  object_class->dispose = kh_caseload_page_dispose;
  object_class->get_property = kh_caseload_page_get_property;
  object_class->set_property = kh_caseload_page_set_property;
  widget_class->map = kh_caseload_page_map;
  widget_class->unmap = kh_caseload_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[OPEN_CLIENT] = g_signal_new ("open-client", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "caseload.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "caseload.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "caseload.assess", "x", assess_action);
  gtk_widget_class_install_action (widget_class, "caseload.assess-selected", NULL, assess_selected_action);
  gtk_widget_class_install_action (widget_class, "caseload.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "caseload.menu", NULL, menu_action);
  /* The menu shows the last one bound: Ctrl+Enter, not the keypad's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "caseload.assess-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "caseload.assess-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "caseload.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "caseload.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kh-caseload-page");
  g_type_ensure (KH_TYPE_CASELOAD_ROW);
}

static void
kh_caseload_page_init (KhCaseloadPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scopes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller;
  GtkListItemFactory *factory;

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);

  /* The switch: two linked toggles, one always on. */
  gtk_widget_add_css_class (scopes, "linked");
  self->mine_button = gtk_toggle_button_new_with_mnemonic (_("_My Cases"));
  self->queue_button = gtk_toggle_button_new_with_mnemonic (_("Team _Queue"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->queue_button),
                               GTK_TOGGLE_BUTTON (self->mine_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->mine_button), TRUE);
  gtk_box_append (GTK_BOX (scopes), self->mine_button);
  gtk_box_append (GTK_BOX (scopes), self->queue_button);
  g_signal_connect_swapped (self->queue_button, "toggled", G_CALLBACK (scope_toggled_cb), self);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_set_hexpand (self->heading, TRUE);
  gtk_widget_add_css_class (self->heading, "dim-label");

  self->take_button = gtk_button_new_with_mnemonic (_("_Take"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->take_button), "caseload.take");
  gtk_widget_add_css_class (self->take_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->take_button, _("Take the selected case from the queue"));
  self->assign_button = gtk_button_new_with_mnemonic (_("_Assign…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->assign_button), "caseload.assign");
  gtk_widget_set_tooltip_text (self->assign_button, _("Give the selected case to a colleague"));

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), scopes);
  gtk_box_append (GTK_BOX (bar), self->heading);
  gtk_box_append (GTK_BOX (bar), self->take_button);
  gtk_box_append (GTK_BOX (bar), self->assign_button);
  gtk_widget_set_parent (bar, widget);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cases"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_margin_start (scroller, 12);
  gtk_widget_set_margin_end (scroller, 12);
  gtk_widget_set_margin_bottom (scroller, 12);
  /* The card ends with the last row when a few do not fill the page. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_valign (scroller, GTK_ALIGN_START);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), gtk_box_new (GTK_ORIENTATION_VERTICAL, 0), "loading");
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  /* Each page its own size: the list is not measured against the others. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_widget_set_parent (self->stack, widget);
}

GtkWidget *
kh_caseload_page_new (KhStore *store)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_CASELOAD_PAGE, "store", store, NULL);
}

void
kh_caseload_page_set_scope (KhCaseloadPage  *self,
                            KhCaseloadScope  scope)
{
  g_return_if_fail (KH_IS_CASELOAD_PAGE (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (scope == KH_CASELOAD_TEAM_QUEUE
                                                   ? self->queue_button : self->mine_button), TRUE);
  if (kh_caseload_model_get_scope (self->model) == scope)
    return;
  gtk_label_set_text (GTK_LABEL (self->heading), "");
  kh_caseload_model_set_scope (self->model, scope);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !kh_caseload_model_is_loaded (self->model))
    kh_caseload_model_reload (self->model);
  update_actions (self);
}

KhCaseloadScope
kh_caseload_page_get_scope (KhCaseloadPage *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_PAGE (self), KH_CASELOAD_MINE);

  return kh_caseload_model_get_scope (self->model);
}

GtkListView *
kh_caseload_page_get_list_view (KhCaseloadPage *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_PAGE (self), NULL);

  return self->list_view;
}

GListModel *
kh_caseload_page_get_model (KhCaseloadPage *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

const char *
kh_caseload_page_get_heading (KhCaseloadPage *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_PAGE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->heading));
}
