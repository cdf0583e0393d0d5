/* kh-db-person-page.c — what a person's page shows, in one transaction
 * (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page used to ask for the person, their cases, their meetings and
 * their timeline as four reads, each a transaction with its own commit. On
 * a server each was its own round trips and its own commit; here they are
 * one transaction and one commit, each part read by the function that
 * reads it alone (kh_db_get_client, kh_db_list_client_cases …), which
 * checks the user's role and logs the read as it always does, inside a
 * savepoint of its own (_kh_db_read_begin inside a transaction): a part
 * that fails leaves the others, and its log row goes with it.
 *
 * On a server the transaction is an ordinary write transaction
 * (page_read_begin_sql, with generic plans): its commit waits for the
 * disk, so the page's access-log rows are durable before the page shows
 * anything (the single reads' logged_read_begin_sql does not wait). On
 * SQLite it is one read transaction, one snapshot, whose log rows
 * _kh_db_read_end writes in one short write transaction when it ends
 * (README, "Power loss").
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include "store/kh-db-private.h"

void
kh_person_page_read_free (KhPersonPageRead *read)
{
  if (read == NULL)
    return;
  g_clear_object (&read->client);
  g_clear_pointer (&read->cases, g_ptr_array_unref);
  g_clear_error (&read->cases_error);
  g_clear_pointer (&read->meetings, g_ptr_array_unref);
  g_clear_error (&read->meetings_error);
  g_clear_pointer (&read->timeline, g_ptr_array_unref);
  g_clear_error (&read->timeline_error);
  g_clear_pointer (&read->contacts, g_ptr_array_unref);
  g_clear_error (&read->contacts_error);
  g_free (read);
}

/* How many access-log rows a SQLite read transaction keeps so far. */
static guint
pending_rows (KhDb *db)
{
  return db->reading && db->pending_log != NULL ? db->pending_log->len : 0;
}

/* A part that failed logs nothing: on a server its savepoint took its row
 * back; on SQLite the row kept for the end is dropped here. */
static void
part_done (KhDb     *db,
           guint     mark,
           gpointer  part)
{
  if (part == NULL && db->reading && db->pending_log != NULL && db->pending_log->len > mark)
    g_array_set_size (db->pending_log, mark);
}

KhPersonPageRead *
kh_db_read_person_page (KhDb              *db,
                        KhUser            *user,
                        gint64             client_id,
                        KhAccessBasis      basis,
                        KhPersonPageParts  parts,
                        GError           **error)
{
  g_autoptr(KhPersonPageRead) read = NULL;
  GError *local_error = NULL;
  gboolean own;
  guint mark;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kh_db_is_server (db))
    {
      if (!_kh_db_read_begin (db, &own, error))
        return NULL;
    }
  else if (db->engine->page_read_begin_sql != NULL && !db->engine->in_transaction (db))
    {
      own = TRUE;
      if (!_kh_db_exec (db, db->engine->page_read_begin_sql, error))
        return NULL;
    }
  else if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  read = g_new0 (KhPersonPageRead, 1);
  /* The person first: without them nothing else is read (nor logged). */
  read->client = kh_db_get_client (db, user, client_id, KH_ACCESS_PAGE, basis, &local_error);
  if (read->client != NULL)
    {
      /* In the order the page shows them (the cases before the timeline,
       * whose entries name their cases). */
      if (parts & KH_PERSON_PAGE_MEETINGS)
        {
          mark = pending_rows (db);
          read->meetings = kh_db_list_client_appointments (db, user, client_id, &read->meetings_error);
          part_done (db, mark, read->meetings);
        }
      mark = pending_rows (db);
      read->cases = kh_db_list_client_cases (db, user, client_id, &read->cases_error);
      part_done (db, mark, read->cases);
      mark = pending_rows (db);
      if (parts & KH_PERSON_PAGE_TIMELINE)
        {
          read->timeline = kh_db_list_client_timeline (db, user, client_id, 0, &read->timeline_error);
          part_done (db, mark, read->timeline);
        }
      else
        {
          read->contacts = kh_db_list_client_contacts (db, user, client_id, &read->contacts_error);
          part_done (db, mark, read->contacts);
        }
    }
  /* One commit for every row; nothing read is returned unless it worked. */
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&read);
}
