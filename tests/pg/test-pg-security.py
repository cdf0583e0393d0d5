#!/usr/bin/env python3
# tests/pg/test-pg-security.py — the server enforces: tried with psql as each role
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-pg-security.py SOURCE_ROOT
#
# Starts a throwaway cluster with tools/pg-cluster, applies every migration
# of data/sql/pg in order, makes one login per Kohtaamo role (SCRAM
# passwords) and fictional people (identity codes with individual numbers
# 900–999), then connects with psql AS EACH ROLE and tries what must fail
# and what must work. Prints TAP. Exits 77 (skip) when PostgreSQL 15 is not
# installed; tools/test installs it.

import hashlib
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
MIGRATIONS = os.path.join(ROOT, 'data', 'sql', 'pg')

# login -> (Kohtaamo role, password)
WORKERS = {
    'rec': (1, 'rec-secret-1'),
    'cou': (2, 'cou-secret-2'),
    'sw': (3, 'sw-secret-3'),
    'lead': (4, 'lead-secret-4'),
    'adm': (5, 'adm-secret-5'),
}
GROUPS = {1: 'kohtaamo_reception', 2: 'kohtaamo_counsellor', 3: 'kohtaamo_social_worker',
          4: 'kohtaamo_lead', 5: 'kohtaamo_admin'}

# What reception may read of a case: the intake's and the queue's columns.
RECEPTION_CASE_COLUMNS = {'id', 'client_id', 'contact_id', 'opened_at', 'status', 'assigned_to',
                          'deadline_groups', 'assessment_deadline', 'implementation_deadline', 'urgent',
                          'team_id'}

results = []
cluster_dir = None
conn_base = None


def tap(ok, name, detail=''):
    results.append(ok)
    print(('ok' if ok else 'not ok') + ' %d - %s' % (len(results), name))
    if not ok and detail:
        for line in detail.rstrip().splitlines():
            print('#   ' + line)
    sys.stdout.flush()


PASSWORDS = dict({login: pw for login, (role, pw) in WORKERS.items()},
                 gone='gone-secret', rogue='rogue-secret', postgres='')


