/* bench-common.h — timing and statistics shared by the benchmark programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each benchmark is one small program. Times are in
 * milliseconds as doubles, measured with the monotonic clock.
 */
#pragma once

#include <glib.h>

#include "store/kh-db.h"
#include <stdlib.h>

/* An administrator of the database (the benchmark's file was made by
 * another account), as the users table has them: who adds the benchmark's
 * own user. Borrowed from a list kept for the program's life. */
static inline KhUser *
bench_first_admin (KhDb *db)
{
  static GPtrArray *users;
  g_autoptr(GError) error = NULL;

  if (users == NULL)
    users = kh_db_list_users (db, &error);
  if (users == NULL)
    g_error ("cannot list the users: %s", error->message);
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (user->active && user->role == KH_ROLE_ADMIN)
        return user;
    }
  g_error ("the benchmark's database has no active administrator");
  return NULL;
}

static inline double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The q-quantile (0..1) of the samples, nearest rank. Sorts `samples`. */
static inline double
bench_quantile (GArray *samples,
                double  q)
{
  guint rank;

  if (samples->len == 0)
    return 0.0;
  qsort (samples->data, samples->len, sizeof (double), bench_compare_doubles);
  rank = (guint) (q * samples->len + 0.999999);
  if (rank < 1)
    rank = 1;
  if (rank > samples->len)
    rank = samples->len;
  return g_array_index (samples, double, rank - 1);
}

/* One line of the table: name, median, p99 and the number of samples, in a
 * form that tools/bench also reads ("bench:" lines). */
static inline void
bench_report (const char *name,
              GArray     *samples)
{
  double median = bench_quantile (samples, 0.5);
  double p99 = bench_quantile (samples, 0.99);

  g_print ("bench: %-44s median %8.3f ms   p99 %8.3f ms   (n=%u)\n",
           name, median, p99, samples->len);
}
