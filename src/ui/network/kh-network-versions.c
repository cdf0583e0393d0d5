/* kh-network-versions.c — the saved versions of the network map, two of
 * them side by side (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of the client's versions (each dated, labelled, with who saved
 * it) and the map as it stands now; two of them chosen are drawn side by
 * side, the earlier on the left, each with its date, and what changed
 * between them (kh_network_compare) is said in words below, so that a
 * screen reader hears it too. Either map can be exported.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/common/kh-accessible.h"
#include "ui/common/kh-form-dialog.h"
#include "kh-network-common.h"
#include "kh-network-export.h"
#include "kh-network-versions.h"

typedef struct {
  gint64      id;                  /* 0: the map now */
  char       *label;
  GDateTime  *at;
  GPtrArray  *members;             /* NULL until read */
  KhEcomap   *map;
  GtkLabel   *title;
  GtkLabel   *date;
} Side;

struct _KhNetworkVersions
{
  AdwWindow        parent_instance;

  /* children */
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkWidget       *versions_group;
  GtkWidget       *compare_button;
  GtkWidget       *back_button;
  GtkWidget       *changes_list;

  /* owned */
  KhStore         *store;
  KhClient        *client;
  GCancellable    *cancellable;
  GPtrArray       *members_now;
  GPtrArray       *versions;       /* KhNetworkVersion, newest first */
  GPtrArray       *checks;         /* GtkCheckButton, the map now first, then as versions */
  GPtrArray       *chosen;         /* the checks ticked, in the order ticked (gint64 ids) */
  GPtrArray       *changes;        /* the lines */
  char            *client_name;
  char            *map_name;
  Side             sides[2];
  GDateTime       *opened_at;
};

G_DEFINE_FINAL_TYPE (KhNetworkVersions, kh_network_versions, ADW_TYPE_WINDOW)

enum {
  SIGNAL_LOADED,
  SIGNAL_COMPARED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->label, g_free);
  g_clear_pointer (&side->at, g_date_time_unref);
  g_clear_pointer (&side->members, g_ptr_array_unref);
  side->id = -1;
}

static char *
format_when (GDateTime *at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  /* Translators: when a version of the network map was saved: day and time */
  return g_date_time_format (local, _("%-d.%-m.%Y at %H.%M"));
}

static KhNetworkVersion *
find_version (KhNetworkVersions *self,
              gint64             id)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    if (((KhNetworkVersion *) g_ptr_array_index (self->versions, i))->id == id)
      return g_ptr_array_index (self->versions, i);
  return NULL;
}

/* ---- comparing ---- */

static void
show_changes (KhNetworkVersions *self)
{
  g_autoptr(GPtrArray) compared = kh_network_compare (self->sides[0].members, self->sides[1].members);
  GtkWidget *child;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->changes = kh_network_describe_changes (compared);
  while ((child = gtk_widget_get_first_child (self->changes_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->changes_list), child);
  for (guint i = 0; i < self->changes->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (self->changes, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (self->changes_list), label);
    }
}

static void
show_side (KhNetworkVersions *self,
           Side              *side)
{
  g_autofree KhEcomapEntry *entries = NULL;
  g_autofree char *when = format_when (side->at);
  guint n = 0;

  entries = kh_network_ecomap_entries (side->members, &n);
  kh_ecomap_set_entries (side->map, entries, n, self->map_name);
  gtk_label_set_text (side->title, side->label);
  gtk_label_set_text (side->date, when);
}

static void
maybe_compared (KhNetworkVersions *self)
{
  if (self->sides[0].members == NULL || self->sides[1].members == NULL)
    return;
  show_side (self, &self->sides[0]);
  show_side (self, &self->sides[1]);
  show_changes (self);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->compare_button, FALSE);
  g_signal_emit (self, signals[SIGNAL_COMPARED], 0);
}

typedef struct {
  KhNetworkVersions *self;
  guint              side;
  gint64             id;
} Reading;

static void
version_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Reading *reading = user_data;
  g_autoptr(KhNetworkVersions) self = reading->self;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  Side *side = &self->sides[reading->side];
  gint64 id = reading->id;

  g_free (reading);
  members = kh_store_read_network_version_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || side->id != id)
    return;
  if (members == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  side->members = g_steal_pointer (&members);
  maybe_compared (self);
}

