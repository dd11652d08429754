#!/usr/bin/env python3
"""Checks the built-in catalogues in database/catalogues/.

Usage: python3 database/check_catalogues.py [CATALOGUE_DIR]

Checks the file format (UTF-8 without BOM, LF line endings, RFC 4180 CSV,
exact headers, same number of fields on every row) and the content:
frameworks.csv lists exactly the framework-<code>.csv files; in each
framework file codes are unique, every parent exists and comes before its
children, a group row has no rule and its max_points is the sum of its
children, the roots add up to the framework total (100, or 18 for
TT01-2018), enumerations and yes/no values are valid, a rate has a target
in (0, 1], a count or deduction has per_unit. Also checks scales.csv,
aspects.csv and procedure_fields.csv. Prints one line per problem and
exits 1 if there is any, 0 otherwise.
"""
import csv
import io
import os
import re
import sys

FRAMEWORK_HEADER = ['framework', 'year', 'kind', 'code', 'parent', 'title', 'max_points', 'rule',
                    'target', 'per_unit', 'no_data', 'evidence_required', 'cap',
                    'applies_to_communes', 'order']
HEADERS = {
    'frameworks.csv': ['framework', 'name', 'year', 'kind', 'bands', 'description'],
    'scales.csv': ['scale', 'name', 'value', 'label', 'satisfied'],
    'aspects.csv': ['code', 'name', 'order'],
    'procedure_fields.csv': ['code', 'name'],
}
KINDS = {'par', 'service', 'survey', 'self', 'custom'}
RULES = {'manual', 'rate', 'yesno', 'count', 'deduction'}
NO_DATA = {'full', 'zero', 'na'}
YES_NO = {'yes', 'no'}
# Total of the roots of each framework; any framework not listed: 100.
EXPECTED_TOTALS = {'TT01-2018': 18}
EPS = 1e-9

problems = []


def problem(path, line, msg):
    problems.append('%s:%s: %s' % (os.path.basename(path), line, msg))


def read_csv(path, header):
    """Returns a list of (line number, dict) or None when unreadable."""
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        problem(path, 1, 'starts with a byte order mark')
    if b'\r' in raw:
        problem(path, 1, 'has CR characters (line endings must be LF)')
    if raw and not raw.endswith(b'\n'):
        problem(path, 'end', 'does not end with a line feed')
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        problem(path, 1, 'not UTF-8: %s' % e)
        return None
    text = text.lstrip('\ufeff')
    reader = csv.reader(io.StringIO(text, newline=''), strict=True)
    rows = []
    try:
        for rec in reader:
            rows.append((reader.line_num, rec))
    except csv.Error as e:
        problem(path, reader.line_num, 'CSV error: %s' % e)
        return None
    if not rows:
        problem(path, 1, 'empty file')
        return None
    if rows[0][1] != header:
        problem(path, 1, 'header is %s, expected %s' % (','.join(rows[0][1]), ','.join(header)))
        return None
    out = []
    for line, rec in rows[1:]:
        if len(rec) != len(header):
            problem(path, line, '%d fields, expected %d' % (len(rec), len(header)))
            continue
        for k, v in zip(header, rec):
            if v != v.strip():
                problem(path, line, '%s has leading or trailing spaces' % k)
        out.append((line, dict(zip(header, rec))))
    return out


def number(path, line, field, value, allow_empty=True):
    if value == '':
        if not allow_empty:
            problem(path, line, '%s is empty' % field)
        return None
    if not re.fullmatch(r'-?[0-9]+(\.[0-9]+)?', value):
        problem(path, line, '%s "%s" is not a number with . as decimal mark' % (field, value))
        return None
    return float(value)


def integer(path, line, field, value):
    if not re.fullmatch(r'-?[0-9]+', value):
        problem(path, line, '%s "%s" is not an integer' % (field, value))
        return None
    return int(value)


