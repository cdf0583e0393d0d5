/* kh-work-list-model.c — a reception work list read from the store a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5 3.3: the lists are GListModels with a cached length, so that a
 * GtkListView scrolls through thousands of rows while only the pages it
 * shows are read (and logged: ATL 703/2023, every row shown is a read of a
 * person). The page size is the store's business; the view never guesses
 * from pixels how many rows to read: the view asks for the page of an item
 * that is on screen and not read yet (kh_work_list_model_read_item).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-work-list-model.h"

struct _KhWorkListModel
{
  GObject          parent_instance;

  /* owned */
  KhStore         *store;
  GPtrArray       *items;         /* of KhWorkListItem, NULL where never asked for */
  GHashTable      *pages_asked;   /* page numbers read or being read in this showing */
  GHashTable      *pages_fresh;   /* of those, the ones read since the last refresh */
  GCancellable    *cancellable;   /* of this reload's reads */
  KhWorkListQuery  query;         /* the filters and the showing */
  KhWorkListKind   kind;
  guint            total;         /* rows in the whole list, as the store counted them */
  guint            n_items;       /* rows shown so far: grows to `total` (see grow) */
  guint            urgent;
  guint            generation;    /* of the reload the answers belong to */
  guint            reloading : 1; /* the first page of a reload is on its way */
  guint            refreshing : 1;/* the first page of a refresh is on its way */
  guint            teams_named : 1;/* the unit has several teams (set_teams_named) */
};

static void kh_work_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhWorkListModel, kh_work_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kh_work_list_model_list_model_init))

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  KhWorkListModel *self;
  guint            generation;
  guint            page;
} PageRead;

static void page_read_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
read_page (KhWorkListModel *self,
           guint            page)
{
  KhWorkListQuery query = self->query;
  PageRead *read = g_new0 (PageRead, 1);

  g_hash_table_add (self->pages_asked, GUINT_TO_POINTER (page));
  g_hash_table_add (self->pages_fresh, GUINT_TO_POINTER (page));
  read->self = g_object_ref (self);
  read->generation = self->generation;
  read->page = page;
  query.offset = page * KH_WORK_LIST_PAGE_SIZE;
  query.limit = KH_WORK_LIST_PAGE_SIZE;
  if (self->kind == KH_WORK_LIST_CONTACTS)
    kh_store_list_contacts_query_async (self->store, NULL, &query, self->cancellable,
                                        page_read_cb, read);
  else
    kh_store_list_queue_query_async (self->store, &query, self->cancellable,
                                     page_read_cb, read);
}

