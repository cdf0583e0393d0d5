#!/usr/bin/env python3
# bench-startup.py — start to first frame and peak memory, app vs bare window
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-startup.py RUNS APP BARE
#
# Runs APP and BARE alternately RUNS times each, as whole processes (in the
# caller's environment: tools/bench sets the X server, GSK_RENDERER=cairo,
# KOHTAAMO_BENCH_FIRST_FRAME=1 and the database). Each program prints
# "first-frame-ms: N" on stderr after its first frame and quits. Measured from
# outside, the same way for both: the time from spawning the process to that
# line, and the peak resident memory of the process (ru_maxrss from wait4).

import os
import selectors
import signal
import statistics
import subprocess
import sys
import time

TIMEOUT = 60.0
# Past this per start, fewer runs: the whole benchmark should stay within minutes.
SLOW_START_MS = 3000.0
SLOW_RUNS = 3


def run_once(exe):
    start = time.monotonic()
    proc = subprocess.Popen([exe], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    buf = b''
    first_frame = None
    reported = None
    deadline = start + TIMEOUT
    eof = False
    while not eof:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        for _key, _ in sel.select(remaining):
            chunk = os.read(proc.stderr.fileno(), 65536)
            if not chunk:
                eof = True
                break
            buf += chunk
            if first_frame is None and b'first-frame-ms:' in buf:
                first_frame = time.monotonic()
                line = buf[buf.index(b'first-frame-ms:'):].split(b'\n', 1)[0]
                try:
                    reported = float(line.split(b':', 1)[1])
                except ValueError:
                    reported = None
    if not eof:
        proc.send_signal(signal.SIGKILL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    sel.close()
    proc.stderr.close()
    if first_frame is None:
        tail = buf.decode('utf-8', 'replace').strip().splitlines()[-5:]
        raise RuntimeError(f'{os.path.basename(exe)} printed no "first-frame-ms:" line '
                           f'within {TIMEOUT:.0f} s (exit status {status}); last stderr: {tail}')
    return (first_frame - start) * 1000.0, usage.ru_maxrss / 1024.0, reported


def main():
    runs = int(sys.argv[1])
    programs = [('kohtaamo', sys.argv[2]), ('bare libadwaita window', sys.argv[3])]
    results = {name: [] for name, _ in programs}
    # One unmeasured run each: the first start reads fonts and icons cold.
    for name, exe in programs:
        run_once(exe)
    i = 0
    while i < runs:
        for name, exe in programs:
            results[name].append(run_once(exe))
        i += 1
        slowest = max(results[name][-1][0] for name, _ in programs)
        if i == 1 and slowest > SLOW_START_MS and runs > SLOW_RUNS:
            print(f'bench: start to first frame: a warm start took {slowest / 1000:.1f} s; '
                  f'{SLOW_RUNS} runs instead of {runs}')
            runs = SLOW_RUNS

    medians = {}
    for name, _exe in programs:
        times = [r[0] for r in results[name]]
        rss = [r[1] for r in results[name]]
        own = [r[2] for r in results[name] if r[2] is not None]
        medians[name] = (statistics.median(times), statistics.median(rss))
        own_text = f'   (own report {statistics.median(own):7.1f} ms)' if own else ''
        print(f'bench: start to first frame, {name:<24} median {medians[name][0]:8.1f} ms   '
              f'peak RSS {medians[name][1]:7.1f} MiB   (n={len(times)}){own_text}')
    app, bare = medians['kohtaamo'], medians['bare libadwaita window']
    time_ratio = app[0] / bare[0]
    rss_ratio = app[1] / bare[1]
    print(f'bench: startup ratio (kohtaamo / bare window): time {time_ratio:.2f}x, '
          f'memory {rss_ratio:.2f}x')
    print(f'bench: startup aims: time < 1.25x: {"met" if time_ratio < 1.25 else "NOT met"}, '
          f'memory < 1.3x: {"met" if rss_ratio < 1.3 else "NOT met"}')
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f'bench: startup: {e}', file=sys.stderr)
        sys.exit(1)