static void
load_side (KhNetworkVersions *self,
           guint              index,
           gint64             id)
{
  Side *side = &self->sides[index];
  KhNetworkVersion *version = find_version (self, id);

  side_clear (side);
  side->id = id;
  if (id == 0)
    {
      /* Translators: the network map as it stands now, beside a saved version */
      side->label = g_strdup (_("The map now"));
      side->at = g_date_time_ref (self->opened_at);
      side->members = g_ptr_array_ref (self->members_now);
      return;
    }
  side->label = g_strdup (version->label);
  side->at = g_date_time_ref (version->taken_at);
  {
    Reading *reading = g_new0 (Reading, 1);

    reading->self = g_object_ref (self);
    reading->side = index;
    reading->id = id;
    kh_store_read_network_version_async (self->store, self->client->id, id, self->cancellable, version_read_cb,
                                         reading);
  }
}

/* The later of two: the map now is the latest; else by when taken. */
static gboolean
later (KhNetworkVersions *self,
       gint64             a,
       gint64             b)
{
  KhNetworkVersion *va, *vb;
  int order;

  if (a == 0 || b == 0)
    return a == 0;
  va = find_version (self, a);
  vb = find_version (self, b);
  order = g_date_time_compare (va->taken_at, vb->taken_at);
  return order > 0 || (order == 0 && a > b);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhNetworkVersions *self = KH_NETWORK_VERSIONS (widget);
  gint64 a, b;

  if (self->chosen->len != 2)
    return;
  a = GPOINTER_TO_SIZE (g_ptr_array_index (self->chosen, 0)) - 1;
  b = GPOINTER_TO_SIZE (g_ptr_array_index (self->chosen, 1)) - 1;
  if (later (self, a, b))
    {
      gint64 t = a;

      a = b;
      b = t;
    }
  load_side (self, 0, a);
  load_side (self, 1, b);
  maybe_compared (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhNetworkVersions *self = KH_NETWORK_VERSIONS (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->compare_button, TRUE);
}

static void
export_side (KhNetworkVersions     *self,
             guint                  index,
             KhNetworkExportFormat  format)
{
  Side *side = &self->sides[index];
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (side->members == NULL)
    return;
  local = g_date_time_to_local (side->at);
  day = g_date_time_format (local, "%Y-%m-%d");
  /* Translators: the file name the exported network map starts with: the client's name and the date */
  name = g_strdup_printf (_("Network map %s %s"), self->client_name, day);
  kh_network_export_choose (GTK_WINDOW (self), self->toasts,
                            kh_network_export_picture (side->members, self->map_name,
                                                       self->client->language == KH_LANGUAGE_SV ? "sv" : "fi"),
                            format, name);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  guint side;
  const char *format;

  g_variant_get (parameter, "(u&s)", &side, &format);
  if (side < 2)
    export_side (KH_NETWORK_VERSIONS (widget), side,
                 g_str_equal (format, "pdf") ? KH_NETWORK_EXPORT_PDF : KH_NETWORK_EXPORT_PNG);
}

/* ---- choosing two ---- */

static void
update_compare (KhNetworkVersions *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.compare", self->chosen->len == 2);
}

static void
check_toggled_cb (GtkCheckButton    *check,
                  KhNetworkVersions *self)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "version-id")));

  g_ptr_array_remove (self->chosen, key);
  if (gtk_check_button_get_active (check))
    {
      g_ptr_array_add (self->chosen, key);
      /* Two at most: a third ticked unticks the first. */
      if (self->chosen->len > 2)
        {
          gpointer first = g_ptr_array_index (self->chosen, 0);

          for (guint i = 0; i < self->checks->len; i++)
            if (g_object_get_data (g_ptr_array_index (self->checks, i), "version-id") == first)
              gtk_check_button_set_active (g_ptr_array_index (self->checks, i), FALSE);
        }
    }
  update_compare (self);
}