static KhWorkListItem *
ensure_item (KhWorkListModel *self,
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

/* Issue 5, 2.9: the queue of every team, in a unit of several, says in
 * each row whose queue the case waits in. */
static gboolean
names_teams (KhWorkListModel *self)
{
  return self->kind == KH_WORK_LIST_QUEUE && self->query.team_id == 0 && self->teams_named;
}

static void
set_records (KhWorkListModel *self,
             guint            offset,
             GPtrArray       *rows)
{
  KhCalendar *calendar = kh_store_get_calendar (self->store);
  gboolean team_shown = names_teams (self);

  for (guint i = 0; i < rows->len && offset + i < self->total; i++)
    {
      KhWorkListItem *item = ensure_item (self, offset + i);

      kh_work_list_item_set_team_shown (item, team_shown);
      kh_work_list_item_set_record (item, g_ptr_array_index (rows, i), calendar);
    }
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(KhWorkListModel) self = read->self;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = read->generation;
  guint page = read->page;
  guint total = 0;
  guint urgent = 0;

  g_free (read);
  if (self->kind == KH_WORK_LIST_CONTACTS)
    rows = kh_store_list_contacts_query_finish (KH_STORE (object), result, &total, &error);
  else
    rows = kh_store_list_queue_query_finish (KH_STORE (object), result, &total, &urgent, &error);

  if (generation != self->generation || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      if (page == 0)
        self->reloading = self->refreshing = FALSE;
      /* Asked again when it is on screen again. */
      g_hash_table_remove (self->pages_fresh, GUINT_TO_POINTER (page));
      g_signal_emit (self, signals[LOADED], 0, error);
      return;
    }

  if (page == 0 && self->refreshing && !self->reloading)
    {
      /* Issue 6, 6: the rows stay where they are (the view keeps its
       * scroll position, focus and row widgets); the length changes at
       * the end, and the records of each page as it is read again. */
      guint old_total = self->total;
      guint old_n = self->n_items;

      self->refreshing = FALSE;
      if (total < old_total)
        g_ptr_array_remove_range (self->items, total, old_total - total);
      else
        g_ptr_array_set_size (self->items, total);
      self->total = total;
      self->urgent = urgent;
      /* A list that was whole stays whole; one still growing grows on. */
      if (old_n > total)
        self->n_items = total;
      else if (old_n == old_total && total > old_n)
        self->n_items = MIN (total, MAX (old_n, KH_WORK_LIST_PAGE_SIZE));
      set_records (self, 0, rows);
      if (self->n_items != old_n)
        g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_n, self->n_items),
                                    old_n > self->n_items ? old_n - self->n_items : 0,
                                    self->n_items > old_n ? self->n_items - old_n : 0);
      g_signal_emit (self, signals[LOADED], 0, NULL);
    }
  else if (page == 0)
    {
      guint old_n = self->n_items;

      /* Everything new: the rows after the first page are read again
       * when asked for, as part of this showing. */
      self->reloading = self->refreshing = FALSE;
      g_ptr_array_set_size (self->items, 0);
      g_ptr_array_set_size (self->items, total);
      self->total = total;
      /* The rows read come at once; the rest follow (kh_work_list_model_grow). */
      self->n_items = MIN (total, KH_WORK_LIST_PAGE_SIZE);
      self->urgent = urgent;
      set_records (self, 0, rows);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      g_signal_emit (self, signals[LOADED], 0, NULL);
    }
  else
    set_records (self, page * KH_WORK_LIST_PAGE_SIZE, rows);
}

static GType
kh_work_list_model_get_item_type (GListModel *model)
{
  return KH_TYPE_WORK_LIST_ITEM;
}

static guint
kh_work_list_model_get_n_items (GListModel *model)
{
  return KH_WORK_LIST_MODEL (model)->n_items;
}

static gpointer
kh_work_list_model_get_item (GListModel *model,
                             guint       position)
{
  KhWorkListModel *self = KH_WORK_LIST_MODEL (model);

  /* Not read here: GtkListView binds a few hundred rows around the ones on
   * screen, and reading them would log people nobody was shown. */
  if (position >= self->n_items)
    return NULL;
  return g_object_ref (ensure_item (self, position));
}

static void
kh_work_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kh_work_list_model_get_item_type;
  iface->get_n_items = kh_work_list_model_get_n_items;
  iface->get_item = kh_work_list_model_get_item;
}

static void
kh_work_list_model_dispose (GObject *object)
{
  KhWorkListModel *self = KH_WORK_LIST_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_work_list_model_parent_class)->dispose (object);
}

