#!/usr/bin/env python3
# check-translations.py — are the Finnish and Swedish catalogues complete?
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.py SOURCE_ROOT
#
# Fails, naming each offending string or file, when
#   1. a source file with translatable strings is not listed in
#      po/POTFILES.in (or a listed file has none or is gone);
#   2. a string that xgettext finds in the sources (with meson's glib preset
#      keywords) is missing from a catalogue in po/LINGUAS;
#   3. a message in a catalogue is untranslated or fuzzy, or msgfmt --check
#      finds an error (e.g. a format string that does not match).
# Prints TAP: one test per check and language.

import os
import re
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n 'glib' preset
# (mesonbuild/modules/i18n.py), so that this test sees what `ninja kohtaamo-pot` sees.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

ESCAPES = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a',
           'b': '\b', 'f': '\f', 'v': '\v'}


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    s = s[1:-1]
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(1)), s)


class Message:
    def __init__(self):
        self.ctxt = None
        self.msgid = None
        self.plural = None
        self.msgstr = {}
        self.flags = set()
        self.refs = []
        self.obsolete = False

    def key(self):
        return (self.ctxt, self.msgid)

    def label(self):
        text = self.msgid.replace('\n', '\\n')
        if self.ctxt is not None:
            return f'[{self.ctxt}] "{text}"'
        return f'"{text}"'


def parse_po(path):
    """Parses a PO or POT file into a list of Message (header excluded)."""
    messages = []
    cur = Message()
    field = None

    def flush():
        nonlocal cur, field
        if cur.msgid is not None and cur.msgid != '':
            messages.append(cur)
        cur = Message()
        field = None

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                flush()
                continue
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
                cur.obsolete = True
            elif line.startswith('#'):
                if cur.msgid is not None and field is not None and cur.msgstr:
                    flush()
                if line.startswith('#,'):
                    cur.flags.update(x.strip() for x in line[2:].split(','))
                elif line.startswith('#:'):
                    cur.refs.extend(line[2:].split())
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if m:
                keyword, index, value = m.group(1), m.group(2), unquote(m.group(3))
                if keyword == 'msgctxt' or (keyword == 'msgid' and cur.msgstr):
                    if cur.msgstr:
                        flush()
                if keyword == 'msgctxt':
                    cur.ctxt = value
                    field = ('ctxt',)
                elif keyword == 'msgid':
                    cur.msgid = value
                    field = ('msgid',)
                elif keyword == 'msgid_plural':
                    cur.plural = value
                    field = ('plural',)
                else:
                    i = int(index) if index is not None else 0
                    cur.msgstr[i] = value
                    field = ('msgstr', i)
            elif line.startswith('"') and field is not None:
                value = unquote(line)
                if field[0] == 'ctxt':
                    cur.ctxt += value
                elif field[0] == 'msgid':
                    cur.msgid += value
                elif field[0] == 'plural':
                    cur.plural += value
                else:
                    cur.msgstr[field[1]] += value
            else:
                raise ValueError(f'{path}: cannot read line: {line!r}')
    flush()
    return messages


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, name, problems):
        self.n += 1
        if ok:
            print(f'ok {self.n} {name}')
        else:
            self.failed += 1
            print(f'not ok {self.n} {name}')
            for p in problems:
                print(f'# {p}')
            # Also on stderr, which meson --print-errorlogs shows.
            print(f'{name}:', file=sys.stderr)
            for p in problems:
                print(f'  {p}', file=sys.stderr)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    po_dir = os.path.join(root, 'po')
    tap = Tap()

    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        linguas = [w for line in f for w in line.split('#')[0].split()]
    with open(os.path.join(po_dir, 'POTFILES.in'), encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.startswith('#')]

    # 1. POTFILES.in lists exactly the files with translatable strings.
    wanted = subprocess.run([os.path.join(po_dir, 'update-potfiles'), '--list'],
                            check=True, capture_output=True, text=True).stdout.split()
    problems = [f'{p}: has translatable strings but is not in po/POTFILES.in'
                for p in wanted if p not in listed]
    problems += [f'{p}: listed in po/POTFILES.in but does not exist'
                 for p in listed if not os.path.exists(os.path.join(root, p))]
    problems += [f'{p}: listed in po/POTFILES.in but has no translatable strings'
                 for p in listed if os.path.exists(os.path.join(root, p)) and p not in wanted]
    if problems:
        problems.append('run po/update-potfiles to fix po/POTFILES.in')
    tap.result(not problems, '/i18n/potfiles', problems)

    existing = [p for p in listed if os.path.exists(os.path.join(root, p))]
    with tempfile.TemporaryDirectory() as tmp:
        files = os.path.join(tmp, 'files')
        with open(files, 'w', encoding='utf-8') as f:
            f.write('\n'.join(existing) + '\n')
        pot = os.path.join(tmp, 'kohtaamo.pot')
        if existing:
            subprocess.run(['xgettext', *XGETTEXT_ARGS, '--package-name=kohtaamo',
                            f'--directory={root}', f'--files-from={files}',
                            f'--output={pot}'],
                           check=True)
        source = parse_po(pot) if os.path.exists(pot) else []

        for lang in linguas:
            po = os.path.join(po_dir, f'{lang}.po')
            if not os.path.exists(po):
                tap.result(False, f'/i18n/{lang}/complete', [f'po/{lang}.po does not exist'])
                continue
            catalogue = parse_po(po)
            live = {m.key(): m for m in catalogue if not m.obsolete}

            # 2. Every source string is in the catalogue.
            problems = []
            for m in source:
                if m.key() not in live:
                    where = ' '.join(m.refs[:3]) + (' …' if len(m.refs) > 3 else '')
                    problems.append(f'missing {m.label()} ({where})')
            if problems:
                problems.append(f'{len(problems)} source strings missing from po/{lang}.po: '
                                'merge with msgmerge (see README, "Translations")')
            tap.result(not problems, f'/i18n/{lang}/complete', problems)

            # 3. Nothing untranslated or fuzzy, and msgfmt --check is happy.
            problems = []
            for m in live.values():
                if 'fuzzy' in m.flags:
                    problems.append(f'fuzzy {m.label()}')
                elif not m.msgstr or any(v == '' for v in m.msgstr.values()):
                    problems.append(f'untranslated {m.label()}')
            check = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                                   capture_output=True, text=True)
            stats = check.stderr.strip()
            if check.returncode != 0:
                problems += [f'msgfmt: {line}' for line in stats.splitlines()]
            if problems:
                problems.append(f'po/{lang}.po: {stats.splitlines()[-1] if stats else "?"}')
            tap.result(not problems, f'/i18n/{lang}/translated', problems)

    print(f'1..{tap.n}')
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