static void
add_row (KhNetworkVersions *self,
         gint64             id,
         const char        *title,
         const char        *subtitle)
{
  GtkWidget *check = kh_form_dialog_add_check (self->versions_group, title);
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The id plus one: a pointer of 0 is no key. */
  g_object_set_data (G_OBJECT (check), "version-id", GSIZE_TO_POINTER ((gsize) id + 1));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  g_ptr_array_add (self->checks, check);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhNetworkVersions) self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = kh_store_list_network_versions_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (versions == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  self->versions = g_steal_pointer (&versions);
  {
    guint n = 0;
    g_autofree KhEcomapEntry *entries = kh_network_ecomap_entries (self->members_now, &n);
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);

    /* Translators: the network map as it stands now, in the list of its saved versions */
    add_row (self, 0, _("The map now"), count);
  }
  for (guint i = 0; i < self->versions->len; i++)
    {
      KhNetworkVersion *v = g_ptr_array_index (self->versions, i);
      g_autofree char *when = format_when (v->taken_at);
      g_autofree char *subtitle = NULL;

      /* Translators: a saved version of the network map: when, by whom, how many entries */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %d entry", "%s · %s · %d entries",
                                               v->n_members),
                                  when, v->taken_by_name != NULL ? v->taken_by_name : "", v->n_members);
      add_row (self, v->id, v->label, subtitle);
    }
  /* The newest version and the map now, to start with. */
  if (self->versions->len > 0)
    {
      gtk_check_button_set_active (g_ptr_array_index (self->checks, 1), TRUE);
      gtk_check_button_set_active (g_ptr_array_index (self->checks, 0), TRUE);
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

/* ---- building ---- */

static GtkWidget *
side_new (KhNetworkVersions *self,
          guint              index)
{
  Side *side = &self->sides[index];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pdf = gtk_button_new_with_label (_("PDF…"));
  GtkWidget *png = gtk_button_new_with_label (_("Image (PNG)…"));
  GtkWidget *export = gtk_label_new (_("Export:"));

  side->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (side->title), "title-4");
  gtk_label_set_wrap (side->title, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (side->title));
  side->date = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (side->date), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (side->date));
  side->map = KH_ECOMAP (kh_ecomap_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (side->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (side->map), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (side->map), 360, 420);
  gtk_widget_add_css_class (GTK_WIDGET (side->map), "card");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (side->map));
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (export, "dim-label");
  gtk_box_append (GTK_BOX (buttons), export);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (pdf), "(us)", index, "pdf");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pdf), "versions.export");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (png), "(us)", index, "png");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (png), "versions.export");
  {
    /* Translators: the accessible names of the export buttons under a version of the network map */
    g_autofree char *pdf_name = g_strdup_printf (index == 0 ? _("Export the earlier map as PDF")
                                                            : _("Export the later map as PDF"));
    g_autofree char *png_name = g_strdup_printf (index == 0 ? _("Export the earlier map as an image")
                                                            : _("Export the later map as an image"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (pdf), GTK_ACCESSIBLE_PROPERTY_LABEL, pdf_name, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (png), GTK_ACCESSIBLE_PROPERTY_LABEL, png_name, -1);
  }
  gtk_box_append (GTK_BOX (buttons), pdf);
  gtk_box_append (GTK_BOX (buttons), png);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
build (KhNetworkVersions *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *compare = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *maps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *none;
  /* Translators: the title of the window that lists and compares versions of the network map */
  const char *title = _("Versions of the Map");

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1240, 860);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, self->client_name));
  /* Translators: the button that shows two chosen versions of the network map side by side */
  self->compare_button = gtk_button_new_with_mnemonic (_("_Compare"));
  gtk_widget_add_css_class (self->compare_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->compare_button), "versions.compare");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->compare_button);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  /* Translators: back from two versions side by side to the list of versions */
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the versions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the versions"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "versions.back");
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  kh_network_frame (ADW_WINDOW (self), header, &self->stack, &self->toasts);

  self->versions_group = adw_preferences_group_new ();
  /* Translators: the list of saved versions of the network map */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->versions_group), _("Saved Versions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->versions_group),
                                         /* Translators: above the list of versions of the network map */
                                         _("Choose two to see them side by side. A version is saved with “Save Version” on the map."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->versions_group));
  gtk_stack_add_named (self->stack, page, "list");

  gtk_widget_set_margin_top (compare, 12);
  gtk_widget_set_margin_bottom (compare, 12);
  gtk_widget_set_margin_start (compare, 18);
  gtk_widget_set_margin_end (compare, 18);
  gtk_box_set_homogeneous (GTK_BOX (maps), TRUE);
  gtk_box_append (GTK_BOX (maps), side_new (self, 0));
  gtk_box_append (GTK_BOX (maps), side_new (self, 1));
  gtk_widget_set_vexpand (maps, TRUE);
  gtk_box_append (GTK_BOX (compare), maps);
  /* Translators: the heading of what changed between two versions of the network map */
  gtk_label_set_text (GTK_LABEL (heading), _("What Changed"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (compare), heading);
  self->changes_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->changes_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->changes_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->changes_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What Changed"), -1);
  /* Translators: between two versions of the network map */
  none = gtk_label_new (_("Nothing changed between these two."));
  gtk_widget_set_margin_top (none, 8);
  gtk_widget_set_margin_bottom (none, 8);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->changes_list), none);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 180);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->changes_list);
  gtk_box_append (GTK_BOX (compare), scroller);
  gtk_stack_add_named (self->stack, compare, "compare");
  gtk_stack_set_visible_child_name (self->stack, "loading");

  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