def psql(user, sql):
    """Runs sql as user in one psql session; returns (ok, stdout, stderr)."""
    env = dict(os.environ)
    env.pop('PGSERVICE', None)
    env['PGPASSWORD'] = PASSWORDS[user]
    env['PGOPTIONS'] = '-c search_path=kohtaamo'
    env['LC_ALL'] = 'C.UTF-8'
    conn = '%s user=%s' % (conn_base, user)
    p = subprocess.run([PSQL, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', conn, '-f', '-'],
                       input=sql, capture_output=True, text=True, env=env, timeout=120)
    return p.returncode == 0, p.stdout.strip(), p.stderr.strip()


# Steps wait here until a result is needed, and run as one psql session per
# run of consecutive steps of one login: a connection costs ~0.5 s on a
# loaded machine. Each step is bracketed by markers on stdout (\echo) and
# stderr (\warn), so that its output and its errors are told apart.
pending = []


def flush():
    global pending
    steps, pending = pending, []
    i = 0
    while i < len(steps):
        j = i
        while j < len(steps) and steps[j][0] == steps[i][0]:
            j += 1
        run_batch(steps[i][0], steps[i:j])
        i = j


def segments(text):
    out = {}
    current = None
    for line in text.splitlines():
        if line.startswith('@@B '):
            current = int(line[4:])
            out[current] = []
        elif line.startswith('@@E '):
            current = None
        elif current is not None:
            out[current].append(line)
    return {k: '\n'.join(v).strip() for k, v in out.items()}


def run_batch(user, steps):
    script = ['\\set ON_ERROR_STOP 0']
    for n, (_, name, sql, want, fragment) in enumerate(steps):
        script.append('\\echo @@B %d\n\\warn @@B %d\n%s\n\\echo @@E %d\n\\warn @@E %d'
                      % (n, n, sql.strip(), n, n))
    ok, out, err = psql(user, '\n'.join(script) + '\n')
    outs, errs = segments(out), segments(err)
    for n, (_, name, sql, want, fragment) in enumerate(steps):
        o, e = outs.get(n), errs.get(n)
        if o is None or e is None:
            tap(False, name, 'the step did not run\nstdout: %s\nstderr: %s' % (out, err))
        elif fragment is None:
            failed = 'ERROR:' in e or 'FATAL:' in e
            if failed:
                tap(False, name, e)
            elif want is not None and o != want:
                tap(False, name, 'expected %r\ngot      %r' % (want, o))
            else:
                tap(True, name)
        else:
            tap('ERROR:' in e and fragment in e, name,
                'expected an error with %r\nstdout: %s\nstderr: %s' % (fragment, o, e))


def su(sql):
    flush()
    ok, out, err = psql('postgres', sql)
    if not ok:
        raise RuntimeError('as the superuser: %s\n%s' % (sql[:200], err))
    return out


def expect_ok(name, user, sql, want=None):
    pending.append((user, name, sql, want, None))


def expect_error(name, user, sql, fragment):
    pending.append((user, name, sql, None, fragment))


def setup():
    global cluster_dir, conn_base
    cluster_dir = tempfile.mkdtemp(prefix='khpg-', dir='/tmp')
    # A throwaway cluster: durability would only cost time.
    p = subprocess.run([CLUSTER, 'start', cluster_dir, '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        print('Bail out! tools/pg-cluster start failed: ' + p.stderr.strip().replace('\n', ' '))
        sys.exit(1)
    conninfo = p.stdout.strip().splitlines()[-1]
    # Without the user: each connection names its own.
    conn_base = ' '.join(kv for kv in conninfo.split() if not kv.startswith('user='))

    r = subprocess.run([os.path.join(ROOT, 'tools', 'pg-migrate'), conn_base + ' user=postgres'],
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        print('Bail out! tools/pg-migrate failed: ' + r.stderr.strip().replace('\n', ' '))
        sys.exit(1)
    names = [n[:-4] for n in sorted(os.listdir(MIGRATIONS)) if n.endswith('.sql')]
    tap(r.stdout.split() == names, 'tools/pg-migrate applies every migration in order',
        'applied: %s\nexpected: %s' % (r.stdout.split(), names))
    r = subprocess.run([os.path.join(ROOT, 'tools', 'pg-migrate'), conn_base + ' user=postgres'],
                       capture_output=True, text=True, timeout=120)
    tap(r.returncode == 0 and r.stdout == '', 'tools/pg-migrate applies nothing twice', r.stdout + r.stderr)

    # The logins. The first administrator is made by the server's
    # administrator (as `kohtaamo-admin server init` will); the others by
    # that administrator through kohtaamo.save_user.
    sql = []
    for login, (role, password) in WORKERS.items():
        sql.append("CREATE ROLE %s LOGIN PASSWORD '%s';" % (login, password))
    sql.append("CREATE ROLE gone LOGIN PASSWORD 'gone-secret';")
    # A login that the server's administrator put in a group by hand, with
    # no Kohtaamo user.
    sql.append("CREATE ROLE rogue LOGIN PASSWORD 'rogue-secret' IN ROLE kohtaamo_reception;")
    sql.append("GRANT kohtaamo_admin TO adm;")
    sql.append("INSERT INTO kohtaamo.users (account, display_name, role, active, created_at) "
               "VALUES ('adm', 'Ada Admin', 5, 1, 1767225600);")
    su('\n'.join(sql))
    ok, out, err = psql('adm', """
        SELECT kohtaamo.save_user ('lead', 'Leena Johtaja', 4, 1);
        SELECT kohtaamo.save_user ('sw', 'Sami Sosiaalityöntekijä', 3, 1);
        SELECT kohtaamo.save_user ('cou', 'Outi Ohjaaja', 2, 1);
        SELECT kohtaamo.save_user ('rec', 'Riikka Vastaanotto', 1, 1);
        SELECT kohtaamo.save_user ('gone', 'Entinen Työntekijä', 1, 0);
    """)
    tap(ok, 'an administrator adds users through save_user', err)

    # Fictional people, as the server's administrator (who bypasses
    # row-level security). Sort keys stand in for kh_collate_key: the
    # order is Makinen Åsa, Mäki Veikko, Mäkinen Aino, Virtanen, Öberg.
    su("""
      SET search_path = kohtaamo;
      INSERT INTO clients (id, identity_kind, identity_code, no_code_reason, birth_date, last_name,
                           first_names, language, address, postal_code, city, phone, phone_digits,
                           created_at, updated_at, sort_key, non_disclosure)
      OVERRIDING SYSTEM VALUE VALUES
        (1, 1, '010180-9015', 0, '1980-01-01', 'Mäkinen', 'Aino', 1, 'Kotikatu 1', '00100', 'Helsinki',
         '040 123 4567', '0401234567', 1767225600, 1767225600, '\\x30', 0),
        (2, 1, '150275-902R', 0, '1975-02-15', 'Mäki', 'Veikko', 1, 'Rantatie 2', '00200', 'Helsinki',
         NULL, NULL, 1767225600, 1767225600, '\\x20', 0),
        (3, 1, '311299-903B', 0, '1999-12-31', 'Makinen', 'Åsa', 2, 'Salainen tie 3', '00300', 'Espoo',
         NULL, NULL, 1767225600, 1767225600, '\\x10', 1),
        (4, 2, NULL, 1, '1990-03-02', 'Virtanen', 'Liisa', 1, NULL, NULL, NULL,
         NULL, NULL, 1767225600, 1767225600, '\\x40', 0),
        (5, 1, '120560-905E', 0, '1960-05-12', 'Öberg', 'Erik', 2, NULL, NULL, NULL,
         NULL, NULL, 1767225600, 1767225600, '\\x50', 0);
      ALTER TABLE clients ALTER COLUMN id RESTART WITH 100;
      INSERT INTO contacts (id, received_at, channel, contactor, urgency, urgency_assessed_by,
                            urgency_assessed_at, language, outcome, opens_case, reason_text,
                            client_id, created_by, created_at, anonymous)
      OVERRIDING SYSTEM VALUE VALUES
        (1, 1767260000, 1, 1, 2, (SELECT id FROM users WHERE account = 'rec'), 1767260000, 1, 3, 1,
         'Toimeentulo ja asuminen', 1, (SELECT id FROM users WHERE account = 'rec'), 1767260000, 0),
        (2, 1767261000, 2, 1, 2, (SELECT id FROM users WHERE account = 'rec'), 1767261000, 1, 1, 0,
         'Neuvonta', 2, (SELECT id FROM users WHERE account = 'rec'), 1767261000, 0),
        (3, 1767262000, 1, 5, 2, (SELECT id FROM users WHERE account = 'rec'), 1767262000, 1, 1, 0,
         NULL, NULL, (SELECT id FROM users WHERE account = 'rec'), 1767262000, 1);
      ALTER TABLE contacts ALTER COLUMN id RESTART WITH 100;
      INSERT INTO cases (id, client_id, contact_id, opened_at, status, implementation_deadline, team_id)
      OVERRIDING SYSTEM VALUE VALUES (1, 1, 1, 1767260000, 1, '2026-04-01', (SELECT min (id) FROM teams));
      ALTER TABLE cases ALTER COLUMN id RESTART WITH 100;
      INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, reason, channel,
                                     needs, reason_text, language, interpreter)
      VALUES (2, 1, (SELECT id FROM users WHERE account = 'rec'), 1767262000, NULL, 2, 0,
              'Neuvonta', 1, 0);
    """)


# Tables and columns that exist on one engine only, and why.
SQLITE_ONLY_TABLES = {
    'clients_fts', 'clients_fts_data', 'clients_fts_idx', 'clients_fts_docsize', 'clients_fts_config',
    'clients_fts_content',            # FTS5: search uses client_words on PostgreSQL
    'contact_name_forbidden_chars',   # a regular expression on PostgreSQL
    'sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4',
}
PG_ONLY_TABLES = {
    'schema_version',                 # PRAGMA user_version on SQLite
    'access_log_head',                # the end of the hash chain, locked by each writer
    'tx_writes',                      # rows a transaction created (row-level security)
    'tx_shown',                       # people a showing of the work lists shows again (0006)
    'copy_marks',                     # the transaction of kohtaamo-admin copy (0007)
    'log_copies',                     # each copy from a SQLite file, as it ran (0007)
    'client_name_prefixes',           # the name words' first letters, for search (0010)
}
PG_ONLY_COLUMNS = {
    ('access_log', 'xact'),           # the transaction that logged (row-level security)
}
# Columns PostgreSQL has before the SQLite schema gets them (none now: the
# log's hash chain came to SQLite in 0017-access-log-chain.sql).
PG_AHEAD_COLUMNS = set()


def test_schema_matches_sqlite():
    import glob
    import sqlite3
    db = sqlite3.connect(':memory:')
    for f in sorted(glob.glob(os.path.join(ROOT, 'data', 'sql', '[0-9][0-9][0-9][0-9]-*.sql'))):
        with open(f, encoding='utf-8') as fh:
            db.executescript(fh.read())
    lite = {}
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if table in SQLITE_ONLY_TABLES:
            continue
        lite[table] = {row[1] for row in db.execute('PRAGMA table_info (%s)' % table)}
    pg = {}
    for line in su("SELECT table_name || '|' || column_name FROM information_schema.columns "
                   "WHERE table_schema = 'kohtaamo' "
                   "AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'kohtaamo')").splitlines():
        table, column = line.split('|')
        if table in PG_ONLY_TABLES or (table, column) in PG_ONLY_COLUMNS:
            continue
        pg.setdefault(table, set()).add(column)
    missing = sorted('%s.%s' % (t, c) for t in lite for c in lite[t] - pg.get(t, set()))
    missing += sorted('table %s' % t for t in lite if t not in pg)
    extra = sorted('%s.%s' % (t, c) for t in pg for c in pg[t] - lite.get(t, set())
                   if (t, c) not in PG_AHEAD_COLUMNS)
    extra += sorted('table %s' % t for t in pg if t not in lite)
    tap(not missing, 'every SQLite table and column exists on PostgreSQL with the same name',
        'missing on PostgreSQL: %s\n(add the change to data/sql/pg as a new numbered migration)'
        % ', '.join(missing))
    tap(not extra, 'PostgreSQL has no table or column that SQLite lacks, except those named here',
        'only on PostgreSQL: %s' % ', '.join(extra))


def test_chain_first_rows():
    # Before anything else is logged: the first rows are 1, 2, 3.
    before = int(time.time())
    expect_ok('log_access returns seq 1, 2, 3 for the first reads', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 2, 2);
        SELECT kohtaamo.log_access (2, 4, 2);
        SELECT kohtaamo.log_access (NULL, 6, 3);
        COMMIT;
    """, want='1\n2\n3')
    after = int(time.time())
    rows = su("SELECT seq, at, user_id, coalesce (client_id::text, ''), what, basis, prev_hash, hash "
              "FROM kohtaamo.access_log ORDER BY seq").splitlines()
    sw_id = su("SELECT id FROM kohtaamo.users WHERE account = 'sw'")
    prev = '0' * 64
    ok = len(rows) == 3
    detail = ''
    expected_fields = [('1', sw_id, '1', '2', '2'), ('2', sw_id, '2', '4', '2'), ('3', sw_id, '', '6', '3')]
    for row, want in zip(rows, expected_fields):
        seq, at, user_id, client_id, what, basis, prev_hash, digest = row.split('|')
        text = 'kohtaamo-log-v1|%s|%s|%s|%s|%s|%s|%s' % (seq, at, user_id, client_id, what, basis, prev)
        recomputed = hashlib.sha256(text.encode('utf-8')).hexdigest()
        if (seq, user_id, client_id, what, basis) != want:
            ok = False
            detail += 'row %s: fields %r, expected %r\n' % (seq, (seq, user_id, client_id, what, basis), want)
        if prev_hash != prev or digest != recomputed:
            ok = False
            detail += 'row %s: prev_hash %s hash %s, recomputed %s over %r\n' % (
                seq, prev_hash, digest, recomputed, text)
        if not (before - 2 <= int(at) <= after + 2):
            ok = False
            detail += 'row %s: at %s is not the server\'s time now (%d…%d)\n' % (seq, at, before, after)
        prev = digest
    tap(ok, 'the first three rows chain: prev_hash and hash match the formula recomputed here', detail)


def test_each_role():
    for login in WORKERS:
        expect_ok('%s: clients without a log row show nothing' % login, login,
                  "SELECT count (*) FROM clients;", want='0')
        expect_ok('%s: contacts of people without a log row show nothing '
                  '(the anonymous one, which has no person, shows)' % login, login,
                  "SELECT string_agg (id::text, ',') FROM contacts;", want='3')
        expect_ok('%s: contact revisions without a log row show nothing' % login, login,
                  "SELECT count (*) FROM contact_revisions;", want='0')
        expect_error('%s: the name-word index is not readable' % login, login,
                     "SELECT word FROM client_words;", 'permission denied')
        expect_error('%s: nor the index of their first letters' % login, login,
                     "SELECT prefix FROM client_name_prefixes;", 'permission denied')
        expect_error('%s: no address read as a column' % login, login,
                     "BEGIN; SELECT kohtaamo.log_access (1, 2, 2); SELECT address FROM clients; COMMIT;",
                     'permission denied')
        expect_error('%s: no direct insert into the access log' % login, login,
                     "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash, xact) "
                     "VALUES (0, 1, 1, 2, 2, 99, repeat ('0', 64), repeat ('0', 64), pg_current_xact_id ());",
                     'permission denied')
        # The log is append-only for every role.
        expect_error('%s: UPDATE of the access log is refused' % login, login,
                     "UPDATE access_log SET what = 1;", 'permission denied')
        expect_error('%s: DELETE from the access log is refused' % login, login,
                     "DELETE FROM access_log;", 'permission denied')
        expect_error('%s: TRUNCATE of the access log is refused' % login, login,
                     "TRUNCATE access_log;", 'permission denied')
        # Nobody raises a role.
        expect_error('%s: cannot change a role in users' % login, login,
                     "UPDATE users SET role = 5 WHERE account = current_user;", 'permission denied')
        expect_error('%s: cannot add a user' % login, login,
                     "INSERT INTO users (account, role, created_at) VALUES ('mallory', 5, 0);",
                     'permission denied')
        if login != 'adm':
            expect_error('%s: save_user is not for them' % login, login,
                         "SELECT save_user ('%s', 'Me', 5, 1);" % login, 'permission denied')
    expect_ok('counsellor: cases without a log row show nothing', 'cou',
              "SELECT count (*) FROM cases;", want='0')
    expect_ok('a log row in one transaction opens nothing in the next', 'cou', """
        SELECT kohtaamo.log_access (1, 2, 2) > 0;
        SELECT count (*) FROM clients;
    """, want='t\n0')
    expect_ok('a log row of one person opens that person only', 'cou', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 2, 2) > 0;
        SELECT string_agg (last_name || ' ' || first_names, ',') FROM clients;
        SELECT string_agg (id::text, ',' ORDER BY id) FROM contacts;
        SELECT string_agg (id::text, ',') FROM cases;
        COMMIT;
    """, want='t\nMäkinen Aino\n1,3\n1')
    expect_ok('a read rolled back takes its log row with it, and the next transaction sees nothing', 'cou', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 2, 2) > 0;
        SELECT count (*) FROM clients;
        ROLLBACK;
        SELECT count (*) FROM clients;
    """, want='t\n1\n0')
    expect_ok('the person\'s revisions open with the person', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 4, 2) > 0;
        SELECT count (*) FROM contact_revisions;
        COMMIT;
    """, want='t\n1')
    expect_ok('updating a person needs a log row: without one nothing is updated', 'cou',
              "UPDATE clients SET city = 'Vantaa' WHERE id = 4 RETURNING id;", want='')
    expect_ok('deleting a person needs a log row: without one nothing is deleted', 'lead',
              "DELETE FROM contacts WHERE id = 2 RETURNING id;", want='')


def test_inserting_reads_back_own_rows():
    expect_ok('reception saves a new person, a contact and a case and reads them back (RETURNING)', 'rec', """
        BEGIN;
        INSERT INTO clients (identity_kind, identity_code, birth_date, last_name, first_names, language,
                             created_at, updated_at, sort_key)
          VALUES (1, '020390-9043', '1990-03-02', 'Testinen', 'Tiina', 1, 1767300000, 1767300000, '\\x45')
          RETURNING id;
        INSERT INTO contacts (received_at, channel, contactor, urgency, urgency_assessed_by, urgency_assessed_at,
                              language, outcome, opens_case, client_id, created_by, created_at)
          VALUES (1767300000, 3, 1, 2, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000, 1, 3, 1,
                  100, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000)
          RETURNING id;
        INSERT INTO cases (client_id, contact_id, opened_at, status, implementation_deadline, team_id)
          VALUES (100, 100, 1767300000, 1, '2026-04-02', (SELECT min (id) FROM teams)) RETURNING id;
        SELECT last_name FROM clients;
        COMMIT;
    """, want='100\n100\n100\nTestinen')
    expect_ok('the server folds the names it indexes, whatever the writer\'s search path', 'postgres', """
        SET search_path = public;
        SELECT '[' || search_text || ']' FROM kohtaamo.clients WHERE id = 100;
    """, want='[ testinen tiina ]')
    expect_ok('the person saved is not readable in the next transaction without a log row', 'rec',
              "SELECT count (*) FROM clients;", want='0')
    expect_error('a contact cannot be saved in another worker\'s name', 'rec', """
        INSERT INTO contacts (received_at, channel, contactor, urgency, urgency_assessed_by, urgency_assessed_at,
                              language, outcome, client_id, created_by, created_at)
          VALUES (1767300000, 3, 1, 2, 1, 1767300000, 1, 1, 100, 1, 1767300000);
    """, 'row-level security')
    expect_error('the rules hold on the server: the urgency check must be answered', 'rec', """
        INSERT INTO contacts (received_at, channel, contactor, urgency, language, outcome, client_id,
                              created_by, created_at)
          VALUES (1767300000, 3, 1, 0, 1, 1, 100, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000);
    """, 'the urgency check must be answered')
    expect_error('the rules hold on the server: no invisible characters in a name', 'rec', """
        INSERT INTO clients (identity_kind, no_code_reason, birth_date, last_name, first_names, language,
                             created_at, updated_at)
          VALUES (2, 1, '1990-01-01', U&'Vir\\200Btanen', 'Kalle', 1, 1767300000, 1767300000);
    """, 'invisible, direction-changing or control character')


def test_rules_hold_on_the_server():
    # Each in a transaction that is rolled back: the rules of the SQLite
    # triggers, restated in PL/pgSQL, refuse what they refuse there.
    contact = """
        INSERT INTO contacts (received_at, channel, contactor, referral, urgency, urgency_assessed_by,
                              urgency_assessed_at, language, outcome, opens_case, client_id, created_by,
                              created_at, no_assessment_reason)
          VALUES (1767300000, 3, %(contactor)s, %(referral)s, 2, (SELECT id FROM kohtaamo.current_kohtaamo_user ()),
                  1767300000, 1, %(outcome)s, %(opens)s, 100, (SELECT id FROM kohtaamo.current_kohtaamo_user ()),
                  1767300000, NULL)
          RETURNING id AS k \\gset
    """
    case = """
        INSERT INTO cases (client_id, contact_id, opened_at, status, assessment_deadline, implementation_deadline,
                           team_id)
          VALUES (100, :k, 1767300000, 1, %s, %s, (SELECT min (id) FROM teams));
    """
    expect_error('a case is opened only by a contact that opens one (SHL 36 §)', 'rec',
                 'BEGIN; SELECT kohtaamo.log_access (100, 4, 1) > 0;'
                 + contact % dict(contactor=1, referral=0, outcome=1, opens=0)
                 + case % ("NULL", "'2026-04-02'") + 'ROLLBACK;',
                 'a case must be opened by a case-opening contact about the same person')
    expect_error('a case needs its implementation deadline (SHL 45 §)', 'rec',
                 'BEGIN; SELECT kohtaamo.log_access (100, 4, 1) > 0;'
                 + contact % dict(contactor=1, referral=0, outcome=3, opens=1)
                 + case % ("NULL", "NULL") + 'ROLLBACK;',
                 'a case needs its implementation deadline')
    expect_error('no 7-day deadline for an authority\'s notification (SHL 36 §)', 'rec',
                 'BEGIN; SELECT kohtaamo.log_access (100, 4, 1) > 0;'
                 + contact % dict(contactor=3, referral=2, outcome=3, opens=1)
                 + case % ("'2026-01-12'", "'2026-04-02'") + 'ROLLBACK;',
                 'the 7-day deadline applies only when')
    # pg 0003 (SQLite 0018): the queue's copy of the urgency answer agrees with the contact.
    expect_error('a case is urgent exactly when its contact is (SHL 36 §, 45 §)', 'rec',
                 'BEGIN; SELECT kohtaamo.log_access (100, 4, 1) > 0;'
                 + contact % dict(contactor=1, referral=0, outcome=3, opens=1)
                 + "INSERT INTO cases (client_id, contact_id, opened_at, status, implementation_deadline, urgent, "
                   "team_id) VALUES (100, :k, 1767300000, 1, '2026-04-02', 1, (SELECT min (id) FROM teams));"
                 + 'ROLLBACK;',
                 'a case is urgent exactly when the contact that opened it is')
    expect_error('a case is not made urgent on its own', 'postgres',
                 'BEGIN; UPDATE kohtaamo.cases SET urgent = 1 WHERE id = 1; ROLLBACK;',
                 'a case is urgent exactly when the contact that opened it is')
    expect_ok('a change of the contact\'s urgency answer moves its case', 'postgres', """
        BEGIN;
        UPDATE kohtaamo.contacts SET urgency = 1, urgent = 1 WHERE id = 1;
        SELECT urgent FROM kohtaamo.cases WHERE id = 1;
        ROLLBACK;
    """, want='1')
    expect_error('an anonymous contact keeps no person', 'rec', """
        INSERT INTO contacts (received_at, channel, contactor, urgency, urgency_assessed_by, urgency_assessed_at,
                              language, outcome, anonymous, client_id, created_by, created_at)
          VALUES (1767300000, 1, 5, 2, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000, 1, 1, 1, 100,
                  (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000);
    """, 'violates check constraint')
    expect_error('a contact is corrected only with a revision that keeps what it held', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 5, 2) > 0;
        UPDATE contacts SET reason_text = 'Muutettu' WHERE id = 1;
        ROLLBACK;
    """, 'a contact is corrected only with a revision that keeps what it held')
    expect_error('a revision must hold the contact as it is', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 5, 2) > 0;
        INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, channel, needs, reason_text,
                                       language, interpreter)
          VALUES (2, 1, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000, 2, 0, 'Jotain muuta', 1, 0);
        ROLLBACK;
    """, 'a revision must hold the contact as it is')
    expect_ok('a contact is corrected after its revision', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 5, 2) > 0;
        INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, channel, needs, reason_text,
                                       language, interpreter)
          VALUES (2, 1, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000, 2, 0, 'Neuvonta', 1, 0);
        UPDATE contacts SET reason_text = 'Neuvonta ja ohjaus' WHERE id = 2 RETURNING reason_text;
        ROLLBACK;
    """, want='t\nNeuvonta ja ohjaus')
    expect_error('a contact with a history is never removed', 'lead', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 5, 3) > 0;
        DELETE FROM contacts WHERE id = 2;
        ROLLBACK;
    """, 'a contact with a history of corrections is never removed')
    expect_error('a revision is never changed, even by its author', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 4, 2) > 0;
        UPDATE contact_revisions SET reason_text = 'x';
        ROLLBACK;
    """, 'permission denied')
    expect_error('the schema owner granting itself UPDATE of revisions: the trigger still refuses', 'postgres', """
        BEGIN; SET LOCAL ROLE kohtaamo_owner;
        GRANT UPDATE ON kohtaamo.contact_revisions TO kohtaamo_owner;
        UPDATE kohtaamo.contact_revisions SET reason_text = 'x';
        ROLLBACK;
    """, 'a revision of a contact is never changed')
    expect_error('a directory entry\'s web address is http(s)', 'lead',
                 "INSERT INTO services (name_fi, name_sv, url) VALUES ('Testi', 'Test', 'ftp://example.org');",
                 'a directory entry breaks a length or shape rule')
    expect_error('the unit\'s name is 1 to 120 characters', 'adm',
                 "INSERT INTO settings (key, value) VALUES ('unit_name', '   ');",
                 'the unit name must be 1 to 120 characters')
    expect_error('reception does not change the unit\'s settings', 'rec',
                 "UPDATE settings SET value = '1' WHERE key = 'saturday_is_working_day';",
                 'permission denied')
    # The unit's document settings (kh-unit-profile.h, pg/0024): the same
    # roles, and the server checks the values.
    expect_error('a social worker does not change the letterhead', 'sw',
                 "INSERT INTO settings (key, value) VALUES ('document_organisation_fi', 'Hyvinvointialue X');",
                 'permission denied')
    expect_ok('the administrator writes the Swedish letterhead', 'adm',
              "INSERT INTO settings (key, value) VALUES ('document_organisation_sv', 'Välfärdsområdet X') "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value;")
    expect_error('an unknown document setting is refused', 'adm',
                 "INSERT INTO settings (key, value) VALUES ('document_organisation_en', 'X');",
                 'is not a setting of the unit\'s documents')
    expect_error('a letterhead field is one line', 'lead',
                 "INSERT INTO settings (key, value) VALUES ('document_unit_fi', E'Aikuis\\nsosiaalityö');",
                 'too long or not of its shape')
    expect_error('a postal code and town begins with five digits', 'lead',
                 "INSERT INTO settings (key, value) VALUES ('document_authority_postal_code_town_sv', 'Exempel');",
                 'too long or not of its shape')
    expect_error('the logo is a PNG', 'adm',
                 "INSERT INTO settings (key, value) VALUES ('document_logo_png', encode ('GIF89a-not-a-png', 'base64'));",
                 'the logo is not a PNG')
    expect_error('a decision maker has a name and a title', 'adm',
                 "INSERT INTO settings (key, value) VALUES ('document_decision_makers', E'1\\t\\t\\t\\t\\t\\t1');",
                 'is not id, name, titles')


def test_access_log_append_only():
    # The schema owner's everyday role: no privilege, and the triggers.
    for stmt, what in (("UPDATE kohtaamo.access_log SET what = 1", 'UPDATE'),
                       ("DELETE FROM kohtaamo.access_log", 'DELETE'),
                       ("TRUNCATE kohtaamo.access_log", 'TRUNCATE')):
        expect_error('the schema owner: %s of the access log is refused' % what, 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; %s; ROLLBACK;' % stmt, 'permission denied')
    # Even with the privilege given back (the owner may), the triggers refuse.
    for stmt, what in (("UPDATE kohtaamo.access_log SET what = 1", 'UPDATE'),
                       ("DELETE FROM kohtaamo.access_log", 'DELETE'),
                       ("TRUNCATE kohtaamo.access_log", 'TRUNCATE')):
        expect_error('the schema owner granting itself %s: the trigger still refuses' % what, 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; '
                     'GRANT UPDATE, DELETE, TRUNCATE ON kohtaamo.access_log TO kohtaamo_owner; '
                     '%s; ROLLBACK;' % stmt, 'the access log is append-only')


def test_only_a_copy_keeps_log_rows():
    # data/sql/pg/0007: only the superuser's copy transaction writes log
    # rows as they were; no worker starts one or marks its transaction.
    expect_error('the administrator cannot start a copy', 'adm',
                 "SELECT kohtaamo.copy_begin ();", 'permission denied')
    expect_error('the administrator cannot mark a transaction as a copy', 'adm',
                 "INSERT INTO kohtaamo.copy_marks VALUES (pg_current_xact_id ());", 'permission denied')
    expect_error('the administrator cannot walk the log without the check of the caller', 'adm',
                 "SELECT * FROM kohtaamo.access_log_walk ();", 'permission denied')
    expect_error('the records of copies are append-only, even for the owner', 'postgres',
                 'BEGIN; SET LOCAL ROLE kohtaamo_owner; DELETE FROM kohtaamo.log_copies; ROLLBACK;',
                 'permission denied')
    # The owner's everyday role, outside a copy: a seq and hash it gives are
    # replaced by the server's own.
    expect_ok('outside a copy, the server chains a log row whatever seq and hash it is given', 'postgres',
              "BEGIN; SET LOCAL ROLE kohtaamo_owner; "
              "INSERT INTO kohtaamo.access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash) "
              "VALUES (0, 1, NULL, 6, 3, 999, repeat ('a', 64), repeat ('a', 64)) "
              "RETURNING (seq <> 999 AND prev_hash <> repeat ('a', 64) "
              "AND hash <> repeat ('a', 64))::text; ROLLBACK;",
              want='true')


def test_roles_cannot_be_raised():
    expect_error('reception cannot join the administrators\' group', 'rec',
                 "GRANT kohtaamo_admin TO rec;", 'must have admin option')
    expect_error('the last active administrator cannot be demoted', 'adm',
                 "SELECT save_user ('adm', 'Ada Admin', 4, 1);", 'at least one active administrator')
    expect_ok('the server sees the role the administrator gave: groups follow save_user', 'postgres',
              "SELECT string_agg (r, ',' ORDER BY r) FROM unnest (ARRAY['rec', 'cou', 'sw', 'lead', 'adm', 'gone']) r "
              "WHERE pg_has_role (r, 'kohtaamo_staff', 'MEMBER');",
              want='adm,cou,lead,rec,sw')


def test_reception_reads_the_intake_only():
    cols = su("SELECT string_agg (column_name, ',' ORDER BY column_name) FROM information_schema.columns "
              "WHERE table_schema = 'kohtaamo' AND table_name = 'cases' "
              "AND has_column_privilege ('kohtaamo_reception', 'kohtaamo.cases', column_name, 'SELECT')")
    tap(set(cols.split(',')) == RECEPTION_CASE_COLUMNS,
        'reception reads of a case exactly the intake\'s and the queue\'s columns',
        'readable: %s' % cols)
    tables = su("SELECT string_agg (c.relname, ',' ORDER BY c.relname) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'kohtaamo' AND c.relkind IN ('r', 'v', 'm') "
                "AND (has_table_privilege ('kohtaamo_reception', c.oid, 'SELECT') "
                "     OR has_any_column_privilege ('kohtaamo_reception', c.oid, 'SELECT'))")
    # The service points and their hours (0019) are the unit's, not
    # anyone's: reception tells a walk-in client where and when. A person's
    # responsible worker (0021), after the logged read of the person: reception
    # tells a caller who their worker is.
    want = ('cases,clients,closed_days,contact_revisions,contacts,responsible_workers,schema_version,'
            'service_point_hours,service_points,services,settings,teams,users')
    tap(tables == want, 'reception reads no table beyond its list (a new table is closed to it)',
        'readable: %s\nexpected: %s' % (tables, want))
    expect_error('reception cannot read the access log', 'rec',
                 "SELECT count (*) FROM access_log;", 'permission denied')
    expect_error('reception cannot read the access log even after logging a supervision read', 'rec',
                 "BEGIN; SELECT kohtaamo.log_access (NULL, 7, 4); SELECT count (*) FROM access_log; COMMIT;",
                 'permission denied')
    for login in ('cou', 'sw'):
        expect_error('%s cannot read the access log' % login, login,
                     "SELECT count (*) FROM access_log;", 'permission denied')
    expect_ok('reception\'s basis is intake, whatever it asks', 'rec', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 2, 2) > 0;
        COMMIT;
    """, want='t')
    basis = su("SELECT basis FROM kohtaamo.access_log WHERE user_id = (SELECT id FROM kohtaamo.users "
               "WHERE account = 'rec') ORDER BY seq DESC LIMIT 1")
    tap(basis == '1', 'reception\'s log row says intake (basis 1)', 'basis: %s' % basis)


