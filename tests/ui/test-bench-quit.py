#!/usr/bin/env python3
# test-bench-quit.py — the start-up benchmark's run quits as Ctrl+Q does
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-bench-quit.py KOHTAAMO KOHTAAMO-ADMIN
#
# tools/bench starts kohtaamo with KOHTAAMO_BENCH_FIRST_FRAME=1: it prints
# "first-frame-ms: N" at its first frame and quits. It must quit as a worker
# does, closing its windows and so its database: SQLite then folds the
# write-ahead log back into the file and removes it, and the next start
# (of the benchmark, or of the worker the next morning) has no log of
# earlier runs to read through first. Runs under the X server (tools/test).

import os
import subprocess
import sys
import tempfile

app, admin = sys.argv[1], sys.argv[2]
print('1..1')
with tempfile.TemporaryDirectory(prefix='kohtaamo-bench-quit-') as folder:
    database = os.path.join(folder, 'kohtaamo.db')
    env = dict(os.environ, KOHTAAMO_DATABASE=database)
    subprocess.run([admin, 'init'], env=env, check=True, stdout=subprocess.DEVNULL)
    env['KOHTAAMO_BENCH_FIRST_FRAME'] = '1'
    problems = []
    for run in (1, 2):
        done = subprocess.run([app], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=60)
        if done.returncode != 0:
            problems.append(f'run {run}: exit status {done.returncode}: {done.stderr[-300:]!r}')
        if b'first-frame-ms:' not in done.stderr:
            problems.append(f'run {run}: no first-frame-ms line')
        if os.path.exists(database + '-wal'):
            problems.append(f'run {run}: kohtaamo.db-wal is left behind ({os.path.getsize(database + "-wal")} bytes)')
    if problems:
        for problem in problems:
            print('# ' + problem)
        print('not ok 1 the benchmark\'s run quits with its database closed')
        sys.exit(1)
print('ok 1 the benchmark\'s run quits with its database closed')
