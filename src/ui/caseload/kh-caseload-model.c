/* kh-caseload-model.c — my cases or my team's queue, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 1: 5 000 cases scroll smoothly. The same reading as the
 * reception's lists (src/ui/intake/kh-work-list-model.c, whose item type
 * this shares): a cached length, pages read when on screen, and exact
 * items_changed, so that a refresh keeps the rows, focus and scroll.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-caseload-model.h"

struct _KhCaseloadModel
{
  GObject           parent_instance;

  /* owned */
  KhStore          *store;
  GPtrArray        *items;        /* of KhWorkListItem, NULL where never asked for */
  GHashTable       *pages_fresh;  /* pages read or being read since the last refresh */
  GCancellable     *cancellable;
  KhCaseloadScope   scope;
  KhCaseloadCounts  counts;
  guint64           showing;
  guint             n_items;      /* rows shown so far: grows to counts.total */
  guint             generation;
  guint             reloading : 1;
  guint             refreshing : 1;
  guint             loaded : 1;
};

static void kh_caseload_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhCaseloadModel, kh_caseload_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kh_caseload_model_list_model_init))

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GtkListView 4.8 makes list items for this many positions around the
 * ones on screen (GTK_LIST_VIEW_MAX_LIST_ITEMS). */
#define LIST_VIEW_ITEMS 200

typedef struct
{
  KhCaseloadModel *self;
  guint            generation;
  guint            page;
} PageRead;

static void page_read_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
read_page (KhCaseloadModel *self,
           guint            page)
{
  KhWorkListQuery query = { 0 };
  PageRead *read = g_new0 (PageRead, 1);

  g_hash_table_add (self->pages_fresh, GUINT_TO_POINTER (page));
  read->self = g_object_ref (self);
  read->generation = self->generation;
  read->page = page;
  query.offset = page * KH_CASELOAD_PAGE_SIZE;
  query.limit = KH_CASELOAD_PAGE_SIZE;
  query.showing = self->showing;
  kh_store_list_caseload_async (self->store, self->scope, &query, NULL, self->cancellable,
                                page_read_cb, read);
}

static KhWorkListItem *
ensure_item (KhCaseloadModel *self,
             guint            position)
{
  KhWorkListItem *item = g_ptr_array_index (self->items, position);

  if (item == NULL)
    {
      item = kh_work_list_item_new (position);
      g_ptr_array_index (self->items, position) = item;
    }
  return item;
}

static void
set_records (KhCaseloadModel *self,
             guint            offset,
             GPtrArray       *rows)
{
  KhCalendar *calendar = kh_store_get_calendar (self->store);

  for (guint i = 0; i < rows->len && offset + i < self->counts.total; i++)
    kh_work_list_item_set_record (ensure_item (self, offset + i), g_ptr_array_index (rows, i),
                                  calendar);
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(KhCaseloadModel) self = read->self;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  KhCaseloadCounts counts = { 0 };
  guint generation = read->generation;
  guint page = read->page;

  g_free (read);
  rows = kh_store_list_caseload_finish (KH_STORE (object), result, &counts, &error);
  if (generation != self->generation || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      if (page == 0)
        self->reloading = self->refreshing = FALSE;
      g_hash_table_remove (self->pages_fresh, GUINT_TO_POINTER (page));
      g_signal_emit (self, signals[LOADED], 0, error);
      return;
    }

  if (page == 0)
    {
      guint old_n = self->n_items;
      guint old_total = self->counts.total;
      gboolean keep = self->refreshing && !self->reloading;

      self->reloading = self->refreshing = FALSE;
      self->loaded = TRUE;
      if (keep)
        {
          /* The rows stay where they are; the length changes at the end,
           * and each page's records as it is read again. */
          if (counts.total < old_total)
            g_ptr_array_remove_range (self->items, counts.total, old_total - counts.total);
          else
            g_ptr_array_set_size (self->items, counts.total);
          self->counts = counts;
          if (old_n > counts.total)
            self->n_items = counts.total;
          else if (old_n == old_total && counts.total > old_n)
            self->n_items = MIN (counts.total, MAX (old_n, KH_CASELOAD_PAGE_SIZE));
        }
      else
        {
          g_ptr_array_set_size (self->items, 0);
          g_ptr_array_set_size (self->items, counts.total);
          self->counts = counts;
          self->n_items = MIN (counts.total, KH_CASELOAD_PAGE_SIZE);
        }
      set_records (self, 0, rows);
      if (!keep)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      else if (self->n_items != old_n)
        g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_n, self->n_items),
                                    old_n > self->n_items ? old_n - self->n_items : 0,
                                    self->n_items > old_n ? self->n_items - old_n : 0);
      g_signal_emit (self, signals[LOADED], 0, NULL);
    }
  else
    set_records (self, page * KH_CASELOAD_PAGE_SIZE, rows);
}