def test_lead_reads_the_log():
    expect_ok('lead: the log shows nothing before the reading is logged', 'lead',
              "SELECT count (*) FROM access_log;", want='0')
    total = su("SELECT count (*) FROM kohtaamo.access_log")
    out = expect_ok('lead: after logging a supervision read, the whole log', 'lead', """
        BEGIN;
        SELECT kohtaamo.log_access (NULL, 7, 4) > 0;
        SELECT count (*) FROM access_log;
        COMMIT;
    """, want='t\n%d' % (int(total) + 1))
    rows_of_2 = su("SELECT count (*) FROM kohtaamo.access_log WHERE client_id = 2")
    expect_ok('administrator: a person\'s supervision read shows that person\'s rows only', 'adm', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 7, 4) > 0;
        SELECT count (*) FROM access_log WHERE client_id IS DISTINCT FROM 2;
        SELECT count (*) FROM access_log;
        COMMIT;
    """, want='t\n0\n%d' % (int(rows_of_2) + 1))


def test_search_and_work_lists():
    expect_ok('search folds ä/a and case, finds prefixes, returns name order', 'rec', """
        BEGIN;
        SELECT string_agg (client_id::text, ',') FROM kohtaamo.search_clients_by_name ('MAK', 10, 1);
        SELECT string_agg (last_name || ' ' || first_names, ',' ORDER BY sort_key) FROM clients;
        COMMIT;
    """, want='3,2,1\nMakinen Åsa,Mäki Veikko,Mäkinen Aino')
    expect_ok('every typed word must match a word of the person', 'rec',
              "SELECT string_agg (client_id::text, ',') FROM kohtaamo.search_clients_by_name ('mäki ai', 10, 1);",
              want='1')
    expect_ok('a word typed twice still finds the person; an unknown word finds nobody', 'rec', """
        SELECT coalesce (string_agg (client_id::text, ','), '-') FROM kohtaamo.search_clients_by_name ('aino mäkinen aino', 10, 1);
        SELECT coalesce (string_agg (client_id::text, ','), '-') FROM kohtaamo.search_clients_by_name ('mäki zzz', 10, 1);
    """, want='1\n-')
    expect_ok('a search stops at its limit, in name order', 'rec',
              "SELECT string_agg (client_id::text, ',') FROM kohtaamo.search_clients_by_name ('m', 2, 1);",
              want='3,2')
    expect_ok('each person a search shows is logged as shown in search results', 'postgres', """
        SELECT string_agg (client_id || ':' || what || ':' || basis, ',' ORDER BY seq)
        FROM (SELECT * FROM kohtaamo.access_log ORDER BY seq DESC LIMIT 2) a;
    """, want='3:1:1,2:1:1')
    expect_ok('identity code search: the exact code', 'cou',
              "SELECT string_agg (client_id::text, ',') FROM kohtaamo.search_clients_by_code ('150275-902r', 10, 2);",
              want='2')
    expect_ok('phone search by the start of the digits', 'cou',
              "SELECT string_agg (client_id::text, ',') FROM kohtaamo.search_clients_by_phone ('0401', 10, 2);",
              want='1')
    expect_ok('the queue logs each person it shows; the cases then read', 'rec', """
        BEGIN;
        SELECT string_agg (case_id::text, ',') FROM kohtaamo.work_list_queue (50, 0);
        SELECT string_agg (cs.id || ':' || c.last_name, ',') FROM cases cs JOIN clients c ON c.id = cs.client_id;
        COMMIT;
    """, want='1,100\n1:Mäkinen,100:Testinen')
    expect_ok('the queue\'s counts are counts only', 'rec', "SELECT total, urgent FROM kohtaamo.queue_counts ();",
              want='2|0')

    # 0006: the day's contacts with the filters SQLite has, once per showing.
    day = '1767259999, 1767262001'
    expect_ok('the day\'s list by channel logs and shows only its own person', 'rec', """
        BEGIN;
        SELECT string_agg (contact_id::text, ',') FROM kohtaamo.work_list_contacts (%s, 2, 0, 0, 50, 0, '{}');
        SELECT string_agg (last_name, ',') FROM clients;
        COMMIT;
    """ % day, want='2\nMäki')
    expect_ok('the day\'s list by outcome and by who recorded it', 'rec', """
        SELECT string_agg (contact_id::text, ',') FROM kohtaamo.work_list_contacts (%s, 0, 3, 0, 50, 0, '{}');
        SELECT count (*) FROM kohtaamo.work_list_contacts (%s, 0, 0, 999, 50, 0, '{}');
    """ % (day, day), want='1\n0')
    expect_ok('the filtered count is a count only', 'rec',
              "SELECT kohtaamo.work_list_contacts_count (%s, 1, 0, 0);" % day, want='2')
    rows = "SELECT count (*) FROM kohtaamo.access_log a JOIN kohtaamo.users u ON u.id = a.user_id " \
           "WHERE u.account = '%s' AND a.what = 8 AND a.client_id = 2"
    before = su(rows % 'rec')
    expect_ok('a person the showing logged is shown again without a new row', 'rec', """
        BEGIN;
        SELECT string_agg (contact_id::text, ',') FROM kohtaamo.work_list_contacts (%s, 2, 0, 0, 50, 0, '{2}');
        SELECT string_agg (last_name, ',') FROM clients;
        COMMIT;
    """ % day, want='2\nMäki')
    after = su(rows % 'rec')
    tap(after == before, 'rec: shown again in the showing, no new log row', '%s -> %s' % (before, after))
    before = su(rows % 'cou')
    expect_ok('a person named as shown but not logged on a work list by this user is logged', 'cou', """
        BEGIN;
        SELECT string_agg (contact_id::text, ',') FROM kohtaamo.work_list_contacts (%s, 2, 0, 0, 50, 0, '{1,2,3}');
        SELECT string_agg (last_name, ',') FROM clients;
        COMMIT;
    """ % day, want='2\nMäki')
    after = su(rows % 'cou')
    tap(int(after) == int(before) + 1, 'cou: claiming a showing does not skip the log row',
        '%s -> %s' % (before, after))
    expect_ok('the queue, once per showing too', 'rec', """
        BEGIN;
        SELECT string_agg (case_id::text, ',') FROM kohtaamo.work_list_queue (50, 0, '{1}');
        SELECT string_agg (cs.id || ':' || c.last_name, ',') FROM cases cs JOIN clients c ON c.id = cs.client_id;
        COMMIT;
    """, want='1,100\n1:Mäkinen,100:Testinen')
    expect_error('rec: the work lists\' logging is not for them', 'rec',
                 "SELECT kohtaamo.work_list_log ('{1}', '{}');", 'permission denied')
    expect_error('rec: the showing\'s marks are not theirs to write', 'rec',
                 "INSERT INTO kohtaamo.tx_shown VALUES (pg_current_xact_id (), 1, 1);", 'permission denied')
    expect_error('rec: nor to read', 'rec', "SELECT count (*) FROM kohtaamo.tx_shown;", 'permission denied')


def test_search_in_one_call():
    # 0010: the people found, logged, with their rows and the count.
    log_rows = "SELECT count (*) FROM kohtaamo.access_log"
    before = int(su(log_rows))
    expect_ok('one call: the people in name order, the protected address withheld, '
              'open cases and the count', 'rec', """
        SELECT string_agg (id || ':' || last_name || ':' || coalesce (address, '-') || ':'
                           || open_cases || ':' || total, ',')
        FROM kohtaamo.search_clients ('name', 'MAK', NULL, NULL, 10, 2, 1001);
    """, want='3:Makinen:-:0:3,2:Mäki:Rantatie 2:0:3,1:Mäkinen:Kotikatu 1:1:3')
    expect_ok('each person returned is logged, in the order returned, as read at the intake', 'postgres', """
        SELECT string_agg (client_id || ':' || what || ':' || basis, ',' ORDER BY seq)
        FROM (SELECT * FROM kohtaamo.access_log ORDER BY seq DESC LIMIT 3) a;
    """, want='3:1:1,2:1:1,1:1:1')
    tap(int(su(log_rows)) == before + 3, 'three people, three log rows', su(log_rows))
    expect_ok('at the limit the count says how many match in all', 'cou',
              "SELECT string_agg (id || ':' || total, ',') FROM kohtaamo.search_clients ('name', 'm', NULL, NULL, 2, 2, 1001);",
              want='3:3,2:3')
    expect_ok('every word typed must match; a prefix of a later word too', 'cou',
              "SELECT string_agg (id::text, ',') FROM kohtaamo.search_clients ('name', 'ai mäkin', NULL, NULL, 10, 2, 1001);",
              want='1')
    before = int(su(log_rows))
    expect_ok('nobody found: the count alone, nobody logged', 'cou',
              "SELECT coalesce (id::text, '-') || ':' || total FROM kohtaamo.search_clients ('name', 'zzz', NULL, NULL, 10, 2, 1001);",
              want='-:0')
    tap(int(su(log_rows)) == before, 'a search that finds nobody writes no log row', su(log_rows))
    expect_ok('the start of a code; with the birth part only, the people without a code born then', 'cou', """
        SELECT string_agg (id || ':' || total, ',') FROM kohtaamo.search_clients ('code', '150275-9', NULL, NULL, 10, 2, 1001);
        SELECT string_agg (id || ':' || total, ',' ORDER BY id)
        FROM kohtaamo.search_clients ('code', '020390-', '{1990-03-02}', NULL, 10, 2, 1001);
    """, want='2:1\n4:2,100:2')
    expect_ok('birth dates, and the start of a phone number', 'cou', """
        SELECT string_agg (id || ':' || total, ',') FROM kohtaamo.search_clients ('dates', NULL, '{1975-02-15,1980-01-01}', NULL, 10, 2, 1001);
        SELECT string_agg (id || ':' || total, ',') FROM kohtaamo.search_clients ('phone', '0401', NULL, NULL, 10, 2, 1001);
    """, want='2:2,1:2\n1:1')
    expect_error('a deactivated user finds nobody', 'gone',
                 "SELECT * FROM kohtaamo.search_clients ('name', 'mak', NULL, NULL, 10, 1, 1001);",
                 'permission denied')
    expect_error('nor a login in a group with no Kohtaamo user', 'rogue',
                 "SELECT * FROM kohtaamo.search_clients ('name', 'mak', NULL, NULL, 10, 1, 1001);",
                 'not a Kohtaamo user')
    expect_error('rec: finding without logging is not for them', 'rec',
                 "SELECT kohtaamo.find_clients_by_name ('mak', 10);", 'permission denied')
    expect_error('rec: nor logging others\' searches', 'rec',
                 "SELECT kohtaamo.log_access_all ('{1}', 1, 1);", 'permission denied')

    # The access log by a person's name: the lead social worker and the
    # administrator, after their reading of the log is logged.
    expect_error('rec: the log\'s name filter is not for reception', 'rec',
                 "SELECT * FROM kohtaamo.access_log_people_named ('mak', true);", 'permission denied')
    expect_error('sw: nor for a social worker', 'sw',
                 "SELECT * FROM kohtaamo.access_log_people_named ('mak', true);", 'permission denied')
    expect_ok('lead: nobody before the reading of the log is logged', 'lead',
              "SELECT count (*) FROM kohtaamo.access_log_people_named ('mak', true);", want='0')
    expect_ok('lead: after a reading of the whole log, the people named so', 'lead', """
        BEGIN;
        SELECT kohtaamo.log_access (NULL, 7, 4) > 0;
        SELECT string_agg (client_id::text, ',' ORDER BY client_id) FROM kohtaamo.access_log_people_named ('mak', true);
        SELECT string_agg (client_id::text, ',' ORDER BY client_id) FROM kohtaamo.access_log_people_named ('MÄKINEN aino', true);
        SELECT string_agg (client_id::text, ',' ORDER BY client_id) FROM kohtaamo.access_log_people_named ('maki', false);
        COMMIT;
    """, want='t\n1,2,3\n1\n2')
    expect_ok('adm: after a reading of one person\'s log, that person only', 'adm', """
        BEGIN;
        SELECT kohtaamo.log_access (2, 7, 4) > 0;
        SELECT string_agg (client_id::text, ',' ORDER BY client_id) FROM kohtaamo.access_log_people_named ('mak', true);
        COMMIT;
    """, want='t\n2')


def test_address_and_non_disclosure():
    expect_ok('an address is read for a person logged in the transaction', 'cou', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 2, 2) > 0;
        SELECT address, postal_code, city, withheld FROM kohtaamo.client_address (1);
        COMMIT;
    """, want='t\nKotikatu 1|00100|Helsinki|f')
    expect_error('an address is not read without a log row', 'cou',
                 "SELECT * FROM kohtaamo.client_address (1);", 'only after the reading is logged')
    expect_ok('a protected address is withheld unless shown on purpose', 'cou', """
        BEGIN;
        SELECT kohtaamo.log_access (3, 2, 2) > 0;
        SELECT coalesce (address, '-'), withheld FROM kohtaamo.client_address (3);
        SELECT address, withheld FROM kohtaamo.client_address (3, true);
        COMMIT;
    """, want='t\n-|t\nSalainen tie 3|f')
    what = su("SELECT what || ':' || client_id FROM kohtaamo.access_log ORDER BY seq DESC LIMIT 1")
    tap(what == '10:3', 'showing a protected address is logged (what 10)', 'last row: %s' % what)
    # 0008: the store logs the showing first; the function does not log it twice.
    before = su("SELECT count (*) FROM kohtaamo.access_log WHERE what = 10")
    expect_ok('a protected address shown after its showing was logged is logged once', 'cou', """
        BEGIN;
        SELECT kohtaamo.log_access (3, 10, 2) > 0;
        SELECT address FROM kohtaamo.client_address (3, true);
        SELECT address FROM kohtaamo.client_address (3, true);
        COMMIT;
    """, want='t\nSalainen tie 3\nSalainen tie 3')
    after = su("SELECT count (*) FROM kohtaamo.access_log WHERE what = 10")
    tap(int(after) == int(before) + 1, 'one row for one showing of a protected address',
        '%s -> %s' % (before, after))