def check_frameworks_list(directory):
    path = os.path.join(directory, 'frameworks.csv')
    rows = read_csv(path, HEADERS['frameworks.csv'])
    frameworks = {}
    if rows is None:
        return frameworks
    for line, r in rows:
        code = r['framework']
        if not code or ' ' in code:
            problem(path, line, 'framework code "%s" is empty or has spaces' % code)
        if code in frameworks:
            problem(path, line, 'framework %s listed twice' % code)
        if not r['name']:
            problem(path, line, 'name is empty')
        year = integer(path, line, 'year', r['year'])
        if year is not None and not 1900 <= year <= 2999:
            problem(path, line, 'year %d out of range' % year)
        if r['kind'] not in KINDS:
            problem(path, line, 'kind "%s" not one of %s' % (r['kind'], '|'.join(sorted(KINDS))))
        if r['bands']:
            labels, last = set(), None
            for part in r['bands'].split(';'):
                m = re.fullmatch(r'([^:;]+):([0-9]+(?:\.[0-9]+)?)', part)
                if not m:
                    problem(path, line, 'band "%s" is not label:min_percent' % part)
                    continue
                label, pct = m.group(1), float(m.group(2))
                if label in labels:
                    problem(path, line, 'band %s twice' % label)
                labels.add(label)
                if not 0 <= pct <= 100:
                    problem(path, line, 'band %s: %g outside 0..100' % (label, pct))
                if last is not None and pct >= last:
                    problem(path, line, 'bands not listed best first (%s)' % label)
                last = pct
            if last is not None and last != 0:
                problem(path, line, 'lowest band should start at 0 so every unit gets a band')
        frameworks[code] = r
    return frameworks


def check_framework_file(path, code, meta):
    rows = read_csv(path, FRAMEWORK_HEADER)
    if rows is None:
        return None
    nodes, children, order = {}, {}, []
    for line, r in rows:
        if r['framework'] != code:
            problem(path, line, 'framework "%s", expected %s' % (r['framework'], code))
        if meta and (r['year'] != meta['year'] or r['kind'] != meta['kind']):
            problem(path, line, 'year/kind %s/%s differ from frameworks.csv (%s/%s)' %
                    (r['year'], r['kind'], meta['year'], meta['kind']))
        c = r['code']
        if not c or ' ' in c:
            problem(path, line, 'code "%s" is empty or has spaces' % c)
            continue
        if c in nodes:
            problem(path, line, 'code %s twice' % c)
            continue
        p = r['parent']
        if p and p not in nodes:
            problem(path, line, 'parent %s of %s not defined on an earlier row' % (p, c))
        if not r['title']:
            problem(path, line, 'title is empty')
        mx = number(path, line, 'max_points', r['max_points'], allow_empty=False)
        if mx is not None and mx < 0:
            problem(path, line, 'max_points is negative')
        rule = r['rule']
        if rule and rule not in RULES:
            problem(path, line, 'rule "%s" not one of %s' % (rule, '|'.join(sorted(RULES))))
        target = number(path, line, 'target', r['target'])
        if target is not None and not 0 < target <= 1:
            problem(path, line, 'target %g is not a ratio in (0, 1]' % target)
        if rule == 'rate' and target is None:
            problem(path, line, 'rate without target')
        if rule != 'rate' and target is not None:
            problem(path, line, 'target given for rule "%s"' % rule)
        per_unit = number(path, line, 'per_unit', r['per_unit'])
        if per_unit is not None and per_unit <= 0:
            problem(path, line, 'per_unit must be positive')
        if rule in ('count', 'deduction') and per_unit is None:
            problem(path, line, '%s without per_unit' % rule)
        if rule not in ('count', 'deduction') and per_unit is not None:
            problem(path, line, 'per_unit given for rule "%s"' % rule)
        if r['no_data'] and r['no_data'] not in NO_DATA:
            problem(path, line, 'no_data "%s" not one of full|zero|na' % r['no_data'])
        if not rule and r['no_data']:
            problem(path, line, 'no_data given on a group row')
        for b in ('evidence_required', 'applies_to_communes'):
            if r[b] not in YES_NO:
                problem(path, line, '%s "%s" is not yes or no' % (b, r[b]))
        cap = number(path, line, 'cap', r['cap'])
        if cap is not None and cap < 0:
            problem(path, line, 'cap is negative')
        if not rule and cap is not None:
            problem(path, line, 'cap given on a group row')
        integer(path, line, 'order', r['order'])
        nodes[c] = dict(line=line, parent=p, max=mx, rule=rule, order=r['order'],
                        applies=r['applies_to_communes'])
        children.setdefault(p, []).append(c)
        order.append(c)

    for c in order:
        n = nodes[c]
        kids = children.get(c, [])
        if n['rule'] and kids:
            problem(path, n['line'], '%s has a rule and children (a group row leaves rule empty)' % c)
        if not n['rule'] and not kids:
            problem(path, n['line'], '%s has neither a rule nor children' % c)
        if kids and n['max'] is not None:
            s = sum(nodes[k]['max'] or 0 for k in kids)
            if abs(s - n['max']) > EPS:
                problem(path, n['line'], 'max_points of %s is %g, its children add up to %g' %
                        (c, n['max'], s))
        if kids and n['applies'] == 'no' and any(nodes[k]['applies'] == 'yes' for k in kids):
            problem(path, n['line'], '%s does not apply to communes but a child does' % c)
    for p, kids in children.items():
        orders = [nodes[k]['order'] for k in kids]
        if len(set(orders)) != len(orders):
            problem(path, nodes[kids[0]]['line'], 'children of "%s" repeat an order value' % p)
    roots = children.get('', [])
    total = sum(nodes[r]['max'] or 0 for r in roots)
    expected = EXPECTED_TOTALS.get(code, 100)
    if abs(total - expected) > EPS:
        problem(path, 'roots', 'roots add up to %g, expected %g' % (total, expected))
    return dict(nodes=len(nodes), roots=len(roots), total=total,
                leaves=sum(1 for c in order if nodes[c]['rule']))


