#!/usr/bin/env python3
# tests/pg/test-pg-cluster.py — tools/pg-cluster: throwaway clusters, a standby, a failover
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-pg-cluster.py SOURCE_ROOT
#
# Starts a primary and a streaming standby with tools/pg-cluster, writes on
# the primary and reads it on the standby, stops the primary, promotes the
# standby, and checks that a libpq multi-host connection string with
# target_session_attrs=read-write finds the writable one each time. Also
# that start is idempotent and stop leaves nothing running. Prints TAP;
# exits 77 (skip) without PostgreSQL 15.

import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), '..', '..'))
PG_BIN = '/usr/lib/postgresql/15/bin'
PSQL = os.path.join(PG_BIN, 'psql')
CLUSTER = os.path.join(ROOT, 'tools', 'pg-cluster')

results = []


def tap(ok, name, detail=''):
    results.append(ok)
    print(('ok' if ok else 'not ok') + ' %d - %s' % (len(results), name))
    if not ok and detail:
        for line in str(detail).rstrip().splitlines():
            print('#   ' + line)
    sys.stdout.flush()


def cluster(*args):
    p = subprocess.run([CLUSTER] + list(args), capture_output=True, text=True, timeout=180)
    return p.returncode, p.stdout.strip(), p.stderr.strip()


def psql(conninfo, sql):
    p = subprocess.run([PSQL, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', conninfo, '-c', sql],
                       capture_output=True, text=True, timeout=60, env=dict(os.environ, LC_ALL='C.UTF-8'))
    return p.returncode == 0, p.stdout.strip(), p.stderr.strip()


def wait_for(conninfo, sql, want, seconds=30):
    """Polls until sql returns want (replication is asynchronous)."""
    deadline = time.monotonic() + seconds
    out = err = ''
    while time.monotonic() < deadline:
        ok, out, err = psql(conninfo, sql)
        if ok and out == want:
            return True, out
        time.sleep(0.05)
    return False, out + err


def running(directory):
    return os.path.exists(os.path.join(directory, 'data', 'postmaster.pid'))


def main():
    if not os.path.exists(PSQL) or not os.path.exists(os.path.join(PG_BIN, 'initdb')):
        print('1..0 # SKIP PostgreSQL 15 is not installed (apt-get install postgresql)')
        sys.exit(77)
    primary = tempfile.mkdtemp(prefix='khpgp-', dir='/tmp')
    standby = tempfile.mkdtemp(prefix='khpgs-', dir='/tmp')
    try:
        rc, out, err = cluster('start', primary, '-c', 'fsync=off')
        tap(rc == 0 and out == 'host=%s port=5432 dbname=kohtaamo user=postgres' % os.path.realpath(primary),
            'start prints the connection string of a cluster whose socket is in its folder', out + err)
        base = out
        rc, out2, err = cluster('start', primary)
        tap(rc == 0 and out2 == base, 'start again: the same cluster, still running', out2 + err)
        ok, out, err = psql(base, "SELECT current_setting ('listen_addresses') = '', "
                                  "'Öberg' < 'Zeta' COLLATE \"fi-FI-x-icu\", current_setting ('lc_collate')")
        tap(ok and out == 't|f|C.UTF-8',
            'no TCP listener; the Finnish ICU collation sorts Ö after Z; locale C.UTF-8', out + err)
        mode = oct(os.stat(primary).st_mode & 0o777)
        tap(mode == '0o700', 'the folder (and its socket) is closed to other accounts', mode)

        rc, out, err = cluster('standby', standby, primary, '-c', 'fsync=off')
        tap(rc == 0 and out.startswith('host=%s ' % os.path.realpath(standby)),
            'standby makes and starts a streaming standby of the primary', out + err)
        stand = out
        both = 'host=%s,%s port=5432,5432 dbname=kohtaamo user=postgres target_session_attrs=read-write' % (
            os.path.realpath(primary), os.path.realpath(standby))

        ok, out, err = psql(both, "CREATE TABLE saved (id integer PRIMARY KEY); "
                                  "INSERT INTO saved VALUES (1), (2); "
                                  "SELECT current_setting ('data_directory')")
        tap(ok and out == os.path.join(os.path.realpath(primary), 'data'),
            'a read-write connection to both finds the primary', out + err)
        ok, out = wait_for(stand, "SELECT pg_is_in_recovery () || '|' || count (*) FROM saved", 'true|2')
        tap(ok, 'the standby has what the primary committed, and is read-only', out)

        rc, out, err = cluster('stop', primary)
        tap(rc == 0 and not running(primary), 'stop stops the primary', err)
        ok, out, err = psql(both, 'SELECT 1')
        tap(not ok, 'with the primary stopped and the standby not promoted, nothing is writable', out + err)
        rc, out, err = cluster('promote', standby)
        tap(rc == 0, 'promote makes the standby the primary', err)
        ok, out, err = psql(both, "INSERT INTO saved VALUES (3); "
                                  "SELECT current_setting ('data_directory') || '|' || count (*) FROM saved")
        tap(ok and out == '%s|3' % os.path.join(os.path.realpath(standby), 'data'),
            'after the failover the same connection string writes to the promoted standby; nothing was lost',
            out + err)

        for d in (primary, standby):
            cluster('stop', d)
        rc, out, err = cluster('stop', standby)
        tap(rc == 0 and not running(primary) and not running(standby),
            'stop again does nothing, successfully; nothing is left running', err)
    finally:
        for d in (primary, standby):
            cluster('stop', d)
            shutil.rmtree(d, ignore_errors=True)
    print('1..%d' % len(results))
    sys.exit(0 if all(results) else 1)


if __name__ == '__main__':
    main()