def test_contact_by_its_id():
    # 0008: a contact is reached by its id once its person is logged.
    expect_ok('a contact of nobody\'s logs nothing and shows (anonymous)', 'rec', """
        BEGIN;
        SELECT coalesce (kohtaamo.log_contact_access (3, 4, 1)::text, '-');
        SELECT count (*) FROM contacts WHERE id = 3;
        COMMIT;
    """, want='-\n1')
    expect_ok('a contact is not seen before its person is logged', 'rec',
              "SELECT count (*) FROM contacts WHERE id = 2;", want='0')
    before = su("SELECT count (*) FROM kohtaamo.access_log")
    expect_ok('log_contact_access logs the contact\'s person, then the contact shows', 'rec', """
        BEGIN;
        SELECT kohtaamo.log_contact_access (2, 4, 2);
        SELECT id, client_id FROM contacts WHERE id = 2;
        COMMIT;
    """, want='2\n2|2')
    row = su("SELECT u.account || ':' || a.client_id || ':' || a.what || ':' || a.basis "
             "FROM kohtaamo.access_log a JOIN kohtaamo.users u ON u.id = a.user_id ORDER BY a.seq DESC LIMIT 1")
    tap(row == 'rec:2:4:1', 'the row is the caller\'s, reception\'s basis forced to the intake', row)
    expect_error('a login with no Kohtaamo user cannot log a contact\'s person', 'rogue',
                 "SELECT kohtaamo.log_contact_access (2, 4, 2);", 'not a Kohtaamo user')


def test_users_who_may_not():
    expect_error('an inactive user, outside every group, reaches nothing', 'gone',
                 "SELECT count (*) FROM kohtaamo.clients;", 'permission denied')
    # Put back in a group by hand: the server still reads the user's state.
    su("GRANT kohtaamo_reception TO gone;")
    expect_error('an inactive user put in a group by hand cannot log a read', 'gone',
                 "SELECT kohtaamo.log_access (1, 2, 1);", 'not active')
    expect_ok('an inactive user put in a group by hand reads nobody', 'gone',
              "SELECT count (*) FROM clients;", want='0')
    expect_error('an inactive user put in a group by hand cannot search', 'gone',
                 "SELECT * FROM kohtaamo.search_clients_by_name ('mak', 10, 1);", 'not active')
    expect_error('a login in a group by hand but with no Kohtaamo user cannot log a read', 'rogue',
                 "SELECT kohtaamo.log_access (1, 2, 1);", 'not a Kohtaamo user')
    expect_error('a login with no Kohtaamo user cannot search', 'rogue',
                 "SELECT * FROM kohtaamo.search_clients_by_name ('mak', 10, 1);", 'not a Kohtaamo user')
    # A session open while the administrator deactivates its user loses
    # access at its next statement: nothing is cached.
    expect_ok('a user about to be deactivated reads', 'cou',
              "SELECT kohtaamo.log_access (4, 2, 2) > 0;", want='t')
    expect_error('a user deactivated during an open session is refused at its next statement', 'cou', """
        \\! PGPASSWORD=%s %s -X -q -A -t -d "%s user=adm" -c "SELECT kohtaamo.save_user ('cou', 'Outi Ohjaaja', 2, 0) > 0" >/dev/null
        SELECT kohtaamo.log_access (4, 2, 2) > 0;
    """ % (PASSWORDS['adm'], PSQL, conn_base), 'permission denied')
    groups = su("SELECT pg_has_role ('cou', 'kohtaamo_staff', 'MEMBER')")
    tap(groups == 'f', 'the deactivated login leaves its group', 'member of staff: %s' % groups)


def test_teams():
    # 0015: the teams are the administrator's; a user's team through
    # set_user_team; only an active team gets new cases or members; the
    # queue's functions count per team.
    expect_error('reception cannot add a team', 'rec',
                 "INSERT INTO teams (name, active, created_at) VALUES ('Oma tiimi', 1, 0);",
                 'permission denied')
    expect_error('the lead social worker cannot rename a team', 'lead',
                 "UPDATE teams SET name = 'Johdon tiimi';", 'permission denied')
    expect_ok('the administrator adds a team', 'adm',
              "INSERT INTO teams (name, active, created_at) VALUES ('Nuoret aikuiset', 1, 0) RETURNING name;",
              want='Nuoret aikuiset')
    expect_ok('the administrator adds another and deactivates it', 'adm',
              "INSERT INTO teams (name, active, created_at) VALUES ('Vanha tiimi', 1, 0);"
              "UPDATE teams SET active = 0 WHERE name = 'Vanha tiimi' RETURNING active;", want='0')
    expect_error('not even the administrator removes a team', 'adm',
                 "DELETE FROM teams WHERE name = 'Vanha tiimi';", 'permission denied')
    expect_error('a team removed anyway, by the superuser, stays', 'postgres',
                 "DELETE FROM kohtaamo.teams WHERE name = 'Vanha tiimi';", 'never removed')
    expect_error('one active team always remains', 'adm',
                 "UPDATE teams SET active = 0;", 'at least one active team')
    expect_error('a social worker cannot move a user between teams', 'sw',
                 "SELECT kohtaamo.set_user_team ('sw', (SELECT id FROM teams WHERE name = 'Nuoret aikuiset'));",
                 'permission denied')
    expect_error('nor write users.team_id directly', 'lead',
                 "UPDATE users SET team_id = NULL WHERE account = 'lead';", 'permission denied')
    expect_ok('the administrator puts a worker in a team', 'adm',
              "SELECT kohtaamo.set_user_team ('sw', (SELECT id FROM teams WHERE name = 'Nuoret aikuiset')) > 0;",
              want='t')
    expect_error('not in a team that takes no new members', 'adm',
                 "SELECT kohtaamo.set_user_team ('cou', (SELECT id FROM teams WHERE name = 'Vanha tiimi'));",
                 'only an active team gets new members')
    expect_error('a case is not opened into a team that takes no new cases', 'rec', r"""
        BEGIN;
        SELECT kohtaamo.log_access (100, 4, 1) > 0;
        INSERT INTO contacts (received_at, channel, contactor, urgency, urgency_assessed_by, urgency_assessed_at,
                              language, outcome, opens_case, client_id, created_by, created_at)
          VALUES (1767300000, 3, 1, 2, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000, 1, 3, 1,
                  100, (SELECT id FROM kohtaamo.current_kohtaamo_user ()), 1767300000)
          RETURNING id AS k \gset
        INSERT INTO cases (client_id, contact_id, opened_at, status, implementation_deadline, team_id)
          VALUES (100, :k, 1767300000, 1, '2026-04-02', (SELECT id FROM teams WHERE name = 'Vanha tiimi'));
        ROLLBACK;
    """, 'only an active team gets new cases')
    expect_ok('reception counts the queue per team (no person read)', 'rec',
              "SELECT total || '/' || urgent FROM kohtaamo.queue_counts ("
              "(SELECT id FROM teams WHERE name = 'Nuoret aikuiset'));"
              "SELECT total FROM kohtaamo.queue_counts (0);", want='0/0\n2')
    expect_ok('a team\'s queue lists only its cases', 'rec',
              "BEGIN; SELECT count (*) FROM kohtaamo.work_list_queue (50, 0, '{}', "
              "(SELECT id FROM teams WHERE name = 'Nuoret aikuiset')); ROLLBACK;", want='0')