kh_network_versions_dispose (GObject *object)
{
  KhNetworkVersions *self = KH_NETWORK_VERSIONS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->members_now, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  side_clear (&self->sides[0]);
  side_clear (&self->sides[1]);
  G_OBJECT_CLASS (kh_network_versions_parent_class)->dispose (object);
}

static void
kh_network_versions_finalize (GObject *object)
{
  KhNetworkVersions *self = KH_NETWORK_VERSIONS (object);

  g_free (self->client_name);
  g_free (self->map_name);
  g_clear_pointer (&self->opened_at, g_date_time_unref);
  G_OBJECT_CLASS (kh_network_versions_parent_class)->finalize (object);
}

static void
kh_network_versions_class_init (KhNetworkVersionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_network_versions_dispose;
  object_class->finalize = kh_network_versions_finalize;

  signals[SIGNAL_LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_COMPARED] =
    g_signal_new ("compared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "versions.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "versions.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "versions.export", "(us)", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_network_versions_init (KhNetworkVersions *self)
{
  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();
  self->chosen = g_ptr_array_new ();
  self->sides[0].id = self->sides[1].id = -1;
  self->opened_at = g_date_time_new_now_local ();
}

GtkWidget *
kh_network_versions_new (KhStore   *store,
                         GtkWindow *parent,
                         KhClient  *client,
                         GPtrArray *members_now)
{
  KhNetworkVersions *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (members_now != NULL, NULL);

  self = g_object_new (KH_TYPE_NETWORK_VERSIONS, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->client_name = kh_client_dup_display_name (client);
  self->map_name = kh_network_client_map_name (client);
  self->members_now = g_ptr_array_ref (members_now);
  build (self);
  update_compare (self);
  kh_store_list_network_versions_async (store, client->id, self->cancellable, listed_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

GPtrArray *
kh_network_versions_get_list (KhNetworkVersions *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_VERSIONS (self), NULL);

  return self->versions;
}

GtkWidget *
kh_network_versions_get_check (KhNetworkVersions *self,
                               gint64             id)
{
  g_return_val_if_fail (KH_IS_NETWORK_VERSIONS (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (g_ptr_array_index (self->checks, i), "version-id")) == (gsize) id + 1)
      return g_ptr_array_index (self->checks, i);
  return NULL;
}

KhEcomap *
kh_network_versions_get_map (KhNetworkVersions *self,
                             guint              side)
{
  g_return_val_if_fail (KH_IS_NETWORK_VERSIONS (self) && side < 2, NULL);

  return self->sides[side].map;
}

GPtrArray *
kh_network_versions_get_changes (KhNetworkVersions *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_VERSIONS (self), NULL);

  return self->changes;
}