static GType
kh_caseload_model_get_item_type (GListModel *model)
{
  return KH_TYPE_WORK_LIST_ITEM;
}

static guint
kh_caseload_model_get_n_items (GListModel *model)
{
  return KH_CASELOAD_MODEL (model)->n_items;
}

static gpointer
kh_caseload_model_get_item (GListModel *model,
                            guint       position)
{
  KhCaseloadModel *self = KH_CASELOAD_MODEL (model);

  /* Not read here: the view reads what is on screen, so that nobody is
   * logged who was not shown. */
  if (position >= self->n_items)
    return NULL;
  return g_object_ref (ensure_item (self, position));
}

static void
kh_caseload_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kh_caseload_model_get_item_type;
  iface->get_n_items = kh_caseload_model_get_n_items;
  iface->get_item = kh_caseload_model_get_item;
}

static void
kh_caseload_model_dispose (GObject *object)
{
  KhCaseloadModel *self = KH_CASELOAD_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_caseload_model_parent_class)->dispose (object);
}

static void
kh_caseload_model_finalize (GObject *object)
{
  KhCaseloadModel *self = KH_CASELOAD_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pages_fresh, g_hash_table_unref);

  G_OBJECT_CLASS (kh_caseload_model_parent_class)->finalize (object);
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
kh_caseload_model_class_init (KhCaseloadModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_caseload_model_dispose;
  object_class->finalize = kh_caseload_model_finalize;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kh_caseload_model_init (KhCaseloadModel *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->pages_fresh = g_hash_table_new (NULL, NULL);
  self->scope = KH_CASELOAD_MINE;
}

KhCaseloadModel *
kh_caseload_model_new (KhStore *store)
{
  KhCaseloadModel *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_CASELOAD_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
restart (KhCaseloadModel *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  g_hash_table_remove_all (self->pages_fresh);
}

void
kh_caseload_model_reload (KhCaseloadModel *self)
{
  g_return_if_fail (KH_IS_CASELOAD_MODEL (self));

  restart (self);
  self->showing = kh_work_list_new_showing ();
  self->reloading = TRUE;
  self->loaded = FALSE;
  read_page (self, 0);
}

void
kh_caseload_model_refresh (KhCaseloadModel *self)
{
  g_return_if_fail (KH_IS_CASELOAD_MODEL (self));

  if (self->generation == 0 || self->reloading)
    return;
  restart (self);
  self->refreshing = TRUE;
  read_page (self, 0);
}

void
kh_caseload_model_set_scope (KhCaseloadModel *self,
                             KhCaseloadScope  scope)
{
  g_return_if_fail (KH_IS_CASELOAD_MODEL (self));

  if (self->scope == scope)
    return;
  self->scope = scope;
  if (self->generation > 0)
    kh_caseload_model_reload (self);
}

KhCaseloadScope
kh_caseload_model_get_scope (KhCaseloadModel *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_MODEL (self), KH_CASELOAD_MINE);

  return self->scope;
}

void
kh_caseload_model_read_item (KhCaseloadModel *self,
                             KhWorkListItem  *item)
{
  guint position;
  guint page;

  g_return_if_fail (KH_IS_CASELOAD_MODEL (self));
  g_return_if_fail (KH_IS_WORK_LIST_ITEM (item));

  position = kh_work_list_item_get_position (item);
  if (self->reloading || self->refreshing || position >= self->counts.total
      || g_ptr_array_index (self->items, position) != item)
    return;
  page = position / KH_CASELOAD_PAGE_SIZE;
  if (!g_hash_table_contains (self->pages_fresh, GUINT_TO_POINTER (page)))
    read_page (self, page);
}

gboolean
kh_caseload_model_grow (KhCaseloadModel *self,
                        guint            n)
{
  guint old_n;

  g_return_val_if_fail (KH_IS_CASELOAD_MODEL (self), FALSE);

  if (self->n_items >= self->counts.total)
    return FALSE;
  old_n = self->n_items;
  if (old_n >= LIST_VIEW_ITEMS)
    self->n_items = self->counts.total;
  else
    self->n_items = MIN (self->counts.total, old_n + n);
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
  return self->n_items < self->counts.total;
}

const KhCaseloadCounts *
kh_caseload_model_get_counts (KhCaseloadModel *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_MODEL (self), NULL);

  return &self->counts;
}

gboolean
kh_caseload_model_is_loaded (KhCaseloadModel *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_MODEL (self), FALSE);

  return self->loaded;
}