def test_chain_under_concurrency():
    script = 'BEGIN; SELECT kohtaamo.log_access (1, 2, 2); COMMIT;\n' * 40
    env = dict(os.environ, PGOPTIONS='-c search_path=kohtaamo')
    procs = []
    for login in ('sw', 'lead', 'adm'):
        e = dict(env, PGPASSWORD=WORKERS[login][1])
        procs.append(subprocess.Popen([PSQL, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
                                       '-d', '%s user=%s' % (conn_base, login), '-c', script.replace('\n', ' ')],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e, text=True))
    errors = [p.communicate(timeout=60)[1] for p in procs]
    ok = all(p.returncode == 0 for p in procs)
    rows = su("SELECT seq, at, user_id, coalesce (client_id::text, ''), what, basis, prev_hash, hash "
              "FROM kohtaamo.access_log ORDER BY seq").splitlines()
    prev = '0' * 64
    detail = ''.join(errors)
    for i, row in enumerate(rows, 1):
        seq, at, user_id, client_id, what, basis, prev_hash, digest = row.split('|')
        text = 'kohtaamo-log-v1|%s|%s|%s|%s|%s|%s|%s' % (seq, at, user_id, client_id, what, basis, prev)
        if int(seq) != i or prev_hash != prev or hashlib.sha256(text.encode()).hexdigest() != digest:
            ok = False
            detail += 'row %d breaks the chain: %s\n' % (i, row)
            break
        prev = digest
    head = su("SELECT seq || ':' || hash FROM kohtaamo.access_log_head")
    # A desk that logged and then stalls inside its transaction holds the
    # chain: another desk's logging read gives up with an error, not hangs.
    expect_error('a read behind a stalled transaction gives up after the lock timeout', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 2, 2) > 0;
        \\! PGPASSWORD=%s %s -X -q -A -t -d "%s user=lead" -c "SELECT kohtaamo.log_access (1, 2, 2)" 2>&1 | sed -n 's/.*ERROR: *//p' | sed 's/^/ERROR: other desk: /' >&2
        COMMIT;
    """ % (PASSWORDS['lead'], PSQL, conn_base), 'other desk: canceling statement due to lock timeout')
    ok = ok and head == '%d:%s' % (len(rows), prev)
    tap(ok, 'three desks logging at once: %d rows, seq without gaps, every hash matches' % len(rows), detail)


def test_verify_and_checkpoint():
    # Runs last: it tampers with the log, as someone with the server's
    # superuser (and triggers disabled) could.
    expect_error('reception cannot verify the log', 'rec', "SELECT * FROM kohtaamo.verify_access_log ();",
                 'permission denied')
    n = su("SELECT count (*) FROM kohtaamo.access_log")
    head = su("SELECT seq || '|' || hash FROM kohtaamo.access_log_head")
    expect_ok('lead: the intact log verifies to its last row', 'lead',
              "SELECT rows_checked, coalesce (first_bad_seq::text, '-'), coalesce (problem, '-'), last_hash "
              "FROM kohtaamo.verify_access_log ();",
              want='%s|-|-|%s' % (n, head.split('|')[1]))
    dbid = su("SELECT value FROM kohtaamo.settings WHERE key = 'database_id'")
    tap(len(dbid) == 32 and all(c in '0123456789abcdef' for c in dbid),
        'the database has an identity: 32 lower-case hex digits', dbid)
    expect_ok('administrator: a checkpoint names the database, the latest row and hash, and the count', 'adm',
              "SELECT database_id || '|' || seq || '|' || hash || '|' || count FROM kohtaamo.access_log_checkpoint ();",
              want='%s|%s|%s' % (dbid, head, n))
    expect_error('the database\'s identity is written once', 'adm',
                 "UPDATE settings SET value = 'x' WHERE key = 'database_id';",
                 'the database identity is written once')
    expect_error('the database\'s identity is not removed', 'adm',
                 "DELETE FROM settings WHERE key = 'database_id';",
                 'the database identity is written once')
    su("SET session_replication_role = replica; UPDATE kohtaamo.access_log SET what = 3 WHERE seq = 5;")
    expect_ok('a row changed behind the triggers\' back is named', 'lead',
              "SELECT first_bad_seq, problem FROM kohtaamo.verify_access_log ();", want='5|row 5 was changed')
    su("SET session_replication_role = replica; DELETE FROM kohtaamo.access_log WHERE seq = 4;")
    expect_ok('a row deleted behind the triggers\' back is named as missing', 'lead',
              "SELECT first_bad_seq, problem FROM kohtaamo.verify_access_log ();", want='4|row 4 is missing')
    su("SET session_replication_role = replica; DELETE FROM kohtaamo.access_log WHERE seq >= 4;")
    expect_ok('a log cut short no longer reaches the last row written', 'lead',
              "SELECT first_bad_seq, problem FROM kohtaamo.verify_access_log ();",
              want='4|the log ends at row 3, but row %s was written' % head.split('|')[0])


def test_assessments():
    # Issue 7: a finished assessment of case 1 (Aino Mäkinen, person 1),
    # written as the superuser, and a draft of case 1's next version.
    su("""
        INSERT INTO kohtaamo.assessments (id, case_id, client_id, version, assessed_on, client_present,
            client_view, support_needed, need_duration, special_support, special_support_reasons,
            summary, conclusions, client_on_worker, worker_on_worker, next_step,
            created_by, created_at, updated_by, updated_at)
          VALUES (1, 1, 1, 1, '2026-11-30', 1, 'Oma näkemys', 1, 1, 2, 'Perustelut',
                  'Yhteenveto', 'Johtopäätökset', 1, 1, 1,
                  (SELECT id FROM kohtaamo.users WHERE account = 'sw'), 0,
                  (SELECT id FROM kohtaamo.users WHERE account = 'sw'), 0);
        INSERT INTO kohtaamo.assessment_areas (assessment_id, position, key, label, situation)
          VALUES (1, 0, 'housing', 'Asuminen', 'Vuokrarästejä');
        UPDATE kohtaamo.assessments SET status = 2, revision = revision + 1,
            finished_by = (SELECT id FROM kohtaamo.users WHERE account = 'sw'), finished_at = 0
          WHERE id = 1;
    """)
    for login in ('rec', 'adm'):
        expect_error('%s: an assessment is not readable at all' % login, login,
                     "SELECT count (*) FROM assessments;", 'permission denied')
        expect_error('%s: nor its areas' % login, login,
                     "SELECT count (*) FROM assessment_areas;", 'permission denied')
        expect_error('%s: the server will not log an assessment read for them' % login, login,
                     "SELECT kohtaamo.log_assessment_access (1, NULL);",
                     'service-need assessments are for')
        expect_error('%s: nor write one' % login, login,
                     "SELECT kohtaamo.assessment_insert (1, 1, 2, 1, 'Syy');",
                     'service-need assessments are for')
    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: no assessment shows without its log row' % login, login,
                  "SELECT count (*) FROM assessments;", want='0')
        expect_ok('%s: the logged read shows the assessment, its areas, and the log row says so' % login,
                  login, """
            BEGIN;
            SELECT kohtaamo.log_assessment_access (1, NULL);
            SELECT summary FROM assessments;
            SELECT situation FROM assessment_areas;
            COMMIT;
        """, want='1\nYhteenveto\nVuokrarästejä')
        expect_error('%s: no direct write, even after the read is logged' % login, login,
                     "BEGIN; SELECT kohtaamo.log_assessment_access (1, NULL); "
                     "UPDATE assessments SET summary = 'Muutettu'; COMMIT;", 'permission denied')
        expect_error('%s: nor through the server\'s save: a finished version is frozen' % login, login,
                     "SELECT kohtaamo.assessment_clear_areas (1);", 'a finished assessment is never changed')
    expect_ok('each of those reads wrote its own log row (what 11, client relationship)', 'postgres',
              "SELECT count (*) FROM kohtaamo.access_log WHERE what = 11 AND client_id = 1 AND basis = 2 "
              "AND user_id IN (SELECT id FROM kohtaamo.users WHERE account IN ('cou', 'sw', 'lead'));",
              want='3')
    for stmt, fragment in (("UPDATE kohtaamo.assessments SET summary = 'x'",
                            'a finished assessment is never changed'),
                           ("UPDATE kohtaamo.assessment_areas SET situation = 'x'",
                            'a finished assessment is never changed'),
                           ("DELETE FROM kohtaamo.assessments", 'permission denied'),
                           ("TRUNCATE kohtaamo.assessments CASCADE", 'permission denied')):
        expect_error('the schema owner: %s of a finished assessment is refused' % stmt.split()[0], 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; %s; ROLLBACK;' % stmt, fragment)
    expect_error('the superuser: a finished assessment is never changed either', 'postgres',
                 "UPDATE kohtaamo.assessments SET summary = 'x';", 'a finished assessment is never changed')
    expect_error('the superuser: nor removed', 'postgres',
                 "DELETE FROM kohtaamo.assessments;", 'a finished assessment is never removed')
    expect_error('nobody updates an access-log row of an assessment read', 'postgres',
                 "UPDATE kohtaamo.access_log SET what = 1 WHERE what = 11;", 'the access log is append-only')


def test_case_notes():
    # Issue 7, 2: case notes of case 1 (Aino Mäkinen, person 1), written
    # through the server's function; the timeline read that shows them.
    expect_ok('a social worker writes a note; the server stamps who and when', 'sw',
              "SELECT id > 0, written_at > 1767000000 FROM kohtaamo.case_note_add (1, 'Tapaaminen pidetty', NULL);",
              want='t|t')
    expect_ok('the note is the social worker\'s, whatever the call said', 'postgres',
              "SELECT u.account FROM kohtaamo.case_notes n JOIN kohtaamo.users u ON u.id = n.written_by;",
              want='sw')
    for login in ('rec', 'adm'):
        expect_error('%s: case notes are not readable at all' % login, login,
                     "SELECT count (*) FROM case_notes;", 'permission denied')
        expect_error('%s: the server will not log a timeline read for them' % login, login,
                     "SELECT kohtaamo.log_timeline_access (1);", 'case notes are for')
        expect_error('%s: nor write a note' % login, login,
                     "SELECT kohtaamo.case_note_add (1, 'Ei saa', NULL);", 'case notes are for')
        expect_error('%s: nor read the assessments\' dates through the timeline' % login, login,
                     "SELECT count (*) FROM kohtaamo.timeline_assessments (1);", 'the timeline is read after')
    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: no note shows without its log row' % login, login,
                  "SELECT count (*) FROM case_notes;", want='0')
        expect_ok('%s: the logged timeline read shows the note' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (1);
            SELECT body FROM case_notes;
            COMMIT;
        """, want='1\nTapaaminen pidetty')
        expect_ok('%s: another person\'s logged timeline shows none of this person\'s notes' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (2);
            SELECT count (*) FROM case_notes;
            COMMIT;
        """, want='2\n0')
        expect_error('%s: an assessment read is not a timeline read' % login, login,
                     "BEGIN; SELECT kohtaamo.log_assessment_access (1, NULL); "
                     "SELECT count (*) FROM kohtaamo.timeline_assessments (1); COMMIT;",
                     'the timeline is read after')
        expect_error('%s: no direct write' % login, login,
                     "INSERT INTO case_notes (case_id, client_id, body, written_by, written_at) "
                     "VALUES (1, 1, 'Suoraan', 1, 0);", 'permission denied')
        expect_error('%s: no change of a note, even after the read is logged' % login, login,
                     "BEGIN; SELECT kohtaamo.log_timeline_access (1); "
                     "UPDATE case_notes SET body = 'Muutettu'; COMMIT;", 'permission denied')
    expect_ok('each timeline read wrote its own log row (what 12, client relationship)', 'postgres',
              "SELECT count (*) FROM kohtaamo.access_log WHERE what = 12 AND client_id = 1 AND basis = 2 "
              "AND user_id IN (SELECT id FROM kohtaamo.users WHERE account IN ('cou', 'sw', 'lead'));",
              want='3')
    for stmt, fragment in (("UPDATE kohtaamo.case_notes SET body = 'x'", 'a case note is never changed'),
                           ("DELETE FROM kohtaamo.case_notes", 'permission denied'),
                           ("TRUNCATE kohtaamo.case_notes", 'permission denied')):
        expect_error('the schema owner: %s of a note is refused' % stmt.split()[0], 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; %s; ROLLBACK;' % stmt, fragment)
    expect_error('the superuser: a note is never changed either', 'postgres',
                 "UPDATE kohtaamo.case_notes SET body = 'x';", 'a case note is never changed')
    expect_error('the superuser: nor removed', 'postgres',
                 "DELETE FROM kohtaamo.case_notes;", 'a case note is never changed or removed')


def test_responsible_workers():
    # Issue 7, 2; Social Welfare Act 42 %: person 1's responsible worker,
    # named through the server's function (0023-responsible-workers.sql).
    sw_id = "(SELECT id FROM kohtaamo.users WHERE account = 'sw')"
    rec_id = "(SELECT id FROM kohtaamo.users WHERE account = 'rec')"
    expect_ok('the lead names the social worker; the server stamps who and when', 'lead',
              "SELECT id > 0, named_at > 1767000000 FROM kohtaamo.responsible_worker_name (1, %s, NULL);"
              % sw_id, want='t|t')
    expect_ok('the naming is the lead\'s, whatever the call said', 'postgres',
              "SELECT u.account FROM kohtaamo.responsible_workers r JOIN kohtaamo.users u ON u.id = r.named_by;",
              want='lead')
    for login in ('rec', 'adm'):
        expect_error('%s: names nobody' % login, login,
                     "SELECT kohtaamo.responsible_worker_name (1, %s, NULL);" % sw_id,
                     'a responsible worker is named by')
    expect_error('reception is not named', 'sw',
                 "SELECT kohtaamo.responsible_worker_name (1, %s, NULL);" % rec_id,
                 'a responsible worker is an active counsellor')
    expect_error('nobody named without a reason', 'sw',
                 "SELECT kohtaamo.responsible_worker_name (1, NULL, NULL);", 'responsible_workers_check')
    for login in ('rec', 'cou', 'sw', 'lead'):
        expect_ok('%s: no naming shows without the person\'s log row' % login, login,
                  "SELECT count (*) FROM responsible_workers;", want='0')
        expect_ok('%s: the logged read of the person shows it' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_access (1, 1, 2) > 0;
            SELECT count (*) FROM responsible_workers WHERE worker_id = %s;
            COMMIT;
        """ % sw_id, want='t\n1')
        expect_error('%s: no direct write' % login, login,
                     "INSERT INTO responsible_workers (client_id, worker_id, named_by, named_at) "
                     "VALUES (1, %s, %s, 0);" % (sw_id, sw_id), 'permission denied')
    for stmt, fragment in (("UPDATE kohtaamo.responsible_workers SET reason = 'x'", 'kept as it was made'),
                           ("DELETE FROM kohtaamo.responsible_workers", 'permission denied'),
                           ("TRUNCATE kohtaamo.responsible_workers", 'permission denied')):
        expect_error('the schema owner: %s of a naming is refused' % stmt.split()[0], 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; %s; ROLLBACK;' % stmt, fragment)
    expect_error('the superuser: a naming is never changed either', 'postgres',
                 "UPDATE kohtaamo.responsible_workers SET reason = 'x';", 'kept as it was made')
    expect_error('the superuser: nor removed', 'postgres',
                 "DELETE FROM kohtaamo.responsible_workers;", 'kept as it was made')


def test_caseload():
    # Issue 7, 1: taking and assigning cases (data/sql/pg/0016-caseload.sql).
    # Case 1 (Aino Mäkinen, person 1) waits in the first team's queue; sw
    # and cou are put in that team here, by the administrator.
    team = su("SELECT min (id) FROM kohtaamo.teams;")
    # test_users_who_may_not deactivated cou: back at work.
    expect_ok('an administrator makes cou active again', 'adm',
              "SELECT kohtaamo.save_user ('cou', 'Outi Ohjaaja', 2, 1) > 0;", want='t')
    expect_ok('an administrator puts two workers in the team', 'adm',
              "SELECT kohtaamo.set_user_team ('sw', %s) > 0; SELECT kohtaamo.set_user_team ('cou', %s) > 0;"
              % (team, team), want='t\nt')
    sw = su("SELECT id FROM kohtaamo.users WHERE account = 'sw';")
    cou = su("SELECT id FROM kohtaamo.users WHERE account = 'cou';")
    rec = su("SELECT id FROM kohtaamo.users WHERE account = 'rec';")
    for login in ('rec', 'adm'):
        expect_error('%s: cannot take a case through the server\'s function' % login, login,
                     "SELECT * FROM kohtaamo.assign_case (1, NULL, %s);" % sw, 'permission denied')
        expect_error('%s: nor read the caseload' % login, login,
                     "SELECT * FROM kohtaamo.caseload (2, 0, 10, 0, '{}');", 'permission denied')
    expect_error('rec: nor by updating the case after logging the person', 'rec',
                 "BEGIN; SELECT kohtaamo.log_access (1, 8, 1); "
                 "UPDATE cases SET status = 2, assigned_to = %s WHERE id = 1; COMMIT;" % sw,
                 'cases are taken and assigned by')
    expect_error('sw: a case goes only to a worker, not to reception', 'sw',
                 "BEGIN; SELECT kohtaamo.log_access (1, 8, 2); "
                 "UPDATE cases SET status = 2, assigned_to = %s WHERE id = 1; COMMIT;" % rec,
                 'a case is given only to an active counsellor')
    # (Case 100, opened at reception in test_inserting_reads_back_own_rows,
    # waits in the same queue.)
    expect_ok('sw: the team\'s queue shows case 1, its assessment started', 'sw',
              "SELECT case_id, started FROM kohtaamo.caseload (2, 0, 10, 0, '{}') WHERE case_id = 1;",
              want='1|1')
    expect_ok('sw: takes case 1 from the queue', 'sw',
              "SELECT outcome FROM kohtaamo.assign_case (1, NULL, %s);" % sw, want='0')
    expect_ok('sw: it is in my cases, and no longer in the queue', 'sw',
              "SELECT case_id FROM kohtaamo.caseload (1, 0, 10, 0, '{}'); "
              "SELECT count (*) FROM kohtaamo.caseload (2, 0, 10, 0, '{}') WHERE case_id = 1;",
              want='1\n0')
    expect_ok('cou: taking it from an older list says who has it, and changes nothing', 'cou',
              "SELECT outcome, holder FROM kohtaamo.assign_case (1, NULL, %s);" % cou,
              want='1|Sami Sosiaalityöntekijä')
    expect_error('cou: nor can a direct update move someone else\'s case', 'cou',
                 "BEGIN; SELECT kohtaamo.log_access (1, 8, 2); "
                 "UPDATE cases SET assigned_to = %s WHERE id = 1; COMMIT;" % cou,
                 'only the lead social worker moves it')
    expect_ok('lead: moves it to cou', 'lead',
              "SELECT outcome FROM kohtaamo.assign_case (1, %s, %s);" % (sw, cou), want='0')
    expect_ok('the case is with cou; each handing was logged as what 9', 'postgres',
              "SELECT assigned_to FROM kohtaamo.cases WHERE id = 1; "
              "SELECT count (*) FROM kohtaamo.access_log WHERE what = 9 AND client_id = 1;",
              want='%s\n2' % cou)


def test_appointments():
    # Issue 7, 4: meetings with clients (data/sql/pg/0018-appointments.sql).
    # A Finnish-language point open Mon-Thu 8-16, Fri 8-14; meetings in
    # March 2030 with Aino Mäkinen (person 1), who speaks Finnish.
    sw = su("SELECT id FROM kohtaamo.users WHERE account = 'sw';")
    expect_error('sw: a social worker does not keep the service points', 'sw',
                 "SELECT kohtaamo.save_service_point (NULL, 'Oma', NULL, 1, 0, 1, NULL);",
                 'permission denied')
    expect_ok('adm: adds a service point with its week', 'adm',
              "SELECT kohtaamo.save_service_point (NULL, 'Kirkkokatu 2', NULL, 1, 1, 1, "
              "'{{1,480,960},{2,480,960},{3,480,960},{4,480,960},{5,480,840}}') > 0;", want='t')
    point = su("SELECT id FROM kohtaamo.service_points WHERE name = 'Kirkkokatu 2';")
    work_list_rows = ("SELECT count (*) FROM kohtaamo.access_log WHERE what = 8 AND client_id = 1 AND basis = 2 "
                      "AND user_id IN (SELECT id FROM kohtaamo.users WHERE account IN ('sw', 'lead'));")
    before = int(su(work_list_rows))
    book = ("SELECT kohtaamo.appointment_book (1, NULL, %s, %d, %s, '%s', %d, %d, 1, 0, %s);")
    for login in ('rec', 'adm'):
        expect_error('%s: books no meeting' % login, login,
                     book % (sw, 2, 'NULL', '2030-03-05', 600, 30, 'NULL'), 'permission denied')
        expect_error('%s: reads no meeting' % login, login,
                     "SELECT count (*) FROM appointments;", 'permission denied')
        expect_error('%s: nor a worker\'s week' % login, login,
                     "SELECT * FROM kohtaamo.week_appointments (%s, '2030-03-04', '2030-03-10');" % sw,
                     'permission denied')
    expect_ok('everyone reads the service points: they are not personal', 'rec',
              "SELECT name FROM service_points; SELECT count (*) FROM service_point_hours;",
              want='Kirkkokatu 2\n5')
    expect_ok('sw: books a meeting at the point on Tuesday 5.3.2030 at 10', 'sw',
              book % (sw, 1, point, '2030-03-05', 600, 60, "'Tuo vuokrasopimus'"), want='1')
    expect_error('sw: not over it by phone', 'sw',
                 book % (sw, 2, 'NULL', '2030-03-05', 630, 30, 'NULL'), 'the worker has another meeting then')
    expect_error('sw: not on Good Friday 2030', 'sw',
                 book % (sw, 2, 'NULL', '2030-04-19', 600, 30, 'NULL'), 'the office is closed that day')
    expect_error('sw: not after the point closes on a Friday', 'sw',
                 book % (sw, 1, point, '2030-03-08', 830, 30, 'NULL'), 'opening hours')
    expect_error('sw: no direct insert', 'sw',
                 "INSERT INTO appointments (client_id, worker_id, kind, day, start_min, minutes, language, "
                 "created_by, created_at) VALUES (1, %s, 2, '2030-03-06', 600, 30, 1, %s, 0);" % (sw, sw),
                 'permission denied')
    expect_ok('sw: no meeting shows without its log row', 'sw',
              "SELECT count (*) FROM appointments;", want='0')
    expect_ok('sw: my week logs its people and then shows them', 'sw', """
        BEGIN;
        SELECT id FROM kohtaamo.week_appointments (%s, '2030-03-04', '2030-03-10');
        SELECT note FROM appointments;
        COMMIT;
    """ % sw, want='1\nTuo vuokrasopimus')
    expect_error('cou: does not read sw\'s week', 'cou',
                 "SELECT * FROM kohtaamo.week_appointments (%s, '2030-03-04', '2030-03-10');" % sw,
                 'a worker\'s week is read by the worker')
    expect_error('cou: nor books for sw', 'cou',
                 book % (sw, 2, 'NULL', '2030-03-06', 600, 30, 'NULL'), 'their own meetings')
    expect_error('cou: nor moves sw\'s meeting', 'cou',
                 "SELECT kohtaamo.appointment_move (1, 0, 2, NULL, '2030-03-06', 600, 30, 0, NULL);",
                 'their own meetings')
    expect_error('cou: nor cancels it', 'cou',
                 "SELECT kohtaamo.appointment_cancel (1, 0, 'Ei sovi');", 'their own meetings')
    expect_error('cou: nor changes it directly after logging the person', 'cou',
                 "BEGIN; SELECT kohtaamo.log_access (1, 2, 2); UPDATE appointments SET note = 'x'; COMMIT;",
                 'permission denied')
    expect_ok('sw: moves it to Wednesday by phone', 'sw',
              "SELECT kohtaamo.appointment_move (1, 0, 2, NULL, '2030-03-06', 600, 30, 0, NULL);", want='1')
    expect_ok('sw: a move over the old revision changes nothing', 'sw',
              "SELECT kohtaamo.appointment_move (1, 0, 2, NULL, '2030-03-06', 660, 30, 0, NULL) IS NULL;",
              want='t')
    expect_ok('lead: reads sw\'s week', 'lead',
              "SELECT id FROM kohtaamo.week_appointments (%s, '2030-03-04', '2030-03-10');" % sw, want='1')
    expect_ok('lead: cancels it with a reason', 'lead',
              "SELECT kohtaamo.appointment_cancel (1, 1, 'Sanna on lomalla');", want='2')
    expect_ok('the row stays, cancelled, with who moved and cancelled it', 'postgres',
              "SELECT status, cancel_reason, day, changed_by = (SELECT id FROM kohtaamo.users "
              "WHERE account = 'lead') FROM kohtaamo.appointments WHERE id = 1;",
              want='3|Sanna on lomalla|2030-03-06|t')
    expect_ok('each week read logged its person as shown in a work list (what 8)', 'postgres',
              work_list_rows, want=str(before + 2))
    expect_error('the schema owner: no DELETE of a meeting', 'postgres',
                 'BEGIN; SET LOCAL ROLE kohtaamo_owner; DELETE FROM kohtaamo.appointments; ROLLBACK;',
                 'permission denied')
    expect_error('the superuser: a meeting is never removed', 'postgres',
                 "DELETE FROM kohtaamo.appointments;", 'a meeting is never removed')
    expect_error('the superuser: a cancelled meeting does not change', 'postgres',
                 "UPDATE kohtaamo.appointments SET status = 2, cancel_reason = NULL, revision = 9;",
                 'a cancelled meeting is not changed')
    flush()

DOCUMENT_PDF = "convert_to ('%PDF-1.5 Päätös', 'UTF8')"
DOCUMENT_SHA = "encode (sha256 (%s), 'hex')" % DOCUMENT_PDF


def issue_document(kind, corrects='NULL', sha256=DOCUMENT_SHA, terms=None, disclosure='NULL, NULL',
                   meeting='NULL, NULL'):
    # Person 1's document through the server's function: 0029, a decision
    # says whether it grants and a payment commitment rests on a decision
    # with its terms; 0033, a client plan given to a partner agency names
    # the agency's entry and the consent; 0034, an invitation names its
    # meeting and the meeting's revision.
    if terms is None:
        terms = "true, NULL, NULL, NULL, NULL, NULL" if kind == 5 else "NULL, NULL, NULL, NULL, NULL, NULL"
    return ("SELECT id > 0, issued_at > 1767000000, register_number FROM kohtaamo.issue_document "
            "(1, 1, %d, 'fi', 'Päätös', '2026-12-07', 'letter', %s, %s, %s, %s, %s, %s);"
            % (kind, corrects, DOCUMENT_PDF, sha256, terms, disclosure, meeting))


def test_documents():
    # Issue 8, 5: issued letters and decisions of person 1 (case 1), issued
    # through the server's function (0025-documents.sql), never changed.
    pdf = DOCUMENT_PDF
    sha = DOCUMENT_SHA

    def issue(kind, corrects='NULL', sha256=sha, terms=None):
        return issue_document(kind, corrects, sha256, terms)

    expect_ok('a social worker issues a decision: the first number of the year', 'sw', issue(5), want='t|t|1')
    expect_ok('the lead issues the next decision', 'lead', issue(5), want='t|t|2')
    expect_ok('a counsellor issues an invitation letter, without a number', 'cou', issue(1), want='t|t|')
    # 0027: the number reserved in the issuing transaction is the number kept.
    expect_ok('the lead reserves the next number and the decision gets it', 'lead',
              "BEGIN; SELECT register_number FROM kohtaamo.reserve_register_number (); %s "
              "ROLLBACK;" % issue(5), want='3\nt|t|3')
    for login in ('cou', 'rec', 'adm'):
        expect_error('%s: reserves no decision number (no grant)' % login, login,
                     "SELECT * FROM kohtaamo.reserve_register_number ();",
                     'permission denied for function reserve_register_number')
    # 0029: a payment commitment on decision 1 (which grants) takes the
    # first number of its own series; reserved in the issuing transaction,
    # the number is the number kept; only social workers and the lead.
    terms = "NULL, %d, 'Apteekki Äijälä', 123450, '2026-12-07', '2027-01-06'"
    expect_ok('a social worker issues a payment commitment: the first number of its series', 'sw',
              issue(4, terms=terms % 1), want='t|t|1')
    expect_ok('the lead reserves the next commitment number and the commitment gets it', 'lead',
              "BEGIN; SELECT commitment_number FROM kohtaamo.reserve_commitment_number (); %s "
              "ROLLBACK;" % issue(4, terms=terms % 1), want='2\nt|t|2')
    for login in ('cou', 'rec', 'adm'):
        expect_error('%s: reserves no commitment number (no grant)' % login, login,
                     "SELECT * FROM kohtaamo.reserve_commitment_number ();",
                     'permission denied for function reserve_commitment_number')
    expect_error('a commitment rests on a decision, not a letter', 'sw', issue(4, terms=terms % 3),
                 'rests on an issued decision of the same person that grants')
    expect_error('a commitment without its terms is refused', 'sw',
                 issue(4, terms="NULL, 1, NULL, 123450, '2026-12-07', '2027-01-06'"),
                 'a payment commitment, and only it')
    expect_error('a decision that does not say whether it grants is refused', 'sw',
                 issue(5, terms="NULL, NULL, NULL, NULL, NULL, NULL"), 'a payment commitment, and only it')
    expect_error('a counsellor issues no decision', 'cou', issue(5), 'decisions and payment commitments are issued by')
    expect_error('nor a payment commitment', 'cou', issue(4), 'decisions and payment commitments are issued by')
    for login in ('rec', 'adm'):
        for kind in (1, 5):
            expect_error('%s: issues no document of kind %d' % (login, kind), login, issue(kind),
                         'are issued by')
    expect_error('bytes that are not the ones the desk hashed are refused', 'sw',
                 issue(5, sha256="repeat ('0', 64)"), 'changed on the way')
    expect_error('a correction of a document of another person is refused', 'sw',
                 "SELECT kohtaamo.issue_document (2, NULL, 1, 'fi', 'Kutsu', '2026-12-07', 'letter', "
                 "1, %s, %s, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);" % (pdf, sha),
                 'corrects a document of the same person')
    expect_ok('each document is its issuer\'s, at the server\'s time, whatever the call said', 'postgres',
              "SELECT string_agg (u.account || ':' || coalesce (d.register_number::text, '-') || ':' "
              "|| coalesce (d.commitment_number::text, '-'), ',' ORDER BY d.id) "
              "FROM kohtaamo.documents d JOIN kohtaamo.users u ON u.id = d.issued_by;",
              want='sw:1:-,lead:2:-,cou:-:-,sw:-:1')
    for login in ('rec', 'adm'):
        expect_error('%s: documents are not readable at all' % login, login,
                     "SELECT count (*) FROM documents;", 'permission denied')
        expect_error('%s: nor the record of their readings' % login, login,
                     "SELECT count (*) FROM document_reads;", 'permission denied')
    expect_error('reception opens no document', 'rec', "SELECT pdf FROM kohtaamo.open_document (1);",
                 'are opened by counsellors')
    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: no document shows without the timeline\'s log row' % login, login,
                  "SELECT count (*) FROM documents;", want='0')
        expect_ok('%s: the logged timeline read shows their metadata' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (1);
            SELECT string_agg (title || ' ' || kind, ',' ORDER BY id) FROM documents;
            COMMIT;
        """, want='1\nPäätös 5,Päätös 5,Päätös 1,Päätös 4')
        expect_error('%s: never the PDF itself, even after the timeline read' % login, login,
                     "BEGIN; SELECT kohtaamo.log_timeline_access (1); SELECT pdf FROM documents; COMMIT;",
                     'permission denied')
        expect_ok('%s: opening a document returns its bytes' % login, login,
                  "SELECT sha256 = encode (sha256 (pdf), 'hex'), register_number FROM kohtaamo.open_document (1);",
                  want='t|1')
        for stmt in ("INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, "
                     "delivery, pdf, sha256) VALUES (1, 1, 'fi', 'X', 0, 1, '2026-12-07', 'letter', %s, %s)"
                     % (pdf, sha),
                     "UPDATE documents SET title = 'Muutettu'",
                     "DELETE FROM documents",
                     "TRUNCATE documents",
                     "INSERT INTO document_reads (log_seq, document_id) VALUES (1, 1)",
                     "DELETE FROM document_reads"):
            expect_error('%s: %s is refused' % (login, stmt.split()[0]), login,
                         "BEGIN; SELECT kohtaamo.log_timeline_access (1); %s; COMMIT;" % stmt,
                         'permission denied')
    expect_ok('the administrator\'s opening is an export', 'adm',
              "SELECT length (pdf) > 5 FROM kohtaamo.open_document (1);", want='t')
    expect_ok('each opening wrote its own log row naming the document', 'postgres',
              "SELECT string_agg (u.account || ':' || a.what || ':' || a.basis, ',' ORDER BY a.seq) "
              "FROM kohtaamo.document_reads r JOIN kohtaamo.access_log a ON a.seq = r.log_seq "
              "JOIN kohtaamo.users u ON u.id = a.user_id WHERE r.document_id = 1 AND a.client_id = 1;",
              want='cou:14:2,sw:14:2,lead:14:2,adm:6:3')
    expect_ok('the administrator lists the ids to export', 'adm',
              "SELECT string_agg (d::text, ',') FROM kohtaamo.document_ids () d;", want='1,2,3,5')
    expect_error('nobody else does', 'lead', "SELECT count (*) FROM kohtaamo.document_ids ();",
                 'exported by the administrator')
    for stmt, fragment in (("UPDATE kohtaamo.documents SET title = 'x'", 'kept as it was issued'),
                           ("UPDATE kohtaamo.documents SET pdf = pdf || pdf, sha256 = sha256", 'kept as it was issued'),
                           ("DELETE FROM kohtaamo.documents", 'permission denied'),
                           ("TRUNCATE kohtaamo.documents", 'permission denied'),
                           ("DELETE FROM kohtaamo.document_reads", 'permission denied')):
        expect_error('the schema owner: %s is refused' % stmt[:40], 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; %s; ROLLBACK;' % stmt, fragment)
    for stmt, fragment in (("UPDATE kohtaamo.documents SET title = 'x'", 'kept as it was issued'),
                           ("DELETE FROM kohtaamo.documents", 'kept as it was issued'),
                           ("TRUNCATE kohtaamo.documents CASCADE", 'kept as it was issued'),
                           ("UPDATE kohtaamo.document_reads SET document_id = 2", 'append-only'),
                           ("DELETE FROM kohtaamo.document_reads", 'append-only')):
        expect_error('the superuser: %s is refused' % stmt[:40], 'postgres', stmt + ';', fragment)
    expect_ok('the bytes are held to their hash by the table, for any writer', 'postgres',
              "SELECT count (*) FROM kohtaamo.documents WHERE sha256 <> encode (sha256 (pdf), 'hex');", want='0')


def test_contact_attempts():
    # Issue 8, 3: attempts to reach person 1 (Aino Mäkinen) following up
    # contact 1 (arrived at 1767260000) in case 1, recorded through the
    # server's function (0028-contact-attempts.sql), never changed.
    def record(person=1, contact='1', case='1', at=1767263600, method=1, outcome=1, note='NULL'):
        return ("SELECT id > 0, made_at > 1767000000 FROM kohtaamo.record_contact_attempt "
                "(%d, %s, %s, %d, %d, %d, %s);" % (person, contact, case, at, method, outcome, note))

    expect_ok('a counsellor records an unanswered call; the server stamps who and when', 'cou',
              record(note="'Ei vastausta'"), want='t|t')
    expect_ok('a social worker records a text message to a wrong number', 'sw',
              record(at=1767264600, method=2, outcome=2), want='t|t')
    expect_ok('the lead records a letter sent', 'lead',
              record(contact='NULL', case='NULL', at=1767270000, method=3, outcome=3), want='t|t')
    expect_ok('each attempt is its recorder\'s, whatever the call said', 'postgres',
              "SELECT string_agg (u.account || ':' || a.method || ':' || a.outcome, ',' ORDER BY a.id) "
              "FROM kohtaamo.contact_attempts a JOIN kohtaamo.users u ON u.id = a.made_by;",
              want='cou:1:1,sw:2:2,lead:3:3')
    for login in ('rec', 'adm'):
        expect_error('%s: records no attempt' % login, login, record(), 'case notes are for')
        expect_error('%s: reads no attempt at all' % login, login,
                     "SELECT count (*) FROM contact_attempts;", 'permission denied')
    for what, sql, fragment in (
            ('a wrong number of a letter', record(method=3, outcome=2), 'contact_attempts_check'),
            ('an unknown method', record(method=6), 'contact_attempts_method_check'),
            ('an unknown outcome', record(outcome=5), 'contact_attempts_outcome_check'),
            ('an attempt an hour in the future', record(at=2000000000), 'contact_attempts_check1'),
            ('an attempt before the contact it follows up', record(at=1767259000),
             'not earlier than the contact it follows up'),
            ('another person\'s contact', record(person=2), 'of its own person'),
            ('another person\'s case', record(person=2, contact='2'), 'of its own person'),
            ('a note of spaces', record(note="'   '"), 'contact_attempts_note_check'),
            ('a note of 501 characters', record(note="repeat ('a', 501)"), 'contact_attempts_note_check')):
        expect_error('the server refuses %s' % what, 'sw', sql, fragment)
    expect_ok('no such person: nothing recorded', 'sw',
              "SELECT count (*) FROM kohtaamo.record_contact_attempt (99, NULL, NULL, 1767263600, 1, 1, NULL) "
              "WHERE id IS NOT NULL;", want='0')
    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: no attempt shows without the timeline\'s log row' % login, login,
                  "SELECT count (*) FROM contact_attempts;", want='0')
        expect_ok('%s: the logged timeline read shows the person\'s attempts' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (1);
            SELECT string_agg (method || ':' || outcome || ':' || coalesce (note, '-'), ',' ORDER BY id)
              FROM contact_attempts;
            COMMIT;
        """, want='1\n1:1:Ei vastausta,2:2:-,3:3:-')
        expect_ok('%s: another person\'s logged timeline shows none of them' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (2);
            SELECT count (*) FROM contact_attempts;
            COMMIT;
        """, want='2\n0')
        for stmt in ("INSERT INTO contact_attempts (client_id, attempted_at, method, outcome, made_by, made_at) "
                     "VALUES (1, 1767263600, 1, 1, 1, 1767263600)",
                     "UPDATE contact_attempts SET outcome = 4",
                     "DELETE FROM contact_attempts",
                     "TRUNCATE contact_attempts"):
            expect_error('%s: %s is refused' % (login, stmt.split()[0]), login,
                         "BEGIN; SELECT kohtaamo.log_timeline_access (1); %s; COMMIT;" % stmt,
                         'permission denied')
    for stmt, fragment in (("UPDATE kohtaamo.contact_attempts SET outcome = 4", 'kept as it was recorded'),
                           ("DELETE FROM kohtaamo.contact_attempts", 'permission denied'),
                           ("TRUNCATE kohtaamo.contact_attempts", 'permission denied')):
        expect_error('the schema owner: %s of an attempt is refused' % stmt.split()[0], 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; %s; ROLLBACK;' % stmt, fragment)
    for stmt in ("UPDATE kohtaamo.contact_attempts SET outcome = 4",
                 "DELETE FROM kohtaamo.contact_attempts",
                 "TRUNCATE kohtaamo.contact_attempts"):
        expect_error('the superuser: %s of an attempt is refused' % stmt.split()[0], 'postgres',
                     stmt + ';', 'kept as it was recorded')
    expect_error('the superuser: an attempt by reception is refused too', 'postgres',
                 "INSERT INTO kohtaamo.contact_attempts (client_id, attempted_at, method, outcome, made_by, made_at) "
                 "VALUES (1, 1767263600, 1, 1, (SELECT id FROM kohtaamo.users WHERE account = 'rec'), 0);",
                 'recorded by an active counsellor')
    expect_ok('three attempts, as recorded', 'postgres',
              "SELECT count (*) FROM kohtaamo.contact_attempts;", want='3')


def test_network():
    # Issue 9, 1: the network of person 1 (Aino Mäkinen), kept through the
    # server's functions (0030-network.sql); every read logged as what 15;
    # nothing ever changed or removed.
    def add(person=1, kind=1, name="'Maija Mäkinen'", relation=2, service='NULL', sector=1, tie=1,
            support=3):
        return ("SELECT id > 0, saved_at > 1767000000 FROM kohtaamo.network_member_add "
                "(%d, %d, %s, %d, NULL, NULL, %s, NULL, %d, 1, %d, 3, %d, NULL) WHERE id IS NOT NULL;"
                % (person, kind, name, relation, service, sector, tie, support))

    expect_ok('a counsellor adds the mother; the server stamps who and when', 'cou', add(), want='t|t')
    expect_ok('a social worker adds Kela from the directory', 'sw',
              add(kind=2, name='NULL', relation=0, service='1', sector=6, tie=3), want='t|t')
    expect_ok('the lead adds a friend', 'lead', add(name="'Liisa Laine'", relation=6, sector=2), want='t|t')
    expect_ok('each entry is its writer\'s, whatever the call said', 'postgres',
              "SELECT string_agg (u.account || ':' || r.kind || ':' || r.revision, ',' ORDER BY r.id) "
              "FROM kohtaamo.network_member_revisions r JOIN kohtaamo.users u ON u.id = r.saved_by;",
              want='cou:1:1,sw:2:1,lead:1:1')
    for login in ('rec', 'adm'):
        expect_error('%s: keeps no network' % login, login, add(), 'a network is kept by')
        expect_error('%s: cannot log a network read' % login, login,
                     "SELECT kohtaamo.log_network_access (1);", 'a network is kept by')
        for table in ('network_members', 'network_member_revisions', 'network_consents',
                      'network_consent_withdrawals', 'network_versions', 'network_version_members'):
            expect_error('%s: reads no %s, even after logging the person' % (login, table), login,
                         "BEGIN; SELECT kohtaamo.log_access (1, 15, 2); SELECT count (*) FROM %s; COMMIT;"
                         % table, 'permission denied')
    for what, sql, fragment in (
            ('a sector beyond the list', add(sector=10), 'network_member_revisions_sector_check'),
            ('a tie beyond the list', add(tie=6), 'network_member_revisions_tie_check'),
            ('support beyond the flags', add(support=32), 'network_member_revisions_support_check'),
            ('a person without a name', add(name='NULL'), 'network_member_revisions_check'),
            ('an agency that is a parent', add(kind=2), 'network_member_revisions_check1'),
            ('a name of spaces', add(name="'   '"), 'network_member_revisions_name_check')):
        expect_error('the server refuses %s' % what, 'sw', sql, fragment)
    expect_ok('no such person: nothing added', 'sw', add(person=99).replace('id > 0, ', 'count (*), ')
              .replace(', saved_at > 1767000000', ''), want='0')

    # A change is the next revision; one made from an older revision is stale.
    save = ("SELECT coalesce (saved_at > 0, false), stale FROM kohtaamo.network_member_save "
            "(1, 1, %d, 'Maija Mäkinen', 2, 'äiti', NULL, NULL, NULL, 1, 1, 4, 3, 3, NULL, %d);")
    expect_ok('a social worker saves revision 2', 'sw', save % (2, 0), want='t|0')
    expect_ok('saving over revision 1 again is stale', 'cou', save % (2, 0), want='f|1')
    expect_ok('the lead removes the entry: revision 3', 'lead', save % (3, 1), want='t|0')
    expect_ok('nothing after the removal', 'sw', save % (4, 0), want='f|2')

    # Consents: recorded, withdrawn beside them.
    expect_ok('a social worker records a consent to contact Kela', 'sw',
              "SELECT id > 0 FROM kohtaamo.network_consent_record (2, 1, 1, '2026-01-05', '2026-12-31', "
              "'kirjallinen') WHERE id IS NOT NULL;", want='t')
    expect_error('the server refuses a consent that ends before it was given', 'sw',
                 "SELECT * FROM kohtaamo.network_consent_record (2, 1, 1, '2026-01-05', '2026-01-04', NULL);",
                 'network_consents_check')
    expect_error('the server refuses a day that is none', 'sw',
                 "SELECT * FROM kohtaamo.network_consent_record (2, 1, 1, '2026-02-30', NULL, NULL);",
                 'network_consents_given_on_check')
    expect_ok('another person\'s entry takes no consent of this person\'s', 'sw',
              "SELECT count (*) FROM kohtaamo.network_consent_record (2, 2, 1, '2026-01-05', NULL, NULL) "
              "WHERE id IS NOT NULL;", want='0')
    expect_error('the server refuses a withdrawal before the consent was given', 'cou',
                 "SELECT * FROM kohtaamo.network_consent_withdraw (1, 1, '2026-01-04');",
                 'not withdrawn before the day it was given')
    expect_ok('a counsellor records the withdrawal', 'cou',
              "SELECT recorded_at > 0 FROM kohtaamo.network_consent_withdraw (1, 1, '2026-02-01');", want='t')
    expect_error('withdrawn once only', 'sw',
                 "SELECT * FROM kohtaamo.network_consent_withdraw (1, 1, '2026-02-02');",
                 'network_consent_withdrawals_pkey')

    # A version: the entries as they stand (the friend and Kela; the mother removed).
    expect_ok('a social worker takes a version', 'sw',
              "SELECT members FROM kohtaamo.network_version_take (1, 'Asiakassuunnitelma') "
              "WHERE id IS NOT NULL;", want='2')

    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: no network shows without its log row' % login, login,
                  "SELECT (SELECT count (*) FROM network_members) + (SELECT count (*) FROM network_consents) "
                  "+ (SELECT count (*) FROM network_versions);", want='0')
        expect_ok('%s: nor with the timeline\'s log row' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (1);
            SELECT count (*) FROM network_member_revisions;
            COMMIT;
        """, want='1\n0')
        expect_ok('%s: the logged network read shows the person\'s network' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_network_access (1);
            SELECT (SELECT count (*) FROM network_members), (SELECT count (*) FROM network_member_revisions),
                   (SELECT count (*) FROM network_consents), (SELECT count (*) FROM network_consent_withdrawals),
                   (SELECT count (*) FROM network_versions), (SELECT count (*) FROM network_version_members);
            COMMIT;
        """, want='1\n3|5|1|1|1|2')
        expect_ok('%s: another person\'s logged network shows none of it' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_network_access (2);
            SELECT count (*) FROM network_member_revisions;
            COMMIT;
        """, want='2\n0')
        for stmt in ("INSERT INTO network_members (client_id, kind, created_at, created_by) VALUES (1, 1, 0, 1)",
                     "UPDATE network_consents SET scope = 7",
                     "DELETE FROM network_versions",
                     "TRUNCATE network_member_revisions"):
            expect_error('%s: %s is refused' % (login, stmt.split()[0]), login,
                         "BEGIN; SELECT kohtaamo.log_network_access (1); %s; COMMIT;" % stmt,
                         'permission denied')
    expect_ok('each read is one row of the log, what 15', 'postgres',
              "SELECT count (*) FROM kohtaamo.access_log WHERE what = 15;", want='6')
    for table, fragment in (('network_members', 'a change is a new revision'),
                            ('network_member_revisions', 'a change is a new revision'),
                            ('network_consents', 'kept as it was given'),
                            ('network_consent_withdrawals', 'kept as it was given'),
                            ('network_versions', 'kept as it was taken'),
                            ('network_version_members', 'kept as it was taken')):
        for stmt in ("UPDATE kohtaamo.%s SET client_id = client_id" % table,
                     "DELETE FROM kohtaamo.%s" % table,
                     "TRUNCATE kohtaamo.%s CASCADE" % table):
            expect_error('the superuser: %s is refused' % stmt[:45], 'postgres', stmt + ';', fragment)
        expect_error('the schema owner: DELETE FROM %s is refused' % table, 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; DELETE FROM kohtaamo.%s; ROLLBACK;' % table,
                     'permission denied')
    expect_error('the superuser: no entry joins a version afterwards', 'postgres',
                 "INSERT INTO kohtaamo.network_version_members (version_id, revision_id, client_id) "
                 "SELECT 1, id, client_id FROM kohtaamo.network_member_revisions WHERE member_id = 1 "
                 "AND revision = 1;", 'kept as it was taken')
    expect_error('the superuser: an entry by reception is refused too', 'postgres',
                 "INSERT INTO kohtaamo.network_members (client_id, kind, created_at, created_by) "
                 "VALUES (1, 1, 0, (SELECT id FROM kohtaamo.users WHERE account = 'rec'));",
                 'a network is kept by an active')


