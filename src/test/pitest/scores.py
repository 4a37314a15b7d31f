#!/usr/bin/env python3
"""Prints the PIT score per rule package and class from target/pit-reports/*/mutations.xml, and every
surviving or uncovered mutant. Usage: python3 src/test/pitest/scores.py [--survivors]"""
import collections, glob, os, sys
import xml.etree.ElementTree as ET

root = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'target', 'pit-reports')
show = '--survivors' in sys.argv
print('| rule package (execution) | class | mutants | killed | score |')
print('|---|---|---:|---:|---:|')
for report in sorted(glob.glob(os.path.join(root, '*', 'mutations.xml'))):
    execution = os.path.basename(os.path.dirname(report))
    per_class = collections.OrderedDict()
    survivors = []
    for m in ET.parse(report).getroot():
        cls = m.findtext('mutatedClass').split('$')[0].rsplit('.', 1)[1]
        total, killed = per_class.get(cls, (0, 0))
        detected = m.get('detected') == 'true'
        per_class[cls] = (total + 1, killed + (1 if detected else 0))
        if not detected:
            survivors.append((m.get('status'), m.findtext('mutatedClass'), m.findtext('mutatedMethod'),
                              m.findtext('lineNumber'), m.findtext('description')))
    all_total = sum(t for t, _ in per_class.values())
    all_killed = sum(k for _, k in per_class.values())
    for cls, (t, k) in sorted(per_class.items()):
        print(f'| {execution} | {cls} | {t} | {k} | {100 * k // t} % |')
    print(f'| **{execution}** | **all** | **{all_total}** | **{all_killed}** | **{100 * all_killed // all_total} %** |')
    if show:
        for s in survivors:
            print('   ', *s)