static void
kh_work_list_model_finalize (GObject *object)
{
  KhWorkListModel *self = KH_WORK_LIST_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pages_asked, g_hash_table_unref);
  g_clear_pointer (&self->pages_fresh, g_hash_table_unref);

  G_OBJECT_CLASS (kh_work_list_model_parent_class)->finalize (object);
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
kh_work_list_model_class_init (KhWorkListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_work_list_model_dispose;
  object_class->finalize = kh_work_list_model_finalize;

  signals[LOADED] = g_signal_new ("loaded",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kh_work_list_model_init (KhWorkListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->pages_asked = g_hash_table_new (NULL, NULL);
  self->pages_fresh = g_hash_table_new (NULL, NULL);
}

KhWorkListModel *
kh_work_list_model_new (KhStore        *store,
                        KhWorkListKind  kind)
{
  KhWorkListModel *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_WORK_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  return self;
}

void
kh_work_list_model_reload (KhWorkListModel *self,
                           guint64          showing)
{
  g_return_if_fail (KH_IS_WORK_LIST_MODEL (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->query.showing = showing;
  self->reloading = TRUE;
  g_hash_table_remove_all (self->pages_asked);
  g_hash_table_remove_all (self->pages_fresh);
  read_page (self, 0);
}

void
kh_work_list_model_refresh (KhWorkListModel *self)
{
  g_return_if_fail (KH_IS_WORK_LIST_MODEL (self));

  /* Never read yet, or a reload on its way: that reload is fresh enough. */
  if (self->generation == 0 || self->reloading)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->refreshing = TRUE;
  g_hash_table_remove_all (self->pages_fresh);
  read_page (self, 0);
}

void
kh_work_list_model_read_item (KhWorkListModel *self,
                              KhWorkListItem  *item)
{
  guint position;
  guint page;

  g_return_if_fail (KH_IS_WORK_LIST_MODEL (self));
  g_return_if_fail (KH_IS_WORK_LIST_ITEM (item));

  position = kh_work_list_item_get_position (item);
  /* While a reload is on its way, these rows are about to go; while a
   * refresh's first page is, the length may change: the view asks again
   * after it ("loaded"). */
  if (self->reloading || self->refreshing || position >= self->total
      || g_ptr_array_index (self->items, position) != item)
    return;
  page = position / KH_WORK_LIST_PAGE_SIZE;
  if (!g_hash_table_contains (self->pages_fresh, GUINT_TO_POINTER (page)))
    read_page (self, page);
}

void
kh_work_list_model_set_filter (KhWorkListModel *self,
                               KhChannel        channel,
                               KhOutcome        outcome,
                               gint64           worker_id)
{
  g_return_if_fail (KH_IS_WORK_LIST_MODEL (self));

  if (self->query.channel == channel && self->query.outcome == outcome
      && self->query.worker_id == worker_id)
    return;
  self->query.channel = channel;
  self->query.outcome = outcome;
  self->query.worker_id = worker_id;
  if (self->generation > 0)
    kh_work_list_model_reload (self, self->query.showing);
}

void
kh_work_list_model_set_team (KhWorkListModel *self,
                             gint64           team_id)
{
  g_return_if_fail (KH_IS_WORK_LIST_MODEL (self));

  if (self->query.team_id == team_id)
    return;
  self->query.team_id = team_id;
  if (self->generation > 0)
    kh_work_list_model_reload (self, self->query.showing);
}

void
kh_work_list_model_set_teams_named (KhWorkListModel *self,
                                    gboolean         named)
{
  g_return_if_fail (KH_IS_WORK_LIST_MODEL (self));

  if (self->teams_named == (named != FALSE))
    return;
  self->teams_named = named != FALSE;
  /* The rows read already say it too. */
  for (guint i = 0; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) != NULL)
      kh_work_list_item_set_team_shown (g_ptr_array_index (self->items, i), names_teams (self));
}

gint64
kh_work_list_model_get_team (KhWorkListModel *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_MODEL (self), 0);

  return self->query.team_id;
}

/* GtkListView 4.8 makes list items for this many positions around the
 * ones on screen (GTK_LIST_VIEW_MAX_LIST_ITEMS in gtklistview.c). */
#define LIST_VIEW_ITEMS 200

gboolean
kh_work_list_model_grow (KhWorkListModel *self,
                         guint            n)
{
  guint old_n;

  g_return_val_if_fail (KH_IS_WORK_LIST_MODEL (self), FALSE);

  if (self->n_items >= self->total)
    return FALSE;
  old_n = self->n_items;
  /* Past the items GtkListView makes, the rest costs nothing: at once. */
  if (old_n >= LIST_VIEW_ITEMS)
    self->n_items = self->total;
  else
    self->n_items = MIN (self->total, old_n + n);
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
  return self->n_items < self->total;
}

guint
kh_work_list_model_get_total (KhWorkListModel *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_MODEL (self), 0);

  return self->total;
}

gboolean
kh_work_list_model_has_filter (KhWorkListModel *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_MODEL (self), FALSE);

  return self->query.channel != 0 || self->query.outcome != 0 || self->query.worker_id != 0;
}

guint
kh_work_list_model_get_urgent (KhWorkListModel *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_MODEL (self), 0);

  return self->urgent;
}

guint
kh_work_list_model_get_pages_read (KhWorkListModel *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages_asked);
}