def test_client_plans():
    # Issue 9, 3: a client plan of person 1 (Aino Mäkinen) made from the
    # finished assessment of case 1 (test_assessments), with Kela (network
    # entry 2, test_network) as its partner; written only through the
    # server's functions (0031-client-plans.sql), read after its log row
    # (what 16), never changed. A refused transaction still takes its ids
    # (versions 2–4, goals 2–3, review 1): the review's version is 5.
    # The default five steps, as kh_plan_scale_to_setting writes them.
    SCALE = ("E'Ei edistystä|Inga framsteg\\nVähän edistystä|Små framsteg\\nJonkin verran edistystä|"
             "Vissa framsteg\\nPaljon edistystä|Stora framsteg\\nSaavutettu|Uppnått'")
    version = ("SELECT id FROM kohtaamo.plan_version_add (1, 1, %d, '2026-01-10', 1, NULL, 'Haluan maksaa vuokrat', "
               "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2, NULL, NULL, NULL, '2026-04-10', NULL, NULL, 0, 1);")
    expect_ok('a social worker makes the plan, row by row, and accepts it', 'sw', """
        BEGIN;
        SELECT kohtaamo.plan_open (1, 1, 1);
        %s
        SELECT kohtaamo.plan_goal_add (1, NULL, 0, 'Vuokrat maksetaan ajallaan', 'housing', 'Asuminen', 1, NULL);
        SELECT kohtaamo.plan_action_add (1, NULL, 0, 'Käsittelee asumistuen', 3, 2, 'Kela', '2026-02-01', 1);
        SELECT kohtaamo.plan_partner_add (1, 0, 2, 'Kela', 'Perustoimeentulotuki', 1);
        SELECT kohtaamo.plan_factor_add (1, 0, 1, 'Äidin tuki');
        SELECT version_id FROM kohtaamo.plan_version_accept (1);
        COMMIT;
    """ % (version % 1), want='1\n1\n1\n1\n1\n1\n1')
    expect_ok('the plan is its writer\'s, at the server\'s time', 'postgres',
              "SELECT u.account || ':' || (v.saved_at > 1767000000)::text || ':' "
              "|| (a.accepted_by = v.saved_by)::text "
              "FROM kohtaamo.plan_versions v JOIN kohtaamo.plan_acceptances a ON a.version_id = v.id "
              "JOIN kohtaamo.users u ON u.id = v.saved_by WHERE v.id = 1;", want='sw:true:true')
    expect_ok('nobody else writes into the social worker\'s version', 'cou',
              "SELECT kohtaamo.plan_goal_add (1, NULL, 1, 'Toinen', 'work', NULL, 1, NULL) IS NULL;", want='t')
    expect_error('one plan a case', 'lead', "SELECT kohtaamo.plan_open (1, 1, 1);", 'client_plans_client_id_case_id_key')
    expect_error('two coordinators are refused', 'lead', """
        BEGIN;
        %s
        SELECT kohtaamo.plan_partner_add (2, 0, 2, 'Kela', 'Perustoimeentulotuki', 1);
        SELECT kohtaamo.plan_partner_add (2, 1, NULL, 'Asumisneuvonta', 'Sovittelu', 1);
        COMMIT;
    """ % (version % 2), 'plan_partners_one_coordinator')
    expect_error('a later version is made by a review', 'lead', """
        BEGIN;
        %s
        SELECT kohtaamo.plan_goal_add (3, 1, 0, 'Vuokrat maksetaan ajallaan', 'housing', 'Asuminen', 1, NULL);
        SELECT * FROM kohtaamo.plan_version_accept (3);
        COMMIT;
    """ % (version % 2), 'made by a review')
    expect_error('the review rates every goal being worked on', 'lead', """
        BEGIN;
        %s
        SELECT kohtaamo.plan_goal_add (4, 1, 0, 'Vuokrat maksetaan ajallaan', 'housing', 'Asuminen', 2, NULL);
        SELECT kohtaamo.plan_review_add (1, 4, %s);
        SELECT * FROM kohtaamo.plan_version_accept (4);
        COMMIT;
    """ % (version % 2, SCALE), 'rates every active goal')
    # Issue 9, 4 (0035): a review keeps the scale it was rated on, 2–10
    # lines of "fi|sv"; a rating above its steps is refused.
    expect_error('a review\'s scale has two steps at least', 'lead', """
        BEGIN;
        %s
        SELECT kohtaamo.plan_goal_add (5, 1, 0, 'Vuokrat maksetaan ajallaan', 'housing', 'Asuminen', 2, NULL);
        SELECT kohtaamo.plan_review_add (1, 5, 'Vain|Bara');
        COMMIT;
    """ % (version % 2), 'plan_reviews_scale_check')
    expect_error('a rating is a step of the review\'s scale', 'lead', """
        BEGIN;
        %s
        SELECT kohtaamo.plan_goal_add (6, 1, 0, 'Vuokrat maksetaan ajallaan', 'housing', 'Asuminen', 2, NULL);
        SELECT kohtaamo.plan_review_add (1, 6, E'Ei|Nej\\nKyllä|Ja');
        SELECT kohtaamo.plan_evaluation_add (3, 0, 1, 1, NULL, 3, NULL);
        COMMIT;
    """ % (version % 2), 'a rating is a step of its review')
    expect_ok('a review with the goal rated makes version 2', 'lead', """
        BEGIN;
        %s
        SELECT kohtaamo.plan_goal_add (7, 1, 0, 'Vuokrat maksetaan ajallaan', 'housing', 'Asuminen', 2, NULL);
        SELECT kohtaamo.plan_review_add (1, 7, %s);
        SELECT kohtaamo.plan_evaluation_add (4, 0, 1, 1, NULL, 5, 'Maksettu kolme kuukautta');
        SELECT version_id FROM kohtaamo.plan_version_accept (7);
        COMMIT;
    """ % (version % 2, SCALE), want='7\n6\n4\n4\n7')
    expect_ok('the review keeps its scale', 'postgres',
              "SELECT kohtaamo.plan_scale_steps (scale) || ':' || split_part (scale, E'\\n', 5) "
              "FROM kohtaamo.plan_reviews WHERE id = 4;", want='5:Saavutettu|Uppnått')
    # The unit's scale and lists (0035): the same roles as every setting,
    # and the server checks the values.
    expect_error('a social worker does not change the scale', 'sw',
                 "INSERT INTO settings (key, value) VALUES ('plan_scale', E'Ei|Nej\\nKyllä|Ja');",
                 'permission denied')
    expect_ok('the lead social worker sets a scale of two steps', 'lead',
              "INSERT INTO settings (key, value) VALUES ('plan_scale', E'Ei|Nej\\nKyllä|Ja') "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value;")
    for value in ("'Vain yksi|Bara ett'", "E'Ei|Nej\\nKyllä'", "E'Ei|Nej\\n Kyllä|Ja'",
                  "E'1|1\\n2|2\\n3|3\\n4|4\\n5|5\\n6|6\\n7|7\\n8|8\\n9|9\\n10|10\\n11|11'"):
        expect_error('the scale %s is refused' % value, 'lead',
                     "UPDATE settings SET value = %s WHERE key = 'plan_scale';" % value, 'plan_scale is 2 to 10 lines')
    expect_ok('the administrator lists the methods', 'adm',
              "INSERT INTO settings (key, value) VALUES ('plan_methods', E'Motivoiva haastattelu\\nVerkostokartta') "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value;")
    for value in ("E'A\\nA'", "E'A\\n\\nB'", "repeat ('x', 201)", "E'Verkosto\\u200bkartta'"):
        expect_error('the list %s is refused' % value, 'adm',
                     "INSERT INTO settings (key, value) VALUES ('plan_services', %s);" % value,
                     'plan_services is at most 100 different lines')
    expect_ok('the caseload sees the review date of the newest version, no more', 'sw',
              "SELECT review_on || ':' || overdue FROM kohtaamo.case_plan_status (1);", want='2026-04-10:0')
    for login in ('rec', 'adm'):
        expect_error('%s: makes no plan' % login, login, "SELECT kohtaamo.plan_open (1, 1, 1);",
                     'client plans are made and read by')
        expect_error('%s: cannot log a plan read' % login, login, "SELECT kohtaamo.log_plan_access (1);",
                     'client plans are made and read by')
        expect_ok('%s: the caseload\'s plan status says nothing' % login, login,
                  "SELECT count (*) FROM kohtaamo.case_plan_status (1) WHERE review_on IS NOT NULL;", want='0')
        for table in ('client_plans', 'plan_versions', 'plan_goals', 'plan_actions', 'plan_partners',
                      'plan_factors', 'plan_reviews', 'plan_evaluations', 'plan_acceptances'):
            expect_error('%s: reads no %s, even after logging the person' % (login, table), login,
                         "BEGIN; SELECT kohtaamo.log_access (1, 16, 2); SELECT count (*) FROM %s; COMMIT;"
                         % table, 'permission denied')
    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: no plan shows without its log row' % login, login,
                  "SELECT (SELECT count (*) FROM client_plans) + (SELECT count (*) FROM plan_versions) "
                  "+ (SELECT count (*) FROM plan_goals);", want='0')
        expect_ok('%s: the timeline\'s log row shows its dates, not the plan' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_timeline_access (1);
            SELECT (SELECT count (*) FROM kohtaamo.timeline_plans (1)), (SELECT count (*) FROM plan_versions);
            COMMIT;
        """, want='1\n3|0')
        expect_ok('%s: the logged plan read shows the person\'s plan' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_plan_access (1);
            SELECT (SELECT count (*) FROM client_plans), (SELECT count (*) FROM plan_versions v
                    JOIN plan_acceptances a ON a.version_id = v.id), (SELECT count (*) FROM plan_goals),
                   (SELECT count (*) FROM plan_actions), (SELECT count (*) FROM plan_partners),
                   (SELECT count (*) FROM plan_factors), (SELECT count (*) FROM plan_reviews),
                   (SELECT count (*) FROM plan_evaluations);
            COMMIT;
        """, want='1\n1|2|2|1|1|1|1|1')
        expect_ok('%s: another person\'s logged plans show none of it' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_plan_access (2);
            SELECT count (*) FROM plan_versions;
            COMMIT;
        """, want='2\n0')
        for stmt in ("INSERT INTO plan_goals (version_id, plan_id, client_id, position, text, area_key, status) "
                     "VALUES (1, 1, 1, 5, 'x', 'work', 1)",
                     "UPDATE plan_versions SET need_client_view = 'x'",
                     "DELETE FROM plan_acceptances",
                     "TRUNCATE plan_goals"):
            expect_error('%s: %s is refused' % (login, stmt.split()[0]), login,
                         "BEGIN; SELECT kohtaamo.log_plan_access (1); %s; COMMIT;" % stmt, 'permission denied')
    expect_ok('each plan read is one row of the log, what 16, the server\'s', 'postgres',
              "SELECT count (*) FROM kohtaamo.access_log WHERE what = 16;", want='6')
    for table, fragment in (('client_plans', 'a change is a new version'),
                            ('plan_versions', 'a change is a new version'),
                            ('plan_goals', 'a change is a new version'),
                            ('plan_actions', 'a change is a new version'),
                            ('plan_partners', 'a change is a new version'),
                            ('plan_factors', 'a change is a new version'),
                            ('plan_reviews', 'kept as it was made'),
                            ('plan_evaluations', 'kept as it was made'),
                            ('plan_acceptances', 'a change is a new version')):
        for stmt in ("UPDATE kohtaamo.%s SET client_id = client_id" % table,
                     "DELETE FROM kohtaamo.%s" % table,
                     "TRUNCATE kohtaamo.%s CASCADE" % table):
            expect_error('the superuser: %s is refused' % stmt[:45], 'postgres', stmt + ';', fragment)
        expect_error('the schema owner: DELETE FROM %s is refused' % table, 'postgres',
                     'BEGIN; SET LOCAL ROLE kohtaamo_owner; DELETE FROM kohtaamo.%s; ROLLBACK;' % table,
                     'permission denied')
    expect_error('the superuser: nothing joins an accepted version', 'postgres',
                 "INSERT INTO kohtaamo.plan_factors (version_id, client_id, position, effect, text) "
                 "VALUES (1, 1, 5, 2, 'Velat');", 'kept as it was accepted')
def test_plan_disclosures():
    # Issue 9, 6 (0033): a client plan given to a partner agency names the
    # agency's entry and rests on the client's consent in force on the
    # sending day (7.12.2026) to giving it the plan. Person 1's network:
    # entry 2 is Kela (an agency), entry 3 a friend. Each step records its
    # consent and is rolled back.
    def consent(member, scope, given, expires='NULL', withdrawn=None):
        sql = ("SELECT id AS c FROM kohtaamo.network_consent_record (%d, 1, %d, '%s', %s, NULL) \\gset\n"
               % (member, scope, given, expires))
        if withdrawn is not None:
            sql += "SELECT recorded_at > 0 FROM kohtaamo.network_consent_withdraw (:c, 1, '%s');\n" % withdrawn
        return sql

    def given(name, login, steps, kind=6, disclosure="2, :c", want='t|t|'):
        expect_ok(name, login, 'BEGIN;\n%s%s ROLLBACK;' % (steps, issue_document(kind, disclosure=disclosure)),
                  want=want)

    def refused(name, steps, kind=6, disclosure="2, :c"):
        expect_error(name, 'sw', 'BEGIN;\n%s%s ROLLBACK;' % (steps, issue_document(kind, disclosure=disclosure)),
                     'only as a client plan, resting on the client')

    given('a social worker gives Kela the plan with the client\'s consent', 'sw', consent(2, 4, '2026-11-01'))
    given('a counsellor too, with a consent to everything until the sending day', 'cou',
          consent(2, 7, '2026-11-01', "'2026-12-07'"))
    refused('not with a consent to contact and to share information only', consent(2, 3, '2026-11-01'))
    refused('not with a consent that ended the day before', consent(2, 4, '2026-11-01', "'2026-12-06'"))
    refused('not with a consent withdrawn on the sending day', consent(2, 4, '2026-11-01', withdrawn='2026-12-07'))
    refused('not to a friend: a person is not a partner agency', consent(3, 4, '2026-11-01'),
            disclosure="3, :c")
    refused('not another agency\'s consent', consent(3, 4, '2026-11-01'))
    refused('not a decision', consent(2, 4, '2026-11-01'), kind=5)
    refused('not without the consent', consent(2, 4, '2026-11-01'), disclosure="2, NULL")
    expect_ok('nothing was kept', 'postgres',
              "SELECT count (*) FROM kohtaamo.documents WHERE disclosed_to IS NOT NULL;", want='0')
    flush()


def test_invitation_meetings():
    # Issue 8, 6 (0034-invitation-meetings.sql): an invitation names the
    # meeting it invites to, as the meeting now stands; nothing else names
    # one, and not another person's. appointment_invited() tells whether a
    # meeting's invitation has been issued at its present revision. Each
    # step books person 1's meeting by phone on Tuesday 12.3.2030 at 10 (and
    # person 2's at 11) and is rolled back.
    sw = su("SELECT id FROM kohtaamo.users WHERE account = 'sw';")
    book = ("SELECT kohtaamo.appointment_book (1, NULL, %s, 2, NULL, '2030-03-12', 600, 30, 1, 0, NULL) "
            "AS a \\gset\n"
            "SELECT kohtaamo.appointment_book (2, NULL, %s, 2, NULL, '2030-03-12', 660, 30, 1, 0, NULL) "
            "AS b \\gset\n" % (sw, sw))
    expect_ok('an invitation names its meeting, which is then invited to', 'sw',
              'BEGIN;\n%sSELECT kohtaamo.appointment_invited (:a);\n%s'
              'SELECT kohtaamo.appointment_invited (:a), kohtaamo.appointment_invited (:b);\nROLLBACK;'
              % (book, issue_document(1, meeting=':a, 0')), want='f\nt|t|\nt|f')
    for name, kind, meeting in (('not a decision', 5, ':a, 0'),
                                ('not at a revision the meeting does not have', 1, ':a, 1'),
                                ('not another person\'s meeting', 1, ':b, 0'),
                                ('not a meeting without its revision', 1, ':a, NULL')):
        expect_error('invitation meetings: %s' % name, 'sw',
                     'BEGIN;\n%s%sROLLBACK;' % (book, issue_document(kind, meeting=meeting)),
                     'only an invitation names a meeting')
    for login in ('rec', 'adm'):
        expect_error('%s: asks no meeting\'s invitation' % login, login,
                     'SELECT kohtaamo.appointment_invited (1);', 'letters are sent by')
    expect_ok('invitation meetings: nothing was kept', 'postgres',
              "SELECT count (*) FROM kohtaamo.documents WHERE appointment_id IS NOT NULL;", want='0')
    flush()


def test_calendar_dates():
    # 0032: a date column holds a day of the calendar, whoever writes:
    # here the superuser, past every function and grant, in transactions
    # that are rolled back. '2026-02-30' fits every pattern.
    def refused(what, sql, constraint):
        expect_error('the server refuses 30 February in %s' % what, 'postgres',
                     'BEGIN; %s ROLLBACK;' % sql, constraint)
    refused('a birth date', "UPDATE clients SET birth_date = '1990-02-30', version = version + 1 WHERE id = 100;",
            'clients_birth_date_is_a_day')
    refused('a closed day', "INSERT INTO closed_days (date, name) VALUES ('2026-02-30', 'Siltapäivä');",
            'closed_days_date_is_a_day')
    refused('an assessment deadline',
            "UPDATE cases SET assessment_deadline = '2026-02-30' WHERE id = (SELECT min (id) FROM cases);",
            'cases_assessment_deadline_is_a_day')
    refused('an implementation deadline',
            "UPDATE cases SET implementation_deadline = '2026-04-31' WHERE id = (SELECT min (id) FROM cases);",
            'cases_implementation_deadline_is_a_day')
    kela = ("INSERT INTO contacts (received_at, channel, contactor, contactor_detail, referral, kela_kind, "
            "kela_meeting_deadline, urgency, urgency_assessed_by, urgency_assessed_at, language, outcome, "
            "opens_case, client_id, created_by, created_at) "
            "VALUES (1767300000, 7, 3, 'Kela', 0, 3, '%s', 2, (SELECT min (id) FROM users), 1767300000, 1, 1, "
            "0, 100, (SELECT min (id) FROM users), 1767300000) RETURNING kela_meeting_deadline;")
    expect_ok('a Kela meeting deadline on a real day passes', 'postgres',
              'BEGIN; %s ROLLBACK;' % (kela % '2026-03-02'), want='2026-03-02')
    refused('a Kela meeting deadline', kela % '2026-02-29', 'contacts_kela_meeting_deadline_is_a_day')
    expect_ok('a real day passes', 'postgres',
              "BEGIN; INSERT INTO closed_days (date, name) VALUES ('2028-02-29', 'Karkauspäivä') "
              "RETURNING date; ROLLBACK;", want='2028-02-29')
    # Documents are never changed, so an issued one cannot be given such a
    # day; its three date columns have the same CHECK.
    expect_ok('documents check their days with iso_date_ok', 'postgres',
              "SELECT string_agg (conname, ',' ORDER BY conname) FROM pg_constraint "
              "WHERE conrelid = 'kohtaamo.documents'::regclass AND conname LIKE '%is_a_day' "
              "AND pg_get_constraintdef (oid) LIKE '%iso_date_ok%';",
              want='documents_sent_on_is_a_day,documents_valid_from_is_a_day,documents_valid_until_is_a_day')
    expect_ok('iso_date_ok knows the calendar', 'rec',
              "SELECT iso_date_ok ('2026-02-28'), iso_date_ok ('2026-02-29'), iso_date_ok ('2028-02-29'), "
              "iso_date_ok ('2026-04-31'), iso_date_ok ('2026-12-31');", want='t|f|t|f|t')
    flush()


def test_person_page_read_once():
    # 0036: the read policies of the person's rows ask once per query whom
    # the transaction logged (tx_logged_clients), not once per row; the
    # rule is the same (each step above that opens one person's rows, and
    # nothing without a log row, holds with them).
    policies = su("SELECT string_agg (tablename || ':' || (qual LIKE '%tx_logged_clients%')::text, ',' "
                  "ORDER BY tablename) FROM pg_policies WHERE schemaname = 'kohtaamo' AND cmd = 'SELECT' "
                  "AND tablename IN ('clients', 'contacts', 'cases', 'appointments', 'responsible_workers')")
    tap(policies == 'appointments:true,cases:true,clients:true,contacts:true,responsible_workers:true',
        'the person\'s rows are opened by one look at the log per query', policies)
    for login in ('cou', 'sw', 'lead', 'rec'):
        expect_ok('%s: a log row of person 1 opens their rows, no one else\'s' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_access (1, 2, 2) > 0;
            SELECT count (*) FROM clients WHERE id <> 1;
            SELECT count (*) FROM cases WHERE client_id <> 1;
            SELECT count (*) FROM contacts WHERE client_id <> 1;
            SELECT count (*) FROM responsible_workers WHERE client_id <> 1;
            SELECT count (*) > 0 FROM cases WHERE client_id = 1;
            COMMIT;
        """, want='t\n0\n0\n0\n0\nt')
    for login in ('cou', 'sw', 'lead'):
        expect_ok('%s: a meeting of person 1 opens with them, no one else\'s' % login, login, """
            BEGIN;
            SELECT count (*) FROM appointments;
            SELECT kohtaamo.log_access (1, 13, 2) > 0;
            SELECT count (*) FROM appointments WHERE client_id <> 1;
            COMMIT;
        """, want='0\nt\n0')
    # client_case_states says of each case of a logged person what
    # case_assessment_status and case_plan_status say, for the same roles.
    expect_ok('sw: the states of person 1\'s cases, as the functions of one case say them', 'sw', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 9, 2) > 0;
        SELECT count (*) > 0 FROM kohtaamo.client_case_states (1) WHERE review_on IS NOT NULL;
        SELECT (SELECT string_agg (case_id || ':' || assessment_status || ':' || coalesce (review_on, '-'), ','
                                   ORDER BY case_id)
                FROM kohtaamo.client_case_states (1))
             = (SELECT string_agg (id || ':' || coalesce (kohtaamo.case_assessment_status (id), 0) || ':'
                                   || coalesce ((kohtaamo.case_plan_status (id)).review_on, '-'), ','
                                   ORDER BY id)
                FROM cases WHERE client_id = 1);
        COMMIT;
    """, want='t\nt\nt')
    expect_ok('sw: nothing of a person not logged in the transaction', 'sw', """
        SELECT count (*) FROM kohtaamo.client_case_states (1);
        BEGIN;
        SELECT kohtaamo.log_access (2, 9, 2) > 0;
        SELECT count (*) FROM kohtaamo.client_case_states (1);
        COMMIT;
    """, want='0\nt\n0')
    for login in ('rec', 'adm'):
        expect_ok('%s: the states of the cases are not theirs, even after logging the person' % login, login, """
            BEGIN;
            SELECT kohtaamo.log_access (1, 9, 2) > 0;
            SELECT count (*) FROM kohtaamo.client_case_states (1);
            COMMIT;
        """, want='t\n0')
    expect_error('a login that is no Kohtaamo user cannot call it', 'rogue',
                 "SELECT count (*) FROM kohtaamo.client_case_states (1);", 'not a Kohtaamo user')
    flush()


def test_policy_function_costs():
    # 0037: the policies' per-row checks are declared at what they cost
    # (a call of a function the planner cannot inline), so that a person's
    # cases look up their own contacts by key rather than having every
    # contact of the unit checked one by one.
    costs = su("SELECT string_agg (proname || ':' || procost::int, ',' ORDER BY proname) FROM pg_proc "
               "WHERE pronamespace = 'kohtaamo'::regnamespace AND proname IN ('tx_wrote', 'tx_logged', "
               "'tx_logged_contact', 'tx_logged_assessment', 'tx_logged_assessment_id', 'tx_logged_log_read')")
    tap(costs == 'tx_logged:300,tx_logged_assessment:300,tx_logged_assessment_id:300,'
        'tx_logged_contact:300,tx_logged_log_read:300,tx_wrote:300',
        'the per-row checks of the policies are declared at what they cost', costs)
    # A unit with many contacts (another person's), as the benchmark's.
    su("""
        DO $$
        DECLARE
          cols text;
        BEGIN
          SELECT string_agg (quote_ident (attname), ', ') INTO cols FROM pg_attribute
          WHERE attrelid = 'kohtaamo.contacts'::regclass AND attnum > 0 AND NOT attisdropped
            AND attgenerated = '' AND attname NOT IN ('id', 'request_id', 'received_at');
          EXECUTE format ('INSERT INTO kohtaamo.contacts (%s, received_at) '
                          'SELECT %s, received_at + g FROM kohtaamo.contacts, generate_series (1, 1000) g '
                          'WHERE id = (SELECT min (id) FROM kohtaamo.contacts WHERE client_id = 2)', cols, cols);
        END
        $$;
        -- And 50 more cases of person 1, each opened by a contact of its own.
        DO $$
        DECLARE
          contact_cols text;
          case_cols text;
          contact bigint;
        BEGIN
          SELECT string_agg (quote_ident (attname), ', ') INTO contact_cols FROM pg_attribute
          WHERE attrelid = 'kohtaamo.contacts'::regclass AND attnum > 0 AND NOT attisdropped
            AND attgenerated = '' AND attname NOT IN ('id', 'request_id');
          SELECT string_agg (quote_ident (attname), ', ') INTO case_cols FROM pg_attribute
          WHERE attrelid = 'kohtaamo.cases'::regclass AND attnum > 0 AND NOT attisdropped
            AND attgenerated = '' AND attname NOT IN ('id', 'contact_id', 'assessment_started');
          FOR i IN 1 .. 50 LOOP
            EXECUTE format ('INSERT INTO kohtaamo.contacts (%s) SELECT %s FROM kohtaamo.contacts '
                            'WHERE id = (SELECT min (contact_id) FROM kohtaamo.cases WHERE client_id = 1) '
                            'RETURNING id', contact_cols, contact_cols) INTO contact;
            EXECUTE format ('INSERT INTO kohtaamo.cases (%s, contact_id) SELECT %s, $1 FROM kohtaamo.cases '
                            'WHERE id = (SELECT min (id) FROM kohtaamo.cases WHERE client_id = 1)',
                            case_cols, case_cols) USING contact;
          END LOOP;
        END
        $$;
        ANALYZE kohtaamo.contacts;
        ANALYZE kohtaamo.cases;
    """)
    flush()
    ok, plan, err = psql('sw', """
        BEGIN;
        SELECT kohtaamo.log_access (1, 9, 2) > 0;
        EXPLAIN SELECT cs.id, k.channel FROM cases cs JOIN contacts k ON k.id = cs.contact_id
                WHERE cs.client_id = 1;
        COMMIT;
    """)
    tap(ok and 'Seq Scan on contacts' not in plan and 'contacts_pkey' in plan,
        'sw: a person\'s cases find their contacts by key, not by checking every contact', plan + err)
    flush()


def main():
    if not os.path.exists(PSQL) or not os.path.exists(os.path.join(PG_BIN, 'initdb')):
        print('1..0 # SKIP PostgreSQL 15 is not installed (apt-get install postgresql)')
        sys.exit(77)
    try:
        setup()
        test_chain_first_rows()
        test_schema_matches_sqlite()
        test_each_role()
        test_inserting_reads_back_own_rows()
        test_access_log_append_only()
        test_rules_hold_on_the_server()
        test_roles_cannot_be_raised()
        test_only_a_copy_keeps_log_rows()
        test_reception_reads_the_intake_only()
        test_lead_reads_the_log()
        test_search_and_work_lists()
        test_search_in_one_call()
        test_address_and_non_disclosure()
        test_contact_by_its_id()
        test_assessments()
        test_case_notes()
        test_responsible_workers()
        test_documents()
        test_contact_attempts()
        test_network()
        test_client_plans()
        test_plan_disclosures()
        test_users_who_may_not()
        test_teams()
        test_chain_under_concurrency()
        test_verify_and_checkpoint()
        test_caseload()
        test_appointments()
        # After it: its meetings are numbered from 1.
        test_invitation_meetings()
        test_calendar_dates()
        test_person_page_read_once()
        test_policy_function_costs()
    finally:
        if cluster_dir is not None:
            subprocess.run([CLUSTER, 'stop', cluster_dir], capture_output=True, timeout=120)
            shutil.rmtree(cluster_dir, ignore_errors=True)
    print('1..%d' % len(results))
    sys.exit(0 if all(results) else 1)


if __name__ == '__main__':
    main()