def check_scales(directory):
    path = os.path.join(directory, 'scales.csv')
    rows = read_csv(path, HEADERS['scales.csv'])
    if rows is None:
        return
    scales = {}
    for line, r in rows:
        s = scales.setdefault(r['scale'], dict(name=r['name'], values=set(), satisfied=0))
        if r['name'] != s['name']:
            problem(path, line, 'scale %s has two names' % r['scale'])
        v = integer(path, line, 'value', r['value'])
        if v is not None:
            if not 1 <= v <= 5:
                problem(path, line, 'value %d outside 1..5 (tallies have level1..level5)' % v)
            if v in s['values']:
                problem(path, line, 'value %d twice in %s' % (v, r['scale']))
            s['values'].add(v)
        if not r['label']:
            problem(path, line, 'label is empty')
        if r['satisfied'] not in YES_NO:
            problem(path, line, 'satisfied "%s" is not yes or no' % r['satisfied'])
        elif r['satisfied'] == 'yes':
            s['satisfied'] += 1
    for code, s in scales.items():
        if s['values'] != set(range(1, len(s['values']) + 1)):
            problem(path, code, 'values of %s are not 1..n' % code)
        if not s['satisfied']:
            problem(path, code, 'scale %s has no satisfied level' % code)


def check_simple(directory, name, required=()):
    path = os.path.join(directory, name)
    rows = read_csv(path, HEADERS[name])
    if rows is None:
        return
    codes, names = set(), set()
    for line, r in rows:
        if not re.fullmatch(r'[A-Za-z0-9_-]+', r['code']):
            problem(path, line, 'code "%s" must be ASCII letters, digits, - or _' % r['code'])
        if r['code'] in codes:
            problem(path, line, 'code %s twice' % r['code'])
        if r['name'] in names:
            problem(path, line, 'name %s twice' % r['name'])
        if not r['name']:
            problem(path, line, 'name is empty')
        if 'order' in r:
            integer(path, line, 'order', r['order'])
        codes.add(r['code'])
        names.add(r['name'])
    for c in required:
        if c not in codes:
            problem(path, '-', 'required code %s missing' % c)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'catalogues')
    frameworks = check_frameworks_list(directory)
    files = sorted(os.listdir(directory))
    fw_files = {f[len('framework-'):-4]: f for f in files
                if f.startswith('framework-') and f.endswith('.csv')}
    for code in frameworks:
        if code not in fw_files:
            problem('frameworks.csv', '-', 'no file framework-%s.csv' % code)
    for code, f in fw_files.items():
        if code not in frameworks:
            problem(f, '-', 'framework %s not listed in frameworks.csv' % code)
        info = check_framework_file(os.path.join(directory, f), code, frameworks.get(code))
        if info:
            print('%-28s %3d nodes, %2d roots, %3d scored leaves, total %g' %
                  (f, info['nodes'], info['roots'], info['leaves'], info['total']))
    check_scales(directory)
    check_simple(directory, 'aspects.csv', required=('attitude', 'handling', 'guidance'))
    check_simple(directory, 'procedure_fields.csv')
    known = set(HEADERS) | set(fw_files.values())
    for f in files:
        if f not in known:
            problem(f, '-', 'unknown file in the catalogue directory (it would be embedded)')
    for p in problems:
        print(p)
    print('%d problem(s)' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
